print(bin(10), oct(10), hex(10), bin(-10), hex(-255), oct(0))
print(int(bin(12345), 2), int(hex(12345), 16), int(oct(12345), 8))
