from collections import deque


def describe(seq):
    match seq:
        case []:
            return "empty"
        case [x]:
            return f"one item: {x}"
        case [x, y]:
            return f"two items: {x}, {y}"
        case [first, *middle, last] if middle:
            return f"{first} ... {middle} ... {last}"
        case [first, *_]:
            return f"starts with {first}"


for s in [[], [1], (1, 2), [1, 2, 3, 4], range(5), deque("abc"), "not a sequence", b"nor this", {1, 2}]:
    try:
        print(repr(s), "->", describe(s))
    except Exception as e:
        print(type(e).__name__, e)


def nested(v):
    match v:
        case [[a, b], [c, d]]:
            return a + b + c + d
        case [(a, b), *rest]:
            return f"pair {a},{b} then {len(rest)} more"
        case (1, *rest):
            return f"one then {rest}"
    return "no match"


print(nested([[1, 2], [3, 4]]))
print(nested([(5, 6), 7, 8]))
print(nested((1, 2, 3)))
print(nested((1,)))
print(nested("ab"))

match 1, 2, 3:
    case first, *others:
        print("open sequence:", first, others)

match [1, [2, 3]]:
    case [a, [b, c] as inner]:
        print(a, b, c, inner)
