print("[" + "hi".center(9) + "]", "[" + "hi".center(8, "*") + "]")
print("[" + "hi".ljust(6, ".") + "]", "[" + "hi".rjust(6) + "]")
print("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "abc".zfill(2))
print("[" + "toolong".center(3) + "]")
