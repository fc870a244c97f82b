from collections import defaultdict, Counter

groups = defaultdict(list)
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups[word[0]].append(word)
print(dict(groups))
print(groups["z"], len(groups))
counts = defaultdict(int)
for ch in "hello world":
    counts[ch] += 1
print(sorted(counts.items()))
c = Counter("abracadabra")
print(c.most_common(3))
print(c["a"], c["z"], sum(c.values()))
c.update("aaz")
print(c.most_common(2), c["z"])
print(Counter([1, 2, 2, 3, 3, 3]) + Counter([3]))
print(Counter(a=3, b=1) - Counter(a=1, b=5))
