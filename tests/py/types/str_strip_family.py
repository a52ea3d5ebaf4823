s = "  \thello\n "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixx".strip("x"), "abcba".strip("ab"), "www.example.com".lstrip("w."))
print("file.txt".removesuffix(".txt"), "prefix_name".removeprefix("prefix_"), "abc".removeprefix("z"))
