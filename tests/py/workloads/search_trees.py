# Binary search trees, persistent and mutable: recursion, tuples, None
# checks, class nodes, in-order traversal with generators.

def insert(node, key):
    # Persistent: (left, key, right) tuples, rebuilt along the path.
    if node is None:
        return (None, key, None)
    left, k, right = node
    if key < k:
        return (insert(left, key), k, right)
    if key > k:
        return (left, k, insert(right, key))
    return node

def size(node):
    if node is None:
        return 0
    left, _, right = node
    return 1 + size(left) + size(right)

def height(node):
    if node is None:
        return 0
    left, _, right = node
    return 1 + max(height(left), height(right))

def contains(node, key):
    while node is not None:
        left, k, right = node
        if key == k:
            return True
        node = left if key < k else right
    return False

class Node:
    __slots__ = ("key", "left", "right", "count")

    def __init__(self, key):
        self.key = key
        self.left = None
        self.right = None
        self.count = 1

class Tree:
    def __init__(self):
        self.root = None

    def add(self, key):
        if self.root is None:
            self.root = Node(key)
            return
        node = self.root
        while True:
            if key == node.key:
                node.count += 1
                return
            nxt = node.left if key < node.key else node.right
            if nxt is None:
                if key < node.key:
                    node.left = Node(key)
                else:
                    node.right = Node(key)
                return
            node = nxt

    def walk(self):
        stack = []
        node = self.root
        while stack or node is not None:
            while node is not None:
                stack.append(node)
                node = node.left
            node = stack.pop()
            yield node.key, node.count
            node = node.right

def pseudo_random(seed, n):
    x = seed
    for _ in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        yield x % 10007

root = None
for key in pseudo_random(7, 4000):
    root = insert(root, key)
print("persistent:", size(root), height(root), sum(contains(root, k) for k in range(0, 10007, 7)))

for rounds in range(3):
    t = Tree()
    for key in pseudo_random(rounds, 20000):
        t.add(key % 3000)
    walked = list(t.walk())
    print("mutable:", len(walked), walked[:3], sum(c for _, c in walked), max(walked, key=lambda kc: kc[1]))
