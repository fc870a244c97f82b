class Dog:
    species = "canis"

    def __init__(self, name, age):
        self.name = name
        self.age = age

    def bark(self):
        return f"{self.name} says woof"

d = Dog("Rex", 3)
print(d.bark())
print(d.species, Dog.species)
d.species = "wolf"
print(d.species, Dog.species)
print(d.name, d.age)
