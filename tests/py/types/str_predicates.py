samples = ["123", "12.3", "abc", "aBc1", "", "  ", "Title Case", "UPPER", "lower", "½", "٣", "x_1"]
for s in samples:
    print(repr(s), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isalpha(), s.isalnum(),
          s.isspace(), s.istitle(), s.isupper(), s.islower(), s.isidentifier())
