# sys.modules lists what is imported at the moment it is read (here json, only once imported), the program
# itself as __main__, and sys; a name sys lacks is still an AttributeError, and hasattr/getattr say so.
import sys

answer = 42
print("json" in sys.modules, "sys" in sys.modules)
import json
print("json" in sys.modules, sys.modules["json"] is json, sys.modules["sys"] is sys)
main = sys.modules["__main__"]
print(main.__name__, main.answer, type(sys.modules).__name__)
print(hasattr(sys, "no_such_thing"), getattr(sys, "no_such_thing", "default"))
try:
    sys.no_such_thing
except AttributeError as e:
    print("AttributeError:", e)
