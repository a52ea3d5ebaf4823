raise
raise ValueError
raise ValueError('x') from exc
raise E from None
