# Iterating files by lines, readline with a size, readlines with a hint.
import os
name = "ouro_test_tmp_iter.txt"
with open(name, "w") as f:
    f.writelines(["alpha\n", "beta\n", "gamma\n", "delta"])
with open(name) as f:
    for i, line in enumerate(f):
        print(i, repr(line))
with open(name) as f:
    print(repr(f.readline(3)), repr(f.readline()), f.readlines(6), f.readlines(), repr(f.readline()))
with open(name, "rb") as f:
    print(next(f), list(f))
with open(name) as f:
    print([len(l) for l in f], iter(f) is f)
with open(name) as f:
    it = iter(f)
    print(next(it), end="")
    print(sum(1 for _ in it))
    print(next(it, "done"))
os.remove(name)
