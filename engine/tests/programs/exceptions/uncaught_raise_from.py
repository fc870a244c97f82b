def fetch():
    raise KeyError("id")

try:
    fetch()
except KeyError as e:
    raise LookupError("lookup failed") from e
