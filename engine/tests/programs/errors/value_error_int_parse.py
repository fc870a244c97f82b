text = "42x"
print("parsing", repr(text))
number = int(text)
