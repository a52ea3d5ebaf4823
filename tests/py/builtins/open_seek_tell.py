# seek and tell on binary and text files, and reads after seeking.
import os
name = "ouro_test_tmp_seek.txt"
with open(name, "wb") as f:
    print(f.write(b"0123456789"), f.tell())
with open(name, "rb") as f:
    print(f.read(3), f.tell(), f.seek(7), f.read(), f.tell())
    print(f.seek(-3, 2), f.read(2), f.seek(-4, 1), f.read(1), f.seek(0, 2), f.read())
with open(name, "r+") as f:
    print(f.read(4), f.tell())
    f.seek(2)
    f.write("AB")
    print(f.tell(), f.read(2))
    f.seek(0)
    print(f.read())
with open(name) as f:
    for bad in [(1, 1), (-1, 2), (-1,), (0, 7)]:
        try:
            f.seek(*bad)
        except (OSError, ValueError) as e:
            print(type(e).__name__ + ":", e)
    print(f.seek(0, 2), f.tell(), repr(f.read()))
with open(name, "r+b") as f:
    print(f.truncate(4), f.read())
os.remove(name)
