print("apple" < "banana", "Apple" < "apple", "abc" < "abd", "ab" < "abc", "" < "a")
print(sorted(["b", "B", "a", "A", "_", "1"]))
print("a" == "a", max("hello"), min("hello"))
print(ord("a"), ord("A"), chr(97), chr(8364))
