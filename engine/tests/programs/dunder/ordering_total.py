from functools import total_ordering

@total_ordering
class Version:
    def __init__(self, text):
        self.parts = tuple(int(p) for p in text.split("."))

    def __eq__(self, other):
        return self.parts == other.parts

    def __lt__(self, other):
        return self.parts < other.parts

    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))

vs = [Version(t) for t in ["1.10", "1.2", "1.2.1", "0.9"]]
print(sorted(vs))
print(max(vs), min(vs))
print(Version("2.0") >= Version("1.9"), Version("1.0") > Version("1.0"))
