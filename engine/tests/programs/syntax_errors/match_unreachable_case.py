def command(text):
    match text.split():
        case [verb]:
            return verb
        case words:
            return words
        case []:
            return "nothing"


print(command("go north"))
