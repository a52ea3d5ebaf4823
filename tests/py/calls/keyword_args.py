def describe(name, age, city):
    return f"{name} is {age} and lives in {city}"

print(describe("Ann", 30, "Oslo"))
print(describe(age=41, city="Lima", name="Bo"))
print(describe("Cy", city="Rome", age=7))
