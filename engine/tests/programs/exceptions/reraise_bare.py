def process():
    try:
        raise ValueError("original")
    except ValueError:
        print("logging and re-raising")
        raise

try:
    process()
except ValueError as e:
    print("outer caught:", e)
