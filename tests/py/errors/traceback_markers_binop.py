# A failing binary operation: `~` under the operands, `^` under the operator.
def total(prices, extra):
    return (prices[0] + prices[1]) * extra  // 2

total([1, 2], 'x')
