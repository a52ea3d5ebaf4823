s = "Grüße, 世界! 🐍"
print(s, len(s), s.upper(), s[-1], ord(s[-1]))
print(s.encode("utf-8")[:8], len(s.encode("utf-8")))
print(ascii(s))
print("\u00e9" == "é", "\N{GREEK SMALL LETTER ALPHA}", "\x41\101")
