"""Interleave's statistics: averages, medians, modes, quantiles and spreads as CPython 3.11 computes them.

Sums are exact: each value becomes its integer ratio (`as_integer_ratio`), the ratios are added as fractions
kept in lowest terms, and only the result is turned back into the data's type, so a mean or a variance rounds
once, as CPython's does. Not here: `median_grouped`, `covariance`, `correlation`, `linear_regression` and
`NormalDist`.
"""

import math

__all__ = [
    'StatisticsError', 'fmean', 'geometric_mean', 'harmonic_mean', 'mean', 'median', 'median_high',
    'median_low', 'mode', 'multimode', 'pstdev', 'pvariance', 'quantiles', 'stdev', 'variance',
]


class StatisticsError(ValueError):
    pass


# Fractions are (numerator, denominator) pairs with a positive denominator, in lowest terms.

def _frac(n, d):
    if d < 0:
        n, d = -n, -d
    g = math.gcd(n, d)
    if g > 1:
        n //= g
        d //= g
    return (n, d)


def _frac_add(a, b):
    if a[1] == b[1]:
        return _frac(a[0] + b[0], a[1])
    return _frac(a[0] * b[1] + b[0] * a[1], a[1] * b[1])


def _ratio(x):
    """`x` as (numerator, denominator), or (x, None) for an infinite or NaN float."""
    try:
        return x.as_integer_ratio()
    except AttributeError:
        pass
    except (OverflowError, ValueError):
        return (x, None)
    try:
        return (x.numerator, x.denominator)
    except AttributeError:
        raise TypeError(f"can't convert type '{type(x).__name__}' to numerator/denominator") from None


def _coerce(T, S):
    """The type a result of types T and S is given (ints give way to the other type, a class to its
    subclass)."""
    if T is S:
        return T
    if S is int or S is bool:
        return T
    if T is int:
        return S
    if issubclass(S, T):
        return S
    if issubclass(T, S):
        return T
    if issubclass(T, int):
        return S
    if issubclass(S, int):
        return T
    raise TypeError(f"don't know how to coerce {T.__name__} and {S.__name__}")


def _result_type(types):
    T = int
    for S in types:
        T = _coerce(T, S)
    return T


def _ratios(data, types):
    """Each value's integer ratio, with each new type of value noted in `types` on the way."""
    for x in data:
        t = type(x)
        if t not in types:
            types.append(t)
        yield _ratio(x)


def _total(by_den, square=False):
    """The exact sum of numerators kept by denominator (squared denominators with `square`)."""
    total = (0, 1)
    for d, n in by_den.items():
        total = _frac_add(total, _frac(n, d * d if square else d))
    return total


def _sum(data):
    """(type, exact sum, count) of the values: the sum is a fraction, or an infinite or NaN float."""
    types = []
    by_den = {}
    count = 0
    for n, d in _ratios(data, types):
        count += 1
        by_den[d] = by_den.get(d, 0) + n
    total = by_den[None] if None in by_den else _total(by_den)
    return (_result_type(types), total, count)


def _squares_about(data, c):
    for x in data:
        dev = x - c
        yield dev * dev


def _ss(data, c=None):
    """(type, exact sum of squared deviations, mean, count), about `c` when it is given."""
    if c is not None:
        T, ss, count = _sum(_squares_about(data, c))
        return (T, ss, c, count)
    types = []
    sx = {}
    sxx = {}
    count = 0
    for n, d in _ratios(data, types):
        count += 1
        sx[d] = sx.get(d, 0) + n
        if d is not None:
            sxx[d] = sxx.get(d, 0) + n * n
    T = _result_type(types)
    if not count:
        return (T, (0, 1), (0, 1), 0)
    if None in sx:
        return (T, sx[None], sx[None], count)
    total = _total(sx)
    squares = _total(sxx, square=True)
    # (count * sxx - sx * sx) / count, exactly.
    ss = _frac(count * squares[0] * total[1] * total[1] - total[0] * total[0] * squares[1],
               squares[1] * total[1] * total[1] * count)
    return (T, ss, _frac(total[0], total[1] * count), count)


def _div(value, k):
    """A sum divided by the count `k`: exactly for a fraction, as floats divide for an infinite or NaN one."""
    if isinstance(value, tuple):
        return _frac(value[0], value[1] * k)
    return value / k


def _convert(value, T):
    """An exact result as the data's type: ints stay ints when the result is whole, else become floats."""
    if not isinstance(value, tuple):
        return value
    n, d = value
    if issubclass(T, int) and d != 1:
        T = float
    if issubclass(T, int):
        return T(n)
    return T(n / d)


