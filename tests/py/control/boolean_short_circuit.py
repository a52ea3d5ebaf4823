def t(name, val):
    print("called", name)
    return val

print(t("a", False) and t("b", True))
print(t("c", True) or t("d", True))
print(t("e", 0) or t("f", "") or t("g", "last"))
print(not t("h", []))
