class HttpError(Exception):
    def __init__(self, code, msg):
        super().__init__(f"{code}: {msg}")
        self.code = code
        self.msg = msg

try:
    raise HttpError(500, "server")
except HttpError as e:
    print(e, e.code, e.msg, e.args)

class Bare(Exception):
    def __init__(self, value):
        self.value = value
b = Bare(3)
print(b.args, repr(str(b)), b.value)
