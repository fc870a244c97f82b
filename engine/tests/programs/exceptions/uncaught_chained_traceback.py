def parse(s):
    try:
        return int(s)
    except ValueError:
        raise RuntimeError("could not parse")

print("start")
parse("x")
