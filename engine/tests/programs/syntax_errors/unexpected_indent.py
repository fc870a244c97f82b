print("one")
    print("two")
