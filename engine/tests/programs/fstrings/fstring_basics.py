name = "Ada"
n = 3
print(f"Hello, {name}! You have {n} new messages.")
print(f"{n * 2 + 1} {name.upper()} {len(name)} {[i for i in range(n)]}")
print(f"{'quoted'} {name!r} {name!s} {name!a}")
print(f"{{literal braces}} {n}")
d = {"k": "v"}
print(f"{d['k']} {d}")
