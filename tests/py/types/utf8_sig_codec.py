# The utf-8-sig codec: a BOM written on encode, skipped on decode.
print("aé".encode("utf-8-sig"), b"\xef\xbb\xbfa\xc3\xa9".decode("utf-8-sig"), b"plain".decode("UTF_8_SIG"), "".encode("utf-8-sig"))
try:
    b"\xef\xbb\xbf\xff".decode("utf-8-sig")
except UnicodeDecodeError as e:
    print(e)
