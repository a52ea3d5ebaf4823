s = "text"
print(f"[{s:10}] [{s:>10}] [{s:^10}] [{s:-^11}] [{s:.2}] [{s:>8.3}]")
print(format("x", "*<5"), format("x", "0>3"), format("", "^3") + "|")
try:
    format("x", "d")
except ValueError as e:
    print(e)
