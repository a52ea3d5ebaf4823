class Matrix:
    def __init__(self, rows):
        self.rows = rows
    def __getitem__(self, idx):
        r, c = idx
        return self.rows[r][c]
    def __matmul__(self, o):
        n = len(self.rows)
        return Matrix([[sum(self[i, k] * o[k, j] for k in range(n)) for j in range(n)] for i in range(n)])
m = Matrix([[1, 2], [3, 4]])
print((m @ m).rows, m[1, 0])
