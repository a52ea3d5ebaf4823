x = yield
await y
yield from z
