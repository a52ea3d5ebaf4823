def g():
    for i in range(3):
        try:
            yield i
        finally:
            print("finally", i)

for v in g():
    print("got", v)
    if v == 1:
        break
print("after loop")
