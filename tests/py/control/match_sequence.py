def f(cmd):
    match cmd.split():
        case ["go", direction]:
            return "going " + direction
        case ["take", *items] if items:
            return "taking " + ", ".join(items)
        case ["quit" | "exit"]:
            return "bye"
        case []:
            return "empty"
        case _:
            return "unknown"

for c in ("go north", "take a b c", "take", "quit", "exit", "", "dance now"):
    print(repr(c), "->", f(c))
