class Tracked:
    instances = 0
    def __init__(self):
        Tracked.instances += 1
    def __del__(self):
        Tracked.instances -= 1

objs = [Tracked() for _ in range(5)]
print(Tracked.instances)
objs = objs[:2]
print(Tracked.instances)
del objs
print(Tracked.instances)
