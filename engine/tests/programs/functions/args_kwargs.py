def show(*args, **kwargs):
    print("args:", args)
    print("kwargs:", kwargs)

show(1, 2, x=3, y=4)
show()
nums = [1, 2, 3]
opts = {"sep": "-", "end": "!\n"}
print(*nums, **opts)

def total(first, *rest, scale=1):
    return (first + sum(rest)) * scale

print(total(1, 2, 3, scale=10))
