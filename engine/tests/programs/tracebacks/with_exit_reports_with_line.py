# A `with` block's exit runs at the `with` line: after the body, on an exception, on break and on return.
import traceback


class Fails:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        raise KeyError("exit")


def after_body():
    with Fails():
        x = 1
        y = x + 1


def on_exception():
    with Fails():
        x = 1
        1 / 0


def on_break():
    for i in range(3):
        with Fails():
            if i == 0:
                break
            x = 1


def on_return():
    with Fails():
        x = 1
        return x


for f in (after_body, on_exception, on_break, on_return):
    try:
        f()
    except KeyError:
        traceback.print_exc()
