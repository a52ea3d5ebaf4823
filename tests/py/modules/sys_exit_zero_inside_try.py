import sys
try:
    sys.exit(0)
except SystemExit as e:
    print("caught SystemExit", e.code, repr(e))
try:
    sys.exit("message")
except SystemExit as e:
    print("code:", e.code)
print("still running")
