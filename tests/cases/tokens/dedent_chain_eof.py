class A:
    def f(self):
        while x:
            pass