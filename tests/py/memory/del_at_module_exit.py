class Last:
    def __del__(self):
        print("module-level object finalized")
keep = Last()
print("end of script")
