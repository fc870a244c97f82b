"""Interleave's time: clocks on the virtual clock (native, in `_time`), and calendar functions in UTC.

The wall clock starts at 2023-11-14 22:13:20 UTC in every run, and the local time zone is UTC.
"""

import _time

time = _time.time
time_ns = _time.time_ns
monotonic = _time.monotonic
monotonic_ns = _time.monotonic_ns
perf_counter = _time.perf_counter
perf_counter_ns = _time.perf_counter_ns
process_time = _time.process_time
process_time_ns = _time.process_time_ns
thread_time = _time.thread_time
thread_time_ns = _time.thread_time_ns
sleep = _time.sleep

timezone = 0
altzone = 0
daylight = 0
tzname = ('UTC', 'UTC')

_DAYS = ('Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun')
_DAY_NAMES = ('Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday')
_MONTHS = ('Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec')
_MONTH_NAMES = ('January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
                'October', 'November', 'December')
_FIELDS = ('tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec', 'tm_wday', 'tm_yday', 'tm_isdst')


class struct_time(tuple):
    n_sequence_fields = 9
    n_fields = 11
    n_unnamed_fields = 0

    def __new__(cls, seq, dict=None):
        seq = tuple(seq)
        if len(seq) < 9:
            raise TypeError(f"time.struct_time() takes an at least 9-sequence ({len(seq)}-sequence given)")
        if len(seq) > 11:
            raise TypeError(f"time.struct_time() takes an at most 11-sequence ({len(seq)}-sequence given)")
        self = tuple.__new__(cls, seq[:9])
        self._extra = seq[9:] + ('UTC', 0)[len(seq) - 9:]
        return self

    @property
    def tm_year(self):
        return self[0]

    @property
    def tm_mon(self):
        return self[1]

    @property
    def tm_mday(self):
        return self[2]

    @property
    def tm_hour(self):
        return self[3]

    @property
    def tm_min(self):
        return self[4]

    @property
    def tm_sec(self):
        return self[5]

    @property
    def tm_wday(self):
        return self[6]

    @property
    def tm_yday(self):
        return self[7]

    @property
    def tm_isdst(self):
        return self[8]

    @property
    def tm_zone(self):
        return self._extra[0]

    @property
    def tm_gmtoff(self):
        return self._extra[1]

    def __repr__(self):
        parts = ', '.join(f'{name}={value!r}' for name, value in zip(_FIELDS, self))
        return f'time.struct_time({parts})'


def _is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def _days_before_month(y, m):
    days = (0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)[m - 1]
    if m > 2 and _is_leap(y):
        days += 1
    return days


def _civil(days):
    # Howard Hinnant's days_from_civil, inverted: days since 1970-01-01 to (year, month, day).
    z = days + 719468
    era = (z if z >= 0 else z - 146096) // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    y = yoe + era * 400
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + 3 if mp < 10 else mp - 9
    return (y + 1 if m <= 2 else y), m, d


def _days_from_civil(y, m, d):
    y -= m <= 2
    era = (y if y >= 0 else y - 399) // 400
    yoe = y - era * 400
    mp = m - 3 if m > 2 else m + 9
    doy = (153 * mp + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def gmtime(secs=None):
    if secs is None:
        secs = _time.now()
    secs = int(secs // 1) if isinstance(secs, float) else int(secs)
    days, rem = divmod(secs, 86400)
    y, m, d = _civil(days)
    hour, rem = divmod(rem, 3600)
    minute, sec = divmod(rem, 60)
    wday = (days + 3) % 7
    yday = _days_before_month(y, m) + d
    return struct_time((y, m, d, hour, minute, sec, wday, yday, 0, 'UTC', 0))


def localtime(secs=None):
    return gmtime(secs)


def mktime(t):
    t = tuple(t)
    days = _days_from_civil(t[0], t[1], t[2])
    return float(days * 86400 + t[3] * 3600 + t[4] * 60 + t[5])


def _fmt_tuple(t):
    if t is None:
        return localtime()
    if not isinstance(t, struct_time):
        t = struct_time(tuple(t))
    return t


def asctime(t=None):
    t = _fmt_tuple(t)
    return '%s %s %2d %02d:%02d:%02d %d' % (_DAYS[t[6]], _MONTHS[t[1] - 1], t[2], t[3], t[4], t[5], t[0])


def ctime(secs=None):
    return asctime(localtime(secs))


def strftime(format, t=None):
    t = _fmt_tuple(t)
    year, mon, mday, hour, minute, sec, wday, yday = t[:8]
    out = []
    i = 0
    n = len(format)
    while i < n:
        c = format[i]
        if c != '%' or i + 1 >= n:
            out.append(c)
            i += 1
            continue
        d = format[i + 1]
        i += 2
        if d == 'a':
            out.append(_DAYS[wday])
        elif d == 'A':
            out.append(_DAY_NAMES[wday])
        elif d == 'b' or d == 'h':
            out.append(_MONTHS[mon - 1])
        elif d == 'B':
            out.append(_MONTH_NAMES[mon - 1])
        elif d == 'c':
            out.append(asctime(t))
        elif d == 'C':
            out.append('%02d' % (year // 100))
        elif d == 'd':
            out.append('%02d' % mday)
        elif d == 'D':
            out.append('%02d/%02d/%02d' % (mon, mday, year % 100))
        elif d == 'e':
            out.append('%2d' % mday)
        elif d == 'F':
            out.append('%d-%02d-%02d' % (year, mon, mday))
        elif d == 'H':
            out.append('%02d' % hour)
        elif d == 'I':
            out.append('%02d' % ((hour + 11) % 12 + 1))
        elif d == 'j':
            out.append('%03d' % yday)
        elif d == 'm':
            out.append('%02d' % mon)
        elif d == 'M':
            out.append('%02d' % minute)
        elif d == 'n':
            out.append('\n')
        elif d == 'p':
            out.append('AM' if hour < 12 else 'PM')
        elif d == 'r':
            out.append('%02d:%02d:%02d %s' % ((hour + 11) % 12 + 1, minute, sec, 'AM' if hour < 12 else 'PM'))
        elif d == 'R':
            out.append('%02d:%02d' % (hour, minute))
        elif d == 's':
            out.append(str(int(mktime(t))))
        elif d == 'S':
            out.append('%02d' % sec)
        elif d == 't':
            out.append('\t')
        elif d == 'T' or d == 'X':
            out.append('%02d:%02d:%02d' % (hour, minute, sec))
        elif d == 'u':
            out.append(str(wday + 1))
        elif d == 'U':
            out.append('%02d' % ((yday + 6 - (wday + 1) % 7) // 7))
        elif d == 'w':
            out.append(str((wday + 1) % 7))
        elif d == 'W':
            out.append('%02d' % ((yday + 6 - wday) // 7))
        elif d == 'x':
            out.append('%02d/%02d/%02d' % (mon, mday, year % 100))
        elif d == 'y':
            out.append('%02d' % (year % 100))
        elif d == 'Y':
            out.append(str(year))
        elif d == 'z':
            out.append('+0000')
        elif d == 'Z':
            out.append('UTC')
        elif d == '%':
            out.append('%')
        else:
            out.append('%' + d)
    return ''.join(out)


def get_clock_info(name):
    raise NotImplementedError("time.get_clock_info() is not available in Interleave")
