for w in range(3, 9):
    print(repr("ab".center(w, "-")), repr("abc".center(w, "-")))
