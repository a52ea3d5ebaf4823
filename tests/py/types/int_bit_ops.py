a, b = 0b1100, 0b1010
print(a & b, a | b, a ^ b, ~a, a << 3, a >> 2)
print(-8 >> 1, -1 << 4, ~-1, -5 & 0xFF)
print((1 << 100) >> 98, (2 ** 70) & (2 ** 70 - 1))
print((255).bit_length(), (-255).bit_length(), (0).bit_count() if hasattr(0, "bit_count") else 0, (255).bit_count())
