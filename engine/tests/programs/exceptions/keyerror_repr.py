d = {"a": 1}
for key in ["b", 3, ("x", 1), ""]:
    try:
        d[key]
    except KeyError as e:
        print("KeyError", e, repr(e), e.args)
