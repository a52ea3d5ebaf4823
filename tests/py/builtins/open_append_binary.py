import os
fname = "ouro_test_tmp_bin.txt"
with open(fname, "wb") as f:
    f.write(b"\x00\x01abc")
with open(fname, "ab") as f:
    f.write(b"\xff")
with open(fname, "rb") as f:
    data = f.read()
print(data, len(data))
with open(fname, "a") as f:
    print("printed into file", file=f)
with open(fname, "rb") as f:
    print(f.read()[-10:])
os.remove(fname)
