from collections import OrderedDict, defaultdict


def handle(event):
    match event:
        case {"type": "click", "pos": (x, y)}:
            return f"click at {x},{y}"
        case {"type": "key", "key": "q" | "Q"}:
            return "quit"
        case {"type": "key", "key": str(k), **rest}:
            return f"key {k} with {rest}"
        case {"type": t}:
            return f"unknown event {t}"
        case {}:
            return "a mapping without a type"
        case _:
            return "not a mapping"


events = [
    {"type": "click", "pos": (3, 4)},
    {"type": "click", "pos": [1, 2], "extra": True},
    {"type": "key", "key": "Q"},
    {"type": "key", "key": "a", "shift": True, "ctrl": False},
    {"type": "scroll"},
    {"size": 3},
    OrderedDict(type="key", key="z"),
    [("type", "click")],
]
for e in events:
    print(handle(e))

counts = defaultdict(int)
match counts:
    case {"missing": _}:
        print("found a key that is not there")
    case {**everything}:
        print("defaultdict rest:", everything, dict(counts))


class Config:
    DEBUG = "debug"


match {"debug": 1, None: 2, 3: "three", True: "yes"}:
    case {Config.DEBUG: 1, None: n, 3: s, True: t}:
        print("value-pattern keys:", n, s, t)
