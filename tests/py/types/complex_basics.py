z = 3 + 4j
print(z, z.real, z.imag, abs(z), z.conjugate())
print(z * z, z + 1, z / 2, (1j) ** 2)
print(complex(1, -1), complex("2+3j"), complex(2), 1j, -1j, 0j)
print(z == complex(3, 4), repr(complex(0, 0)), type(z).__name__)
