def risky(kind):
    if kind == "key":
        return {}["missing"]
    if kind == "index":
        return [][0]
    if kind == "type":
        return "a" + 1
    return "fine"

for kind in ["key", "index", "type", "none"]:
    try:
        print(risky(kind))
    except (KeyError, IndexError) as e:
        print("lookup problem:", type(e).__name__, e)
    except Exception as e:
        print("other problem:", type(e).__name__, e)
