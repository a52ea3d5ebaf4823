print("héllo".encode(), "héllo".encode("latin-1"), "abc".encode("ascii"))
print("€".encode("utf-8"), len("€".encode()), "€".encode("utf-16-le"))
print("héllo".encode("ascii", "replace"), "héllo".encode("ascii", "ignore"))
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print(e)
