a = "ab"
print(a + "cd", a * 3, 3 * "-", "" * 5)
print("abc" < "abd", "Z" < "a", "apple" > "app", "10" < "9")
print(ord("A"), chr(97), chr(0x263A), ord("\n"))
print(str(42), str(3.0), str(None), str(True), str([1, "a"]))
print(len(""), len("héllo"), "ab" == "a" + "b")
s = "mississippi"
print(sorted(set(s)), s.count("ss"), s.index("ssi", 3))
print(min("hello"), max("hello"), sorted("hello"), list("hi"))
try:
    "a" + 1
except TypeError as e:
    print("TypeError:", e)
try:
    "a" * 2.0
except TypeError as e:
    print("TypeError:", e)
