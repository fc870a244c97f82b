word = "asyncio"
print(word[0], word[-1], word[2:5], word[:3], word[3:], word[::2], word[::-1])
print(word[10:], word[-100:2], len(word))
try:
    word[20]
except IndexError as e:
    print("IndexError:", e)
try:
    word[0] = "A"
except TypeError as e:
    print("TypeError:", e)
for i, ch in enumerate("hey"):
    print(i, ch)
print("y" in word, "sync" in word, "z" not in word)
