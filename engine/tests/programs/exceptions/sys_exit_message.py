import sys

print("checking input")
sys.exit("fatal: bad input")
