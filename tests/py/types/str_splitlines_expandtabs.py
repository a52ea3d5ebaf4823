s = "line1\nline2\r\nline3\rline4\n"
print(s.splitlines())
print(s.splitlines(keepends=True))
print("".splitlines(), "a\n\nb".splitlines())
print("a\tb\tc".expandtabs(), "a\tbc\td".expandtabs(4), repr("\t".expandtabs(2)))
