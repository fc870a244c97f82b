def greet():
    print("Hello, " + nmae)

name = "world"
greet()
