raw = "naïve €".encode()
print(raw)
print(raw.decode(), raw.decode("utf-8"), len(raw))
print(b"abc".decode("ascii"), b"\xe9".decode("latin-1"))
print(b"\xff".decode("utf-8", "replace"), b"a\xffb".decode("utf-8", "ignore"))
try:
    b"\xff".decode()
except UnicodeDecodeError as e:
    print(e)
