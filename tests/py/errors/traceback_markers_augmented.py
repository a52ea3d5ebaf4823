# Augmented assignments mark their target's load and store.
counts = {}
for word in ['a', 'b']:
    counts[word] = counts.get(word, 0) + 1
print(counts)
counts['c'] += 1
