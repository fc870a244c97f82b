from datetime import datetime, date, time, timedelta, timezone
d = timedelta(days=1, hours=2, minutes=3, seconds=4.5, milliseconds=6)
print(d, repr(d), d.total_seconds(), d.days, d.seconds, d.microseconds, -d, abs(-d), d * 2, d / 2, d // 3, d % timedelta(hours=1))
print(timedelta(0), timedelta(seconds=-1), repr(timedelta(seconds=1, microseconds=500000)), timedelta(weeks=1) > timedelta(days=6), timedelta(hours=1) / timedelta(minutes=15))
dt = datetime(2024, 2, 29, 13, 45, 30, 123456)
print(dt, repr(dt), dt.isoformat(), dt.isoformat(sep=' ', timespec='seconds'), dt.date(), dt.time(), dt.weekday(), dt.isoweekday(), dt.isocalendar())
print(dt.strftime("%Y/%m/%d %H:%M:%S.%f %A %B %j %p"), f"{dt:%d.%m.%Y}", dt + timedelta(days=1), dt - timedelta(weeks=10), dt.replace(year=2023, day=28))
print(datetime(2024, 3, 1) - datetime(2024, 2, 1), date(2024, 1, 31) + timedelta(days=1), date(2000, 1, 1).toordinal(), date.fromordinal(730120), date.fromisoformat("2021-07-04"))
print(datetime.fromisoformat("2021-07-04T10:20:30"), datetime.fromisoformat("2021-07-04 10:20:30.5+02:00"), time(9, 5), time(9, 5, 1, 20), repr(time(23, 59)))
utc = datetime(2020, 1, 1, tzinfo=timezone.utc)
print(utc, repr(utc), utc.timestamp(), utc.astimezone(timezone(timedelta(hours=-5))), timezone(timedelta(hours=5, minutes=30)), timezone.utc)
print(datetime.fromtimestamp(0, tz=timezone.utc), datetime.utcfromtimestamp(1e9), date(2024, 5, 17).strftime("%a %d %b %Y"), date.max, date.min, datetime.min)
print(sorted([date(2020, 5, 1), date(2019, 1, 1)]), date(2020, 1, 1) < date(2020, 1, 2), {date(2020, 1, 1): 1}[date(2020, 1, 1)])
for bad in (lambda: date(2023, 2, 29), lambda: datetime(2020, 13, 1), lambda: time(25), lambda: timedelta(days=1e10), lambda: date(2020, 1, 1) < datetime(2020, 1, 1)):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
start = datetime.now()
elapsed = datetime.now() - start
print(type(start).__name__, elapsed < timedelta(seconds=5), type(date.today()).__name__)
