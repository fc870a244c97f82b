inventory = {
    "fruits": {"apple": [1.0, 3], "pear": [0.5, 10]},
    "veg": {"leek": [2.25, 1]},
}
for category, items in inventory.items():
    total = sum(price * qty for price, qty in items.values())
    print(f"{category}: {total}")
inventory["veg"]["kale"] = [3.0, 2]
print(sorted(inventory["veg"]))
print(len(inventory), [len(v) for v in inventory.values()])
print(inventory["fruits"]["pear"][1])
