s = "filename.tar.gz"
print(s.startswith("file"), s.startswith(("a", "fi")), s.endswith(".gz"))
print(s.endswith((".zip", ".tar")), s.startswith("name", 4), s.endswith("tar", 0, 12))
print("".startswith(""), "abc".endswith(""))
