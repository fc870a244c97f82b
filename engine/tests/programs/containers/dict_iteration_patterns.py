scores = {"ann": [90, 85], "bob": [70], "cy": []}
for name, marks in scores.items():
    avg = sum(marks) / len(marks) if marks else None
    print(name, avg)
inverted = {}
for name, marks in scores.items():
    inverted.setdefault(len(marks), []).append(name)
print(inverted)
print(max(scores, key=lambda k: len(scores[k])))
print(sorted(scores.items(), key=lambda kv: len(kv[1])))
print({k: v for k, v in scores.items() if v})
print(list(zip(scores, scores.values())))
