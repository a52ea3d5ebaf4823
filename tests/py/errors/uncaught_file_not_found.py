# An uncaught FileNotFoundError: traceback and the [Errno] message.
print("before")
open("ouro_no_such_file_uncaught.txt")
print("not reached")
