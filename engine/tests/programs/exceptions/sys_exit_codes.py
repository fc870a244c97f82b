import sys

print("about to exit")
try:
    sys.exit(0)
except SystemExit as e:
    print("caught SystemExit with code", e.code)
sys.exit(3)
print("not reached")
