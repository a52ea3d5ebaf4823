[x for x in y]
{x for x in y}
{k: v for k, v in items}
(x for x in y)
