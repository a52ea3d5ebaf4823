print(int("  " + "9" * 100 + "  ") % 97)
print(int("0" * 4300), int("0" * 4299 + "7"))
try:
    int("9" * 4301)
except ValueError as e:
    print(str(e)[:60])