def _sqrt_rto(n, m):
    """The square root of n/m to an integer, rounded to odd (its last bit set when it is inexact)."""
    a = math.isqrt(n // m)
    return a | (a * a * m != n)


def _sqrt_of_frac(value):
    """The square root of a fraction as a float, rounded once: to odd on 109 bits, then to the float's 53."""
    if not isinstance(value, tuple):
        # CPython reads the numerator of an infinite or NaN variance, which a float does not have.
        raise AttributeError("'float' object has no attribute 'numerator'")
    n, m = value
    q = (n.bit_length() - m.bit_length() - 109) // 2
    if q >= 0:
        return (_sqrt_rto(n, m << 2 * q) << q) / 1
    return _sqrt_rto(n << -2 * q, m) / (1 << -q)


def mean(data):
    T, total, n = _sum(data)
    if n < 1:
        raise StatisticsError('mean requires at least one data point')
    return _convert(_div(total, n), T)


def fmean(data, weights=None):
    try:
        n = len(data)
    except TypeError:
        data = list(data)
        n = len(data)
    if weights is None:
        total = math.fsum(data)
        if not n:
            raise StatisticsError('fmean requires at least one data point')
        return total / n
    try:
        num_weights = len(weights)
    except TypeError:
        weights = list(weights)
        num_weights = len(weights)
    num = math.fsum([x * w for x, w in zip(data, weights)])
    if n != num_weights:
        raise StatisticsError('data and weights must be the same length')
    den = math.fsum(weights)
    if not den:
        raise StatisticsError('sum of weights must be non-zero')
    return num / den


def geometric_mean(data):
    try:
        return math.exp(fmean([math.log(x) for x in data]))
    except ValueError:
        raise StatisticsError('geometric mean requires a non-empty dataset containing positive numbers') from None


def _not_negative(values, message):
    for x in values:
        if x < 0:
            raise StatisticsError(message)
        yield x


def _reciprocals(weights, data):
    for w, x in zip(weights, data):
        yield w / x if w else 0


def harmonic_mean(data, weights=None):
    if iter(data) is data:
        data = list(data)
    message = 'harmonic mean does not support negative values'
    n = len(data)
    if n < 1:
        raise StatisticsError('harmonic_mean requires at least one data point')
    elif n == 1 and weights is None:
        x = data[0]
        if isinstance(x, (int, float)):
            if x < 0:
                raise StatisticsError(message)
            return x
        raise TypeError('unsupported type')
    if weights is None:
        weights = [1] * n
        sum_weights = (n, 1)
    else:
        if iter(weights) is weights:
            weights = list(weights)
        if len(weights) != n:
            raise StatisticsError('Number of weights does not match data size')
        _, sum_weights, _ = _sum(_not_negative(weights, message))
    try:
        T, total, count = _sum(_reciprocals(weights, _not_negative(data, message)))
    except ZeroDivisionError:
        return 0
    if _as_float(total) <= 0:
        raise StatisticsError('Weighted sum must be positive')
    if isinstance(total, tuple) and isinstance(sum_weights, tuple):
        return _convert(_frac(sum_weights[0] * total[1], sum_weights[1] * total[0]), T)
    return _as_float(sum_weights) / _as_float(total)


def _as_float(value):
    if isinstance(value, tuple):
        return value[0] / value[1]
    return value


def _sorted_for_median(data):
    data = sorted(data)
    if not data:
        raise StatisticsError('no median for empty data')
    return data, len(data)


def median(data):
    data, n = _sorted_for_median(data)
    if n % 2 == 1:
        return data[n // 2]
    i = n // 2
    return (data[i - 1] + data[i]) / 2


def median_low(data):
    data, n = _sorted_for_median(data)
    if n % 2 == 1:
        return data[n // 2]
    return data[n // 2 - 1]


def median_high(data):
    data, n = _sorted_for_median(data)
    return data[n // 2]


def _counts(data):
    counts = {}
    for x in data:
        counts[x] = counts.get(x, 0) + 1
    return counts


def mode(data):
    counts = _counts(data)
    if not counts:
        raise StatisticsError('no mode for empty data')
    most = max(counts.values())
    for value, count in counts.items():
        if count == most:
            return value


def multimode(data):
    counts = _counts(data)
    if not counts:
        return []
    most = max(counts.values())
    return [value for value, count in counts.items() if count == most]


def quantiles(data, *, n=4, method='exclusive'):
    if n < 1:
        raise StatisticsError('n must be at least 1')
    data = sorted(data)
    ld = len(data)
    if ld < 2:
        raise StatisticsError('must have at least two data points')
    result = []
    if method == 'inclusive':
        m = ld - 1
        for i in range(1, n):
            j, delta = divmod(i * m, n)
            result.append((data[j] * (n - delta) + data[j + 1] * delta) / n)
        return result
    if method == 'exclusive':
        m = ld + 1
        for i in range(1, n):
            j = min(max(i * m // n, 1), ld - 1)
            delta = i * m - j * n
            result.append((data[j - 1] * (n - delta) + data[j] * delta) / n)
        return result
    raise ValueError(f'Unknown method: {method!r}')


def variance(data, xbar=None):
    T, ss, c, n = _ss(data, xbar)
    if n < 2:
        raise StatisticsError('variance requires at least two data points')
    return _convert(_div(ss, n - 1), T)


def pvariance(data, mu=None):
    T, ss, c, n = _ss(data, mu)
    if n < 1:
        raise StatisticsError('pvariance requires at least one data point')
    return _convert(_div(ss, n), T)


def stdev(data, xbar=None):
    T, ss, c, n = _ss(data, xbar)
    if n < 2:
        raise StatisticsError('stdev requires at least two data points')
    return _sqrt_of_frac(_div(ss, n - 1))


def pstdev(data, mu=None):
    T, ss, c, n = _ss(data, mu)
    if n < 1:
        raise StatisticsError('pstdev requires at least one data point')
    return _sqrt_of_frac(_div(ss, n))
