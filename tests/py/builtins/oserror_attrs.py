# OSError: errno/strerror/filename, str(), subclass chosen by errno.
import os
try:
    open("ouro_no_such_dir/file.txt")
except FileNotFoundError as e:
    print(e.errno, e.strerror, e.filename, e.args, isinstance(e, OSError))
    print(e)
try:
    open(".")
except IsADirectoryError as e:
    print(e, e.errno)
name = "ouro_test_tmp_oserror.txt"
open(name, "w").close()
try:
    open(name, "x")
except FileExistsError as e:
    print(e)
os.remove(name)
try:
    os.remove(name)
except OSError as e:
    print(type(e).__name__, e)
print(OSError(2, "No such file"), type(OSError(2, "x")).__name__, type(OSError(13, "x")).__name__)
print(OSError(2, "m", "f.txt"), OSError(2, "m", "f.txt").args, OSError("just text"), OSError())
e = OSError("a", "b", "c", "d", "e", "f")
print(e.errno, e.args)
print(IOError is OSError, EnvironmentError is OSError, issubclass(FileNotFoundError, OSError))
print(issubclass(BrokenPipeError, ConnectionError), issubclass(UnicodeDecodeError, ValueError))
