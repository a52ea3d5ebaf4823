{**a, **{'b': 1}}
{k: v for k, v in {**a}.items()}
{*a, *(b for b in c)}
