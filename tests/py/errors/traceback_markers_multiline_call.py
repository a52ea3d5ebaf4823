# A span over several lines is marked to the end of its first line.
def fail(*args):
    return 1 / 0

value = fail(1,
             2,
             3)
