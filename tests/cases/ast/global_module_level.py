global x
nonlocal_ = 1
