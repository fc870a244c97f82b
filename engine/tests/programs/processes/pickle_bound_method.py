import multiprocessing

class Greeter:
    def __init__(self, greeting):
        self.greeting = greeting

    def greet(self, name):
        return f"{self.greeting}, {name}"

if __name__ == "__main__":
    g = Greeter("Bonjour")
    with multiprocessing.Pool(1) as pool:
        print(pool.apply(g.greet, ("Ada",)))
        print(pool.map(str.upper, ["a", "b"]))
