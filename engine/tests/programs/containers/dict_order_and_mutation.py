d = {}
for key in ["zebra", "apple", "mango"]:
    d[key] = len(key)
print(d)
d["apple"] = 0
print(list(d))
del d["zebra"]
d["zebra"] = 1
print(list(d))
try:
    for k in d:
        d["new"] = 1
except RuntimeError as e:
    print("RuntimeError:", e)
print({k: v for k, v in sorted(d.items(), key=lambda kv: kv[1])})
print({1: "a"} == {1: "a"}, {1: "a", 2: "b"} == {2: "b", 1: "a"})
