class Money:
    def __init__(self, amount, currency):
        self.amount = amount
        self.currency = currency

    def __repr__(self):
        return f"Money({self.amount!r}, {self.currency!r})"

    def __str__(self):
        return f"{self.amount:.2f} {self.currency}"

m = Money(3.5, "EUR")
print(m)
print(repr(m))
print([m, m])
print(f"{m} / {m!r}")
print(str(m), "%s %r" % (m, m))

class OnlyRepr:
    def __repr__(self):
        return "<OnlyRepr>"

print(OnlyRepr(), str(OnlyRepr()))
