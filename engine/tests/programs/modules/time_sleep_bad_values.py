import time
for v in [1e300, -1e300, float("inf"), 1e19, 9.3e9, 10**20, 2**63, 10**10, float("nan"), -1, -0.5, "1"]:
    try:
        time.sleep(v)
    except Exception as e:
        print(repr(v), type(e).__name__, e)
