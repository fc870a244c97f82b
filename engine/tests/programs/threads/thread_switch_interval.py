# The GIL switch interval defaults to 5 ms and can be changed.
import sys

print(sys.getswitchinterval())
sys.setswitchinterval(0.001)
print(sys.getswitchinterval())
