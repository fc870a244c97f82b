class Config:
    def __init__(self):
        self.debug = False

    def __getattr__(self, name):
        return f"<default {name}>"

c = Config()
print(c.debug, c.verbose, c.level)

class Record:
    def __init__(self, **fields):
        self.__dict__.update(fields)

    def __setattr__(self, name, value):
        print("set", name, value)
        super().__setattr__(name, value)

r = Record(a=1)
r.b = 2
print(r.a, r.b)
