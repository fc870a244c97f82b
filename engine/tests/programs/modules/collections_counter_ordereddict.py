from collections import Counter, OrderedDict, ChainMap, defaultdict, namedtuple
words = "the quick brown fox jumps over the lazy dog the end".split()
c = Counter(words)
print(c.most_common(2), c['the'], c['cat'], len(c), c.total())
print(sorted(c.elements())[:5], list(Counter(a=2, b=0, c=-1).elements()))
c2 = Counter(the=1, fox=5)
print(c + c2 == Counter(words) + c2, (c - c2)['the'], (c | c2)['fox'], (c & c2)['fox'], +Counter(a=-1, b=2), -Counter(a=-1, b=2))
c.subtract(['the', 'the']); print(c['the'], c.most_common(1))
del c['missing']; del c['fox']; print('fox' in c)
print(Counter('aab') == Counter('aba'), Counter(a=1) == Counter(a=1, b=0), Counter(), repr(Counter({'x': 1})))
print(Counter({'b': 2, 'a': 2, 'c': 3}).most_common())
od = OrderedDict.fromkeys('abc', 0)
od.move_to_end('a'); od.move_to_end('c', last=False); print(od, od.popitem(), od.popitem(last=False), od)
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == dict(b=2, a=1), OrderedDict())
cm = ChainMap({'a': 1}, {'a': 2, 'b': 3})
print(cm['a'], cm['b'], len(cm), sorted(cm), cm.get('z', 0), 'b' in cm, cm)
child = cm.new_child({'c': 4}); child['a'] = 9; print(child['a'], cm['a'], child.parents['a'])
dd = defaultdict(lambda: 'n/a', k='v'); print(dd['k'], dd['missing'], sorted(dd.items()))
nested = defaultdict(lambda: defaultdict(int)); nested['x']['y'] += 2; print(nested['x']['y'], dict(nested['x']))
dl = defaultdict(list); dl['a'].append(1); print(dl, dl.default_factory, defaultdict(None).default_factory)
try:
    defaultdict(None)['k']
except KeyError as e:
    print('KeyError', e)
try:
    defaultdict(5)
except TypeError as e:
    print(e)
P = namedtuple('P', 'x y', defaults=[0])
print(P(1), P(1, 2), P._make([3, 4]), P._field_defaults, P(1, 2) == (1, 2), P(5, 6)[::-1], len(P(1)))
for args, kw in [((), {}), ((1, 2, 3), {}), ((1,), {'z': 1}), ((1,), {'x': 1})]:
    try:
        P(*args, **kw)
    except TypeError as e:
        print(e)
for bad in [('P', 'x x'), ('P', 'x _y'), ('P', 'x def'), ('1P', 'x')]:
    try:
        namedtuple(*bad)
    except ValueError as e:
        print(e)
R = namedtuple('R', 'a def _c', rename=True); print(R._fields)
