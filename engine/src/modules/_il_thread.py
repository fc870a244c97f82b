"""How a thread started by `_thread.start_new_thread` begins and ends (hidden from tracebacks)."""


def bootstrap(function, args, kwargs):
    try:
        function(*args, **kwargs)
    except SystemExit:
        pass
    except BaseException as exc:
        # What CPython's sys.unraisablehook prints for a thread that `threading` did not start.
        import sys
        import traceback
        sys.stderr.write(f"Exception ignored in thread started by: {function!r}\n")
        traceback.print_exception(exc)
