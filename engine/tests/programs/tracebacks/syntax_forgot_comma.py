items = ["a" "b" 3 4]
