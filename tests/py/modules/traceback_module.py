# The traceback module's common calls print what an uncaught exception
# would, to stderr or to a given file. What goes to stdout names this
# file without its folder, so that the expected output does not depend on
# where the repository is.
import sys
import traceback

FOLDER = __file__.rsplit('/', 1)[0] + '/'

class Out:
    def write(self, text):
        sys.stdout.write(text.replace(FOLDER, ''))

out = Out()

def parse(text):
    return int(text)

def load(items):
    return [parse(t) for t in items]

print(repr(traceback.format_exc()))
try:
    load(['1', 'x'])
except ValueError:
    text = traceback.format_exc()
    print(text.replace(FOLDER, ''), end='')
    traceback.print_exc(file=out)

try:
    try:
        {}['key']
    except KeyError as e:
        raise RuntimeError('lookup failed') from e
except RuntimeError as e:
    lines = traceback.format_exception(e)
    print(len(lines), lines[0], end='')
    print(''.join(lines).replace(FOLDER, ''), end='')
    print(''.join(traceback.format_exception(e, chain=False)).replace(FOLDER, ''), end='')
    print(traceback.format_exception_only(e))
    print(traceback.format_exception_only(type(e), e))
    traceback.print_exception(type(e), e, e.__traceback__, file=out)
    traceback.print_exception(e, file=out)

try:
    x = 1; y = x / 0   
except ZeroDivisionError as e:
    traceback.print_exception(e, file=out)
    print(traceback.format_exception(e, None, None))

err = ValueError('never raised')
print(traceback.format_exception(err))
print(traceback.format_exception_only(None))
traceback.print_exc()
def a(n): return b(n)
def b(n): return c(n)
def c(n): return 1 / n
try:
    a(0)
except ZeroDivisionError as e:
    for lim in (0, 1, 2, -1, -2, 10, -10):
        print(lim, ''.join(traceback.format_exception(e, limit=lim)).replace(FOLDER, ''), end='')
    print(traceback.format_exc(1).replace(FOLDER, ''), end='')
    traceback.print_exc(-1, out)
    for lim in (2**63, -2**70, 2**63 - 1):
        try:
            print(len(traceback.format_exception(e, limit=lim)))
        except (ValueError, OverflowError) as x:
            print(type(x).__name__, x)
