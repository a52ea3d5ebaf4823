# Text files and newlines: universal reading, newline='' and '\r', writing with newline='\r\n'.
import os
name = "ouro_test_tmp_newlines.txt"
with open(name, "wb") as f:
    f.write(b"one\r\ntwo\rthree\nfour")
with open(name) as f:
    print(repr(f.read()))
with open(name) as f:
    print(f.readlines())
with open(name, newline="") as f:
    print(f.readlines())
with open(name, newline="\r") as f:
    print(f.readlines())
with open(name, newline="\n") as f:
    print(list(f))
with open(name, "w", newline="\r\n") as f:
    f.write("a\nb\n")
with open(name, "rb") as f:
    print(f.read())
with open(name, "w", newline="\r") as f:
    print("x", "y", sep="\n", file=f)
with open(name, "rb") as f:
    print(f.read())
os.remove(name)
