class Animal:
    def __init__(self, name):
        self.name = name

    def speak(self):
        return "..."

    def describe(self):
        return f"{self.name}: {self.speak()}"

class Cat(Animal):
    def speak(self):
        return "meow"

class Lion(Cat):
    def __init__(self, name, pride):
        super().__init__(name)
        self.pride = pride

    def speak(self):
        return super().speak().upper() + "!"

for a in [Animal("generic"), Cat("Tom"), Lion("Leo", "north")]:
    print(a.describe())
print(isinstance(Lion("x", "y"), Animal), issubclass(Cat, Lion))
