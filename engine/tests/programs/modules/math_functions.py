import math
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.sqrt(16), math.sqrt(2), math.floor(2.7), math.ceil(2.1), math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.7))
print(math.floor(10), math.ceil(True), type(math.floor(1e20)).__name__, math.floor(1e20), math.ceil(-1e300) < 0)
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1), math.isclose(1, 1.05, rel_tol=0.1), math.isclose(0, 1e-10, abs_tol=1e-9))
print(math.gcd(12, 18), math.gcd(0, 0), math.gcd(-4, 6), math.gcd(), math.gcd(12, 18, 8), math.lcm(4, 6), math.lcm(), math.lcm(3, 0))
print(math.factorial(0), math.factorial(5), math.factorial(30), len(str(math.factorial(1000))))
print(math.log(math.e), math.log(100, 10), math.log(8, 2), math.log2(1024), math.log10(1000), math.log1p(0), math.log(2 ** 1000), math.log10(10 ** 400))
print(math.exp(0), math.exp(1), math.pow(2, 10), math.pow(2, 0.5), math.pow(-8, 3), math.fabs(-3), math.fabs(2))
print(math.isfinite(1.0), math.isfinite(math.inf), math.isinf(-math.inf), math.isnan(math.nan), math.isnan(1))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([1.5, 2]), math.prod(range(1, 6), start=10))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100]), math.fsum([]))
print(math.sin(0), math.cos(0), math.tan(0), round(math.sin(math.pi / 2), 12), math.atan2(1, 1), math.atan(1), math.asin(1), math.acos(1))
print(math.hypot(3, 4), math.hypot(1, 1), math.hypot(), math.hypot(-5), math.hypot(1, 2, 2), math.dist((0, 0), (3, 4)), math.dist([1, 1, 1], [2, 2, 2]))
print(math.degrees(math.pi), math.radians(180), math.copysign(3, -0.0), math.fmod(7, 3), math.fmod(-7, 3), math.remainder(7, 3), math.remainder(5, 2))
print(math.comb(5, 2), math.comb(10, 0), math.comb(3, 5), math.perm(5, 2), math.perm(4), math.isqrt(17), math.isqrt(10 ** 40))
print(math.modf(3.5), math.modf(-2.25), math.frexp(8.0), math.frexp(0.1), math.ldexp(0.5, 4), math.ldexp(1, -1074), math.ldexp(1, -1075))
print(math.sinh(1), math.cosh(1), math.tanh(1), math.asinh(1), math.acosh(2), math.atanh(0.5), math.expm1(1e-10), math.cbrt(27), math.exp2(10))
print(math.nextafter(1, 2), math.ulp(1.0), math.trunc(3.99), math.floor(-0.5), math.sqrt(0.0), math.copysign(1, math.nan) > 0)
checks = [
    ('math.sqrt(-1)', lambda: math.sqrt(-1)),
    ('math.log(0)', lambda: math.log(0)),
    ('math.log(-5)', lambda: math.log(-5)),
    ('math.acos(2)', lambda: math.acos(2)),
    ('math.exp(1000)', lambda: math.exp(1000)),
    ('math.factorial(-1)', lambda: math.factorial(-1)),
    ('math.factorial(2.5)', lambda: math.factorial(2.5)),
    ('math.pow(0, -1)', lambda: math.pow(0, -1)),
    ('math.floor(math.inf)', lambda: math.floor(math.inf)),
    ('math.ceil(math.nan)', lambda: math.ceil(math.nan)),
    ("math.sqrt('4')", lambda: math.sqrt('4')),
    ('math.gcd(2.0, 4)', lambda: math.gcd(2.0, 4)),
    ('math.fmod(1, 0)', lambda: math.fmod(1, 0)),
    ('math.comb(-1, 2)', lambda: math.comb(-1, 2)),
    ('math.isqrt(-1)', lambda: math.isqrt(-1)),
    ('math.log(10, 1)', lambda: math.log(10, 1)),
    ('math.cosh(1000)', lambda: math.cosh(1000)),
    ('math.atanh(1)', lambda: math.atanh(1)),
    ('math.fsum([math.inf, -math.inf])', lambda: math.fsum([math.inf, -math.inf])),
    ('math.pow(-8, 1/3)', lambda: math.pow(-8, 1/3)),
    ('math.sin(math.inf)', lambda: math.sin(math.inf)),
    ('math.isclose(1, 2, rel_tol=-1)', lambda: math.isclose(1, 2, rel_tol=-1)),
    ("math.trunc('x')", lambda: math.trunc('x')),
    ('math.ldexp(1.0, 2000)', lambda: math.ldexp(1.0, 2000)),
]
for label, f in checks:
    try:
        print(label, '->', f())
    except Exception as e:
        print(label, '->', type(e).__name__, e)
