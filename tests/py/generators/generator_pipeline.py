def read(lines):
    for l in lines:
        yield l

def strip(lines):
    for l in lines:
        yield l.strip()

def non_empty(lines):
    return (l for l in lines if l)

data = ["  a ", "", " b", "   ", "c  "]
print(list(non_empty(strip(read(data)))))
