# The traceback module prints what an uncaught exception would, on stderr; sys.exc_info() and sys.exception()
# see the exception being handled.
import sys
import traceback


def parse(text):
    return int(text)


def load():
    try:
        parse("x")
    except ValueError as e:
        raise RuntimeError("could not load") from e


print(sys.exc_info(), sys.exception())
try:
    load()
except RuntimeError:
    kind, value, tb = sys.exc_info()
    print(kind.__name__, value)
    traceback.print_exc()
    text = traceback.format_exc()
    print("last line:", text.splitlines()[-1])
    print("chunks:", len(traceback.format_exception(sys.exception())))
    print(traceback.format_exception_only(sys.exception()))
    traceback.print_exc(chain=False)
    traceback.print_exception(*sys.exc_info())
print(sys.exc_info(), repr(traceback.format_exc()))
try:
    {}["k"]
except KeyError as err:
    sys.stderr.write("".join(traceback.format_exception(err)))
    try:
        [][0]
    except IndexError:
        print("inner:", sys.exception())
    print("outer again:", repr(sys.exception()))
