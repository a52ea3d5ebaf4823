class Pizza:
    count = 0
    def __init__(self, toppings):
        self.toppings = toppings
        Pizza.count += 1
    @classmethod
    def margherita(cls):
        return cls(["mozzarella", "tomato"])
    @staticmethod
    def area(r):
        return r * r * 3
p = Pizza.margherita()
print(p.toppings, Pizza.count)
print(Pizza.area(2), p.area(3))
class Sub(Pizza):
    pass
print(type(Sub.margherita()).__name__)
