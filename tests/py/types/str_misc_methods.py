print("hello".translate(str.maketrans("el", "ip")), "abc".translate({ord("a"): None}))
print(str.maketrans({"a": "1"}) == {97: "1"})
print("x".isprintable(), "\n".isprintable(), "abc".isascii(), "é".isascii())
print("Hello World".index("o"), "aaa".replace("a", "b", 0), "a-b_c".replace("-", "_").split("_"))
