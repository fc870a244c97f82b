import operator
import string

print(operator.add(2, 3), operator.mul(4, 5), operator.itemgetter(1)("abc"))
print(sorted([("a", 3), ("b", 1)], key=operator.itemgetter(1)))
print(string.ascii_lowercase, string.digits, string.ascii_uppercase[:5])
print(string.punctuation)
