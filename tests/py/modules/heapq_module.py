import heapq
h = []
for x in [5, 1, 8, 3, 2]:
    heapq.heappush(h, x)
print(h[0], [heapq.heappop(h) for _ in range(3)], h)
data = [9, 4, 7, 1]
heapq.heapify(data)
print(data[0], heapq.nsmallest(2, [5, 2, 8, 1]), heapq.nlargest(2, [5, 2, 8, 1]))
print(heapq.heappushpop([1, 5], 3), list(heapq.merge([1, 4], [2, 3])))
