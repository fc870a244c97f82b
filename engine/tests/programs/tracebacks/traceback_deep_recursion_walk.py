# A traceback five thousand frames deep: tb_next walks it to the end and extract_tb lists every frame (the links share one list of frames, so nothing recurses per frame).
import sys, traceback
sys.setrecursionlimit(10000)
def f(n):
    return f(n + 1) if n < 5000 else 1 / 0
try:
    f(0)
except ZeroDivisionError as e:
    tb = e.__traceback__
    n = 0
    while tb is not None:
        n += 1
        tb = tb.tb_next
    print(n, len(traceback.extract_tb(e.__traceback__)))
