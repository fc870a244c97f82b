try:
    try:
        raise ValueError("bad value")
    except ValueError as e:
        e.add_note("while reading row 3")
        raise
except ValueError as e:
    print(e, e.__notes__)

err = KeyError("k")
err.add_note("first note")
err.add_note("second note")
raise err
