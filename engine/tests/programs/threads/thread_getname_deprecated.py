# getName() and setName() still work but emit a DeprecationWarning on stderr.
import threading

t = threading.Thread(name="old-style")
print(t.getName())
t.setName("renamed")
print(t.name)
