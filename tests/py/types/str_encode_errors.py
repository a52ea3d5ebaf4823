# str.encode: codecs, aliases and error handlers; UnicodeEncodeError details.
s = "aé€😀"
print(s.encode(), s.encode("UTF8"), s.encode("utf_16_le"), "x".encode("utf-16"), "ab".encode("utf-32-be"))
print(s.encode("ascii", "ignore"), s.encode("ascii", "replace"), s.encode("ascii", "backslashreplace"))
print(s.encode("latin-1", "xmlcharrefreplace"), "\udcff\udc80".encode("utf-8", "surrogateescape"))
for text, enc in [("é", "ascii"), ("aéé€b", "ascii"), ("€", "latin1"), ("\ud800", "utf-8"), ("x", "klingon")]:
    try:
        text.encode(enc)
    except UnicodeEncodeError as e:
        print("UnicodeEncodeError:", e)
        print(e.encoding, repr(e.object), e.start, e.end, e.reason)
    except LookupError as e:
        print("LookupError:", e)
try:
    "é".encode("ascii", "no-such-handler")
except LookupError as e:
    print("LookupError:", e)
print("plain".encode("ascii", "no-such-handler"))
try:
    "x".encode(1)
except TypeError as e:
    print("TypeError:", e)
