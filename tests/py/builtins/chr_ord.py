print(chr(65), chr(0x263A), chr(0x1F600), ord("€"), ord("\n"))
print([chr(c) for c in range(97, 102)], "".join(chr(ord(c) + 1) for c in "HAL"))
try:
    ord("ab")
except TypeError as e:
    print(e)
