# Typical teaching programs, each a function run by measure-limit-factor.ts under CPython and Pyodide.
import math, random


def sieve():
    n = 300_000
    is_prime = [True] * (n + 1)
    is_prime[0] = is_prime[1] = False
    for i in range(2, int(n ** 0.5) + 1):
        if is_prime[i]:
            for j in range(i * i, n + 1, i):
                is_prime[j] = False
    return sum(is_prime)


def fib_recursive():
    def fib(n):
        return n if n < 2 else fib(n - 1) + fib(n - 2)
    return fib(24)


def string_building():
    parts = []
    for i in range(150_000):
        parts.append(str(i % 97))
    s = ",".join(parts)
    return len(s.split(","))


def word_count():
    words = ["an", "binh", "cuong", "dung", "giang", "hoa", "khanh", "lan"] * 40_000
    counts = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    return max(counts.values())


def sort_numbers():
    rng = random.Random(1)
    xs = [rng.randint(0, 10**6) for _ in range(150_000)]
    xs.sort()
    return xs[len(xs) // 2]


def nested_loops():
    total = 0
    for i in range(400):
        for j in range(400):
            total += (i * j) % 7
    return total


def bubble_sort():
    rng = random.Random(2)
    a = [rng.randint(0, 1000) for _ in range(1_200)]
    n = len(a)
    for i in range(n):
        for j in range(n - 1 - i):
            if a[j] > a[j + 1]:
                a[j], a[j + 1] = a[j + 1], a[j]
    return a[0]


def grid_bfs():
    n = 250
    seen = [[False] * n for _ in range(n)]
    queue = [(0, 0)]
    seen[0][0] = True
    head = 0
    while head < len(queue):
        x, y = queue[head]
        head += 1
        for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            nx, ny = x + dx, y + dy
            if 0 <= nx < n and 0 <= ny < n and not seen[nx][ny] and (nx * ny) % 11 != 5:
                seen[nx][ny] = True
                queue.append((nx, ny))
    return len(queue)


def float_math():
    s = 0.0
    for i in range(1, 250_000):
        s += math.sqrt(i) * math.sin(i) / i
    return round(s, 6)


def lcs():
    a = "".join("ACGT"[(i * 7) % 4] for i in range(500))
    b = "".join("ACGT"[(i * 5 + 1) % 4] for i in range(500))
    prev = [0] * (len(b) + 1)
    for ca in a:
        cur = [0]
        for j, cb in enumerate(b):
            cur.append(prev[j] + 1 if ca == cb else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


PROGRAMS = [sieve, fib_recursive, string_building, word_count, sort_numbers, nested_loops, bubble_sort,
            grid_bfs, float_math, lcs]


def measure(repeats=3):
    """CPU seconds of each program (best of `repeats`), by name."""
    import time
    out = {}
    for p in PROGRAMS:
        best = None
        for _ in range(repeats):
            t0 = time.process_time()
            p()
            t = time.process_time() - t0
            best = t if best is None else min(best, t)
        out[p.__name__] = best
    return out
