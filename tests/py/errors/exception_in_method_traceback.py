class Account:
    def __init__(self):
        self.entries = []
    def average(self):
        return sum(self.entries) / len(self.entries)
    def report(self):
        return "avg=" + str(self.average())

a = Account()
print(a.report())
