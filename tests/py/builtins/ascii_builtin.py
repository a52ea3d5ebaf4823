print(ascii("abc"), ascii("é"), ascii("世界"), ascii("🐍"), ascii(["é", 1]))
print(ascii("\n"), ascii(b"\xff"))
