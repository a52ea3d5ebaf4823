s = {1, 2, 3}
s |= {4}
s &= {1, 2, 4, 5}
s -= {1}
s ^= {9, 2}
print(sorted(s))
s.intersection_update([4, 9, 7])
s.difference_update([9])
s.symmetric_difference_update([1, 4])
print(sorted(s))
