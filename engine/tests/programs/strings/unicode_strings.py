s = "naïve café 😀"
print(len(s), s.upper(), s[-1], s.encode("utf-8"))
print(len(s.encode("utf-8")), s.encode("utf-8").decode("utf-8") == s)
print("straße".upper(), "İ".lower() == "i̇", "ǅ".istitle())
print(ascii("café"), repr("😀"))
print([hex(ord(c)) for c in "é😀"])
