# Text processing: generating a corpus, splitting, str methods, dict and
# Counter counting, sorting with keys, formatting a report.
from collections import Counter, defaultdict

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "an", "or", "el"]

def make_words(n, seed):
    x = seed
    words = []
    for _ in range(n):
        x = (x * 69069 + 1) % 4294967296
        parts = 1 + x % 3
        word = "".join(SYLLABLES[(x >> (4 * k)) % len(SYLLABLES)] for k in range(parts))
        if x % 11 == 0:
            word = word.capitalize()
        words.append(word)
    return words

def sentences(words, length):
    for i in range(0, len(words), length):
        chunk = words[i:i + length]
        yield " ".join(chunk) + ("." if i % 3 else "!")

text = "\n".join(sentences(make_words(40000, 3), 9))
lines = text.splitlines()
print(len(text), len(lines), lines[0])

counts = {}
for line in lines:
    for word in line.lower().strip(".!").split():
        counts[word] = counts.get(word, 0) + 1
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:8]
print(top)

by_letter = defaultdict(list)
for word in counts:
    by_letter[word[0]].append(word)
print({k: len(v) for k, v in sorted(by_letter.items())})

c = Counter(ch for ch in text if ch.isalpha())
print(c.most_common(5))

longest = max(lines, key=len)
print(len(longest), longest.upper()[:40], longest.title()[:40])
print(sum(1 for line in lines if line.endswith("!")), sum(line.count("ka") for line in lines))
replaced = text.replace("ka", "KA").replace("zeze", "Z")
print(replaced[:60].split("\n"))
print("%-10s|%5d|%8.3f" % ("total", len(counts), len(text) / len(lines)))
print(f"{'words':>10}: {sum(counts.values()):,}")
