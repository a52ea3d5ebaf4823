s = "hello world hello"
print(s.replace("hello", "bye"), s.replace("l", "L", 2), s.replace("", "-")[:10])
print(s.find("o"), s.rfind("o"), s.find("zz"), s.find("o", 5), s.find("o", 5, 7))
print(s.index("world"), s.rindex("hello"), s.count("l"), s.count("hello"), s.count(""))
try:
    s.index("zz")
except ValueError as e:
    print(e)
