data = {"users": [{"name": "a", "tags": {"x"}}, {"name": "b", "tags": set()}], "count": 2}
print(data["users"][0]["name"], len(data["users"][1]["tags"]))
data["users"].append({"name": "c", "tags": {"y", "z"}})
print([u["name"] for u in data["users"]])
print(sorted(t for u in data["users"] for t in u["tags"]))
m = [[0] * 3 for _ in range(2)]
m[0][1] = 5
print(m)
