ba = bytearray(b"hello")
ba[0] = 72
ba.append(33)
ba.extend(b"!!")
print(ba, len(ba))
ba[1:3] = b"EE"
del ba[-1]
print(ba, ba.pop(), ba)
ba.insert(0, 62)
ba.reverse()
print(ba, bytes(ba), ba.decode())
print(bytearray(3), bytearray([1, 2]), bytearray("é", "utf-8"))
