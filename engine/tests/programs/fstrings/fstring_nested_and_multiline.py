items = {"apple": 1.5, "banana": 0.25, "cherry": 10}
for fruit, price in items.items():
    print(f"{fruit:<8}{price:>8.2f}")
total = sum(items.values())
message = (
    f"total: {total:.2f} "
    f"for {len(items)} items"
)
print(message)
print(f"{'yes' if total > 5 else 'no'}")
print(f"""multi
line {total:.0f}""")
