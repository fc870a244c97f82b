import sys

print(sys.version_info[:2] >= (3, 8), sys.version_info.major)
print(type(sys.argv).__name__, sys.maxsize == 2 ** 63 - 1)
print(sys.getrecursionlimit())
print("sys" in sys.modules, sys.float_info.max, sys.float_info.epsilon)
sys.stderr.write("a message on stderr\n")
print("stdout still works")
