print("custom BaseException subclass")

class Stop(BaseException):
    pass

raise Stop("halt")
