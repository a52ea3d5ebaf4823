print("aaaa".count("aa"), "aaaa".find(""), "abc".find("", 3), "abc".find("", 4))
print("abcabc".rfind("abc"), "abc".rindex("c"), "".count(""), "ab".count("", 1))
print("hello".index("l", 3), "banana".replace("ana", "X"))
