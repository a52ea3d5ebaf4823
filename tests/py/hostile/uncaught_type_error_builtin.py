print("before")
print(len(42))
