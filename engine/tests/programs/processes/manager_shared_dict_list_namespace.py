# A Manager's dict, list, Namespace and Value are shared by every process that has a proxy to them; what goes
# in or comes out is a copy, so changing a list read from the dict changes nothing in the dict.
import multiprocessing as mp


def work(d, l, ns, v, i):
    d[i] = i * i
    l.append(i)
    ns.last = i


if __name__ == "__main__":
    with mp.Manager() as m:
        d, l, ns = m.dict(), m.list([10]), m.Namespace(start=0)
        v = m.Value("i", 7)
        print(type(d).__name__, type(l).__name__, type(ns).__name__, type(v).__name__)
        print(repr(d).startswith("<DictProxy object, typeid 'dict' at 0x"), str(d), str(l), v)
        ps = [mp.Process(target=work, args=(d, l, ns, v, i)) for i in range(3)]
        for p in ps:
            p.start()
        for p in ps:
            p.join()
        print(sorted(d.items()), sorted(d.keys()), type(d.keys()).__name__, len(d), 2 in d)
        print(sorted(l), len(l), l[0], sorted(dict(d).items()), sorted(list(l)))
        print(ns.start, ns.last in (0, 1, 2))
        d["x"] = [1]
        d["x"].append(2)
        print(d["x"], d.get("y", 0), d.pop("x"), "x" in d)
        l += [20, 30]
        print(l[-2:], l.count(20), l.index(20) > 0)
        v.value = v.value + 1
        print(v.value, v.get())
        try:
            ns.missing
        except AttributeError as e:
            print("AttributeError:", e)
        print([p.name for p in mp.active_children()])
