def describe(command):
    match command.split():
        case ["go", direction]:
            return f"going {direction}"
        case ["pick", "up", *items] if items:
            return "picking up " + ", ".join(items)
        case ["quit" | "exit"]:
            return "bye"
        case []:
            return "nothing"
        case _:
            return f"unknown: {command!r}"

for c in ["go north", "pick up sword shield", "quit", "exit", "", "dance now"]:
    print(describe(c))

def shape(p):
    match p:
        case (0, 0):
            return "origin"
        case (x, 0):
            return f"on x axis at {x}"
        case {"kind": "circle", "r": r}:
            return f"circle r={r}"
        case int() | float() as number:
            return f"number {number}"
        case _:
            return "other"

print(shape((0, 0)), shape((3, 0)), shape({"kind": "circle", "r": 2}), shape(2.5), shape("x"))
