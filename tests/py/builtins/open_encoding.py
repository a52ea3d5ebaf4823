# Text files with explicit encodings and error handlers.
import os
name = "ouro_test_tmp_encoding.txt"
with open(name, "w", encoding="latin-1") as f:
    print(repr(f), f.encoding, f.write("café"))
with open(name, "rb") as f:
    print(f.read())
with open(name, encoding="latin1") as f:
    print(f.read())
with open(name, encoding="utf-8", errors="replace") as f:
    print(f.read(), f.errors)
try:
    with open(name, encoding="utf-8") as f:
        f.read()
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
with open(name, "w", encoding="ascii", errors="replace") as f:
    f.write("naïve")
with open(name) as f:
    print(f.read(), f.encoding)
with open(name, "w", encoding="utf-8") as f:
    f.write("€uro ünïcode")
with open(name, encoding="utf-8") as f:
    print(f.read(1), f.read(3), f.tell(), f.read())
try:
    open(name, encoding="no-such-codec")
except LookupError as e:
    print("LookupError:", e)
os.remove(name)
