def main():
    print("main running")
if __name__ == "__main__":
    main()
else:
    print("imported")
