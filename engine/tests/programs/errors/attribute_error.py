class Task:
    def __init__(self):
        self.name = "t"

t = Task()
print(t.name)
t.run()
