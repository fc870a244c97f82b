try:
    raise ValueError("temp")
except ValueError as err:
    saved = err
try:
    err
except NameError as e:
    print("NameError:", e)
print(repr(saved))
