async def compute():
    return 42

result = compute()
print(type(result).__name__)
print("the coroutine never ran")
del result
print("end")
