match = [1, 2, 3]
print(match)
print(match[0], len(match))


def match(x):
    return f"match called with {x}"


print(match(1))
case = 5
print(case)



class match:
    case = "attribute named case"


print(match.case)
_ = "underscore"
match _:
    case "underscore":
        print("matched the value of _")
print(type(match()).__name__)
