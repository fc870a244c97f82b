words = ["banana", "Apple", "cherry", "date", "Fig", "elderberry"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
print(sorted(words, key=lambda w: (len(w), w.lower())))
records = [{"name": "x", "score": 3}, {"name": "y", "score": 9}, {"name": "z", "score": 3}]
print([r["name"] for r in sorted(records, key=lambda r: r["score"], reverse=True)])
from operator import itemgetter, attrgetter
print(sorted([(2, "b"), (1, "z"), (2, "a")], key=itemgetter(0)))
print(max(words, key=len), min(words, key=len))
nums = [5, 2, 9]
print(sorted(nums), nums, list(reversed(nums)))
