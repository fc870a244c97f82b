stock = {"apple": 3, "pear": 0}
stock["kiwi"] = 7
print(stock, len(stock), "apple" in stock, 3 in stock)
print(stock.get("plum"), stock.get("plum", 0), stock.setdefault("fig", 1), stock)
print(list(stock.keys()), list(stock.values()), list(stock.items()))
print(stock.pop("pear"), stock.pop("none", "default"), stock)
stock.update({"apple": 10, "lime": 2}, mango=4)
print(stock)
print(stock.popitem(), stock)
merged = {"a": 1} | {"b": 2, "a": 3}
print(merged, dict.fromkeys("ab", 0), dict(zip("xy", [1, 2])), dict(a=1, b=2))
for key, value in sorted(stock.items()):
    print(key, value)
try:
    stock["missing"]
except KeyError as e:
    print("KeyError:", e)
d = {1: "int", 1.0: "float", True: "bool"}
print(d)
