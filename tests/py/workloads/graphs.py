# Graph algorithms: adjacency dicts, BFS with deque, Dijkstra with heapq,
# connected components, topological sort, memoised path counting.
from collections import deque
import heapq
import functools

def make_graph(n, seed):
    x = seed
    edges = {i: [] for i in range(n)}
    for i in range(n):
        for _ in range(3):
            x = (x * 1103515245 + 12345) % 2147483648
            j = x % n
            if j != i:
                w = 1 + (x >> 8) % 20
                edges[i].append((j, w))
                edges[j].append((i, w))
    return edges

def bfs(edges, start):
    dist = {start: 0}
    queue = deque([start])
    while queue:
        u = queue.popleft()
        for v, _ in edges[u]:
            if v not in dist:
                dist[v] = dist[u] + 1
                queue.append(v)
    return dist

def dijkstra(edges, start):
    best = {start: 0}
    heap = [(0, start)]
    done = set()
    while heap:
        d, u = heapq.heappop(heap)
        if u in done:
            continue
        done.add(u)
        for v, w in edges[u]:
            nd = d + w
            if nd < best.get(v, 1 << 60):
                best[v] = nd
                heapq.heappush(heap, (nd, v))
    return best

def components(edges):
    seen = set()
    sizes = []
    for s in edges:
        if s in seen:
            continue
        stack = [s]
        seen.add(s)
        size = 0
        while stack:
            u = stack.pop()
            size += 1
            for v, _ in edges[u]:
                if v not in seen:
                    seen.add(v)
                    stack.append(v)
        sizes.append(size)
    return sorted(sizes, reverse=True)

def dag(n):
    return {i: [j for j in (i + 1, i + 2, i * 2 + 1) if j < n] for i in range(n)}

def topo(graph):
    indeg = {u: 0 for u in graph}
    for u in graph:
        for v in graph[u]:
            indeg[v] += 1
    ready = [u for u, d in indeg.items() if d == 0]
    order = []
    while ready:
        u = ready.pop()
        order.append(u)
        for v in graph[u]:
            indeg[v] -= 1
            if indeg[v] == 0:
                ready.append(v)
    return order

g = make_graph(3000, 11)
d = bfs(g, 0)
print(len(d), max(d.values()), sum(d.values()))
sp = dijkstra(g, 0)
print(len(sp), max(sp.values()), sum(sp.values()) % 1000003)
print(components(g)[:5])
graph = dag(60)
order = topo(graph)
print(order[:10], len(order))

@functools.lru_cache(maxsize=None)
def paths(u):
    if u == 59:
        return 1
    return sum(paths(v) for v in graph[u])
print(paths(0))
