parts = []
for i in range(5):
    parts.append(str(i) * i)
print(parts)
print(",".join(parts))
s = ""
for ch in "hello":
    s = ch + s
print(s)
text = "the quick brown fox jumps over the lazy dog"
words = text.split()
print(len(words), max(words, key=len), sorted(words, key=lambda w: (len(w), w)))
counts = {}
for ch in text.replace(" ", ""):
    counts[ch] = counts.get(ch, 0) + 1
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5])
