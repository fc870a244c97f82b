class Temperature:
    scale = "C"

    def __init__(self, degrees):
        self.degrees = degrees

    @classmethod
    def from_fahrenheit(cls, f):
        return cls(round((f - 32) * 5 / 9, 1))

    @staticmethod
    def is_freezing(degrees):
        return degrees <= 0

t = Temperature.from_fahrenheit(212)
print(t.degrees, t.scale)
print(Temperature.is_freezing(-3), t.is_freezing(5))

class Kelvin(Temperature):
    scale = "K"

k = Kelvin.from_fahrenheit(32)
print(type(k).__name__, k.degrees, k.scale)
