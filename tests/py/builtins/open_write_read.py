import os
fname = "ouro_test_tmp_rw.txt"
with open(fname, "w") as f:
    n = f.write("line one\nline two\n")
    f.write("third")
print(n)
with open(fname) as f:
    print(repr(f.read()))
with open(fname) as f:
    print(f.readline().rstrip(), f.readlines())
with open(fname) as f:
    print([l.rstrip("\n") for l in f])
os.remove(fname)
print(os.path.exists(fname))
