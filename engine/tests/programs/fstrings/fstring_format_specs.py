pi = 3.14159265
big = 1234567.891
print(f"{pi:.2f}|{pi:8.3f}|{pi:<8.1f}|{pi:^9.2f}|{pi:+.1e}")
print(f"{big:,.2f}|{big:_.0f}|{big:>15,.1f}")
print(f"{42:5d}|{42:<5d}|{42:05d}|{42:x}|{42:#x}|{42:#o}|{42:#b}|{42:c}")
print(f"{0.25:%}|{0.25:.0%}|{1/3:.3g}|{1e-7:g}|{123456789:g}")
print(f"{'left':<10}|{'right':>10}|{'mid':*^11}|")
width, prec = 10, 3
print(f"{pi:{width}.{prec}f}|")
print(f"{-5:=+6d}|{5: d}|{-5: d}")
