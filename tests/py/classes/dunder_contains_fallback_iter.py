class It:
    def __iter__(self):
        print("iterating")
        return iter([1, 2, 3])
print(2 in It())
print(7 in It())
