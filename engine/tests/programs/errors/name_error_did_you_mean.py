message = "hi"
prnt(message)
