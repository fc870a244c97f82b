s = f"{1:.100000f}"
print(len(s), s[:5], s[-3:])
t = "%.70000f" % 1.5
print(len(t), t[:5])
u = format(2.5, ".66000e")
print(len(u), u[:6], u[-6:])
print(len(f"{5e-324:.2000f}"), f"{5e-324:.1100f}"[-40:])
print(f"{1/3:.70000g}"[:30], len(f"{1/3:.70000g}"))
print(len(f"{1/3:#.70000g}"))
print(len(format(1e300, ".70000f")))
print(len("%.70000e" % 1e-300), len("%70000.3f" % 2.0))
print(round(2.5, 100000))
