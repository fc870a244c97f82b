print("raising a group")
raise ExceptionGroup("two problems", [ValueError("bad"), TypeError("worse")])
