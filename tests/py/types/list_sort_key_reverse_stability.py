people = [("bob", 25), ("al", 30), ("cy", 25), ("di", 30), ("ed", 20)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
words = ["banana", "Apple", "cherry", "apple", "Banana"]
words.sort(key=str.lower)
print(words)
words.sort()
print(words)
print(sorted([3, 1, 2], reverse=True), sorted("hello"))
