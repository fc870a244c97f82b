print("this line is never executed")
def ok():
    return 1
x = (1, 2
