# A Future can be completed by hand: set_result, set_exception, and the state they leave.
from concurrent.futures import Future

f = Future()
print("done:", f.done(), "running:", f.running())
print("set_running_or_notify_cancel:", f.set_running_or_notify_cancel())
print("running:", f.running())
f.set_result(7)
print("done:", f.done(), "result:", f.result())

g = Future()
g.set_exception(ValueError("manual failure"))
print("exception:", repr(g.exception()))
h = Future()
print("cancel:", h.cancel(), "set_running_or_notify_cancel:", h.set_running_or_notify_cancel())
