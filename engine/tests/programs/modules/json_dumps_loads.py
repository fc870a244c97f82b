import json
data = {"name": "Ada", "age": 36, "langs": ["en", "fr"], "ok": True, "none": None, "pi": 3.14159, "big": 10**20, "nested": {"a": [1, {"b": []}], "e": {}}, 5: "int key", 2.5: "f", None: 1, False: 0}
print(json.dumps(data))
print(json.dumps(data, indent=2))
print(json.dumps(data, indent="\t", sort_keys=False, separators=(",", ":")))
print(json.dumps([1, 2], indent=0), json.dumps("h\u00e9llo \"q\" \n\t\\ \u2603 \U0001f600"), json.dumps("h\u00e9llo \u2603", ensure_ascii=False))
print(json.dumps({"b": 1, "a": 2}, sort_keys=True), json.dumps((1, 2)), json.dumps(float("inf")), json.dumps([float("nan"), -float("inf")]), json.dumps(1e100), json.dumps(0.1 + 0.2))
for bad in [lambda: json.dumps({1, 2}), lambda: json.dumps({(1, 2): 3}), lambda: json.dumps(float("nan"), allow_nan=False)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
l = []; l.append(l)
try:
    json.dumps(l)
except ValueError as e:
    print(e)
class P:
    def __init__(self): self.x = 1
print(json.dumps(P(), default=lambda o: o.__dict__), json.dumps({"k": P()}, default=vars, indent=1))
s = '{"a": [1, 2.5, -3e2, 1E+2, true, false, null, "x\\n\\u00e9\\ud83d\\ude00"], "b": {"c": {}}, "d": [], "e": -0, "f": 0.0}'
print(json.loads(s))
print(json.loads('  [1 , 2 ]  '), json.loads('"abc"'), json.loads('12'), json.loads('NaN'), json.loads('-Infinity'), json.loads(b'[1]'))
for bad in ['', '[1,]', '{"a":1,}', '{"a" 1}', '[1 2]', '{1: 2}', '"abc', '[1] x', 'tru', '"\\x"', '{"a": }', '\n\n  [', '"a\tb"', '{"a": 1', '[', '-', '01']:
    try:
        print(repr(json.loads(bad)))
    except json.JSONDecodeError as e:
        print(type(e).__name__, e, e.pos, e.lineno, e.colno, isinstance(e, ValueError))
print(json.loads('{"a": 1}', object_hook=lambda d: sorted(d.items())), json.loads('[1.5]', parse_float=str), json.loads('{"x": 1, "x": 2}'))
try:
    json.loads(5)
except TypeError as e:
    print(e)
print(json.dumps({"a": [1, 2, {"b": None}]}, indent=4, sort_keys=True))
