# Mandelbrot set in ASCII: float arithmetic in while loops, comparisons,
# string building with join.

def escape_time(cr, ci, limit):
    zr = zi = 0.0
    n = 0
    while n < limit:
        zr2 = zr * zr
        zi2 = zi * zi
        if zr2 + zi2 > 4.0:
            return n
        zi = 2.0 * zr * zi + ci
        zr = zr2 - zi2 + cr
        n += 1
    return limit

def render(width, height, limit):
    chars = " .:-=+*#%@"
    rows = []
    inside = 0
    for y in range(height):
        ci = -1.2 + 2.4 * y / (height - 1)
        row = []
        for x in range(width):
            cr = -2.1 + 3.0 * x / (width - 1)
            n = escape_time(cr, ci, limit)
            if n == limit:
                inside += 1
            row.append(chars[n * (len(chars) - 1) // limit])
        rows.append("".join(row).rstrip())
    return rows, inside

rows, inside = render(78, 40, 2000)
print("\n".join(rows))
print("points inside:", inside)

# The same with complex numbers.
def escape_complex(c, limit):
    z = 0j
    for n in range(limit):
        z = z * z + c
        if abs(z) > 2.0:
            return n
    return limit

total = 0
for y in range(-10, 11):
    for x in range(-20, 11):
        total += escape_complex(complex(x / 10, y / 10), 200)
print("complex total:", total)
