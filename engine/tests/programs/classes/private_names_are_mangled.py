# Private names (`__x`) in a class body are mangled to `_Class__x`, in methods and nested functions too.
__shared = "module-level __shared"


class Account:
    __count = 0

    def __init__(self, owner):
        self.__owner = owner
        Account.__count += 1

    def owner(self):
        return self.__owner

    def __secret(self):
        return f"secret of {self.__owner}"

    def reveal(self):
        def inner():
            return self.__secret()
        return inner()

    @classmethod
    def count(cls):
        return cls.__count

    def shared(self):
        return __shared

    def params(self, __a, *, __k=2):
        return __a, __k

    def comp(self):
        return [self.__owner for _ in range(2)]

    def dunder(self):
        return self.__class__.__name__


class _Savings(Account):
    def __init__(self, owner):
        super().__init__(owner)
        self.__owner = "savings " + owner

    def both(self):
        return self.__owner, self.owner()


class ___:
    __plain = 1


a = Account("ann")
s = _Savings("bob")
print(a.owner(), a.reveal(), Account.count())
print(sorted(k for k in vars(a)))
print(sorted(k for k in vars(s)))
print(s.both())
print(a._Account__owner, a._Account__secret())
print(a.params(1, _Account__k=5))
print(a.params(1), a.comp(), a.dunder())
print(hasattr(a, "__owner"), hasattr(Account, "_Account__count"))
print("__plain" in vars(___), "_Account__secret" in vars(Account), Account._Account__secret.__name__)
try:
    a.shared()
except NameError as e:
    print("NameError:", e)
try:
    a.__owner
except AttributeError as e:
    print("AttributeError:", e)
try:
    a.params(1, __k=3)
except TypeError as e:
    print("TypeError:", e)
