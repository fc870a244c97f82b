import sys
print(sys.version_info.major, sys.version_info[:2], sys.version_info >= (3, 11), sys.platform, sys.byteorder)
print(sys.argv[0].endswith(".py"), len(sys.argv), sys.maxsize, sys.getdefaultencoding())
print(sys.float_info.dig, sys.float_info.mant_dig, sys.int_info.bits_per_digit, sys.hash_info.modulus)
old = sys.getrecursionlimit()
sys.setrecursionlimit(500)
print(old, sys.getrecursionlimit())
sys.setrecursionlimit(old)
print(sys.getsizeof(0), sys.getsizeof(2 ** 100), sys.getsizeof(1.0), sys.getsizeof("abc"), sys.getsizeof([]), sys.getsizeof((1, 2)), sys.getsizeof({}), sys.getsizeof(set()))
sys.stdout.write("written\n")
print("to stderr", file=sys.stderr)
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print(e)
try:
    sys.exit("message")
except SystemExit as e:
    print("caught", e.code)
sys.exit(3)
print("not reached")
