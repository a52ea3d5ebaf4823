class AppError(Exception):
    pass
class NotFound(AppError):
    pass

try:
    raise NotFound("item 7", 404)
except AppError as e:
    print(type(e).__name__, e.args, str(e))
print(repr(NotFound("x")))
print(issubclass(NotFound, Exception))
