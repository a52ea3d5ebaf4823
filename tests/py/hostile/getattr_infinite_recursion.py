class Loop:
    def __getattr__(self, name):
        return self.missing
try:
    Loop().anything
except RecursionError as e:
    print("RecursionError", e)
print("recovered")
