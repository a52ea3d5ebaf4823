e = TypeError("bad type")
e.add_note("while processing record 5")
raise e
