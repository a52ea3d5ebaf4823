words = "the cat sat on the mat with the hat".split()
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
print(list(map(len, filter(lambda w: "at" in w, words))))
print(sorted(set(words), key=words.index))
