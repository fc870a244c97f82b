import copy
from collections import defaultdict, Counter, namedtuple, OrderedDict
a = [1, [2, 3], {'k': [4]}]
b = copy.copy(a); c = copy.deepcopy(a)
a[1].append(9); a[2]['k'].append(8)
print(b, c, b[1] is a[1], c[1] is a[1])
t = (1, [2]); tc = copy.deepcopy(t); print(tc, tc is t, 1)
class Pt:
    def __init__(self, x, y): self.x = x; self.y = y
    def __repr__(self): return f"Pt({self.x}, {self.y})"
p = Pt(1, [2]); q = copy.copy(p); r = copy.deepcopy(p)
p.y.append(3)
print(q, r, q.y is p.y, type(r).__name__)
class C:
    def __init__(self): self.n = 0
    def __copy__(self): print('custom copy'); return C()
    def __deepcopy__(self, memo): print('custom deepcopy', type(memo).__name__); return C()
copy.copy(C()); copy.deepcopy([C()])
dd = defaultdict(list, {'a': [1]}); dd2 = copy.deepcopy(dd); dd['a'].append(2); print(dd2, copy.copy(dd))
cn = Counter('aab'); print(copy.copy(cn), copy.deepcopy(cn))
P = namedtuple('P', 'x y'); pp = P(1, [2]); print(copy.copy(pp), copy.deepcopy(pp))
od = OrderedDict(a=1); print(copy.deepcopy(od))
rec = [1]; rec.append(rec); rc = copy.deepcopy(rec); print(rc[1] is rc, rc is rec)
s = {1, 2}; print(copy.copy(s), copy.deepcopy(frozenset([1])))
class L(list): pass
l = L([1, [2]]); l.tag = 't'; l2 = copy.deepcopy(l); print(type(l2).__name__, l2, l2.tag)
