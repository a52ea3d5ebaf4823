nums = [3, 8, 11, 4]
if any(n > 10 for n in nums):
    print("has big")
if not all(n % 2 == 0 for n in nums):
    print("not all even")
print(next((n for n in nums if n % 4 == 0), None))
print(next((n for n in nums if n > 100), "none"))
