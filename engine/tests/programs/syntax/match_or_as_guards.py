class Color:
    RED = "red"
    GREEN = "green"


def classify(v):
    match v:
        case 0 | 1 | 2 as small:
            return f"small {small}"
        case Color.RED | Color.GREEN as c:
            return f"colour {c}"
        case int(n) | float(n) if n > 100:
            return f"big {n}"
        case [x, y] | (x, y, _):
            return f"pair-ish {x} {y}"
        case str() as s if s.isupper():
            return f"shouting {s}"
        case None | True | False as constant:
            return f"constant {constant}"
        case -1:
            return "minus one"
        case "a" "b":
            return "concatenated ab"
        case other:
            return f"other {other!r}"


for v in [0, 2, "red", "green", 150, 2.5e3, 50, [1, 2], (3, 4, 5), "HEY", "hey", None, True, False, -1, "ab", 1.0]:
    print(classify(v))

calls = []


def guard(label, result):
    calls.append(label)
    return result


match 5:
    case 5 if guard("first", False):
        print("not this one")
    case int() if guard("second", True):
        print("second guard matched")
    case _ if guard("third", True):
        print("never reached")
print(calls)

for value in [1, 2, 3]:
    match value:
        case 1:
            continue
        case 2:
            print("two")
        case _:
            break
print("loop done at", value)
