# Traceback objects: __traceback__ and sys.exc_info()[2] link the frames an exception left (tb_next, tb_lineno, tb_frame.f_code.co_name), and traceback's walk_tb, extract_tb, format_tb, print_tb and format_list read them; an excepthook gets one too.
import sys
import threading
import traceback


def clean(text):
    # CPython gives the main script's path as an absolute one; the engine as it was named.
    return text.replace(__file__, "prog.py")


class Collect:
    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)


def inner(n):
    return 10 / n


def outer(n):
    return inner(n) + 1


try:
    outer(0)
except ZeroDivisionError as e:
    tb = e.__traceback__
    print(type(tb).__name__, tb.tb_lineno, tb.tb_frame.f_code.co_name)
    print([(f.f_code.co_name, line) for f, line in traceback.walk_tb(tb)])
    summary = traceback.extract_tb(tb)
    print(type(summary).__name__, len(summary))
    last = summary[-1]
    print(last.filename == __file__, last.lineno, last.name, repr(last.line))
    name, line, func, text = last
    print(line, func, text)
    print(clean("".join(traceback.format_tb(tb))), end="")
    print(clean(traceback.format_list(summary)[0]), end="")
    print(traceback.extract_tb(tb, limit=1)[0].name, traceback.extract_tb(tb, limit=-1)[0].name)
    exc_type, exc_value, exc_tb = sys.exc_info()
    print(exc_type.__name__, exc_value is e, exc_tb.tb_lineno)
    out = Collect()
    traceback.print_tb(tb, file=out)
    print(clean("".join(out.parts)), end="")

print(sys.exc_info())


def hook(args):
    print("hook:", args.exc_type.__name__, args.exc_traceback is not None)
    print(traceback.extract_tb(args.exc_traceback)[-1].name)


threading.excepthook = hook
t = threading.Thread(target=outer, args=(0,))
t.start()
t.join()
try:
    raise ValueError("no frames below")
except ValueError as e:
    print(e.__traceback__.tb_next, e.__traceback__.tb_frame.f_code.co_name)
print(ValueError("never raised").__traceback__)
