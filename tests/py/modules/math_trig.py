import math
print(round(math.sin(math.pi / 2), 10), round(math.cos(0), 10), math.atan2(1, 1) * 4 == math.pi)
print(math.degrees(math.pi), math.radians(180), round(math.tan(math.pi / 4), 12))
print(math.sin(0.5), math.cos(0.5), math.atan(1.0), math.asin(0.5))
