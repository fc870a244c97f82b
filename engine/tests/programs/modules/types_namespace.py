import types
ns = types.SimpleNamespace(a=1, b="x")
ns.c = [1]
print(ns, ns.a, ns == types.SimpleNamespace(a=1, b="x", c=[1]), types.SimpleNamespace())
def f(): pass
def g(): yield
print(isinstance(f, types.FunctionType), isinstance(g(), types.GeneratorType), isinstance(len, types.BuiltinFunctionType), isinstance(types, types.ModuleType), type(None) is types.NoneType)
mp = types.MappingProxyType({"k": 1})
print(mp["k"], len(mp), "k" in mp, list(mp.items()), mp)
