from __future__ import annotations

# ---- algorithms/heap/skyline.py
"""
Skyline Problem

Given building triplets [left, right, height], compute the skyline
contour as a list of key points using a heap-based sweep line approach.

Reference: https://leetcode.com/problems/the-skyline-problem/

Complexity:
    Time:  O(n log n)
    Space: O(n)
"""


import heapq


def get_skyline(lrh: list[list[int]]) -> list[list[int]]:
    """Compute the skyline from a list of buildings.

    Args:
        lrh: List of [left, right, height] building triplets, sorted
            by left coordinate.

    Returns:
        List of [x, height] key points defining the skyline.

    Examples:
        >>> get_skyline([[2, 9, 10], [3, 7, 15]])
        [[2, 10], [3, 15], [7, 10], [9, 0]]
    """
    skyline: list[list[int]] = []
    live: list[list[int]] = []
    i, n = 0, len(lrh)
    while i < n or live:
        if not live or i < n and lrh[i][0] <= -live[0][1]:
            x = lrh[i][0]
            while i < n and lrh[i][0] == x:
                heapq.heappush(live, [-lrh[i][2], -lrh[i][1]])
                i += 1
        else:
            x = -live[0][1]
            while live and -live[0][1] <= x:
                heapq.heappop(live)
        height = len(live) and -live[0][0]
        if not skyline or height != skyline[-1][1]:
            skyline += [[x, height]]
    return skyline


# ---- algorithms/heap/k_closest_points.py
"""
K Closest Points to Origin

Given a list of points, find the k closest to the origin using a max
heap of size k. For each subsequent point, replace the heap root if
the new point is closer.

Reference: https://leetcode.com/problems/k-closest-points-to-origin/

Complexity:
    Time:  O(k + (n - k) log k)
    Space: O(k)
"""


from heapq import heapify, heappushpop


def k_closest(
    points: list[tuple[int, int]],
    k: int,
    origin: tuple[int, int] = (0, 0),
) -> list[tuple[int, int]]:
    """Find the k closest points to the origin.

    Args:
        points: List of (x, y) coordinate tuples.
        k: Number of closest points to return.
        origin: The reference point, defaults to (0, 0).

    Returns:
        List of the k closest points.

    Examples:
        >>> k_closest([(1, 0), (-1, 0), (2, 3)], 2)
        [(-1, 0), (1, 0)]
    """
    heap = [(-_distance(p, origin), p) for p in points[:k]]
    heapify(heap)

    for point in points[k:]:
        dist = _distance(point, origin)
        heappushpop(heap, (-dist, point))

    return [point for _, point in heap]


def _distance(point: tuple[int, int], origin: tuple[int, int] = (0, 0)) -> int:
    """Compute squared Euclidean distance from point to origin.

    Args:
        point: The (x, y) coordinate.
        origin: The reference point.

    Returns:
        Squared Euclidean distance.
    """
    return (point[0] - origin[0]) ** 2 + (point[1] - origin[1]) ** 2


# ---- algorithms/heap/sliding_window_max.py
"""
Sliding Window Maximum (Heap-based)

Given an array and a window size k, find the maximum element in each
sliding window using a deque that maintains decreasing order of values.

Reference: https://leetcode.com/problems/sliding-window-maximum/

Complexity:
    Time:  O(n)
    Space: O(k)
"""


import collections


def max_sliding_window(nums: list[int], k: int) -> list[int]:
    """Find the maximum in each sliding window of size k.

    Args:
        nums: Input array of integers.
        k: Window size.

    Returns:
        List of maximum values for each window position.

    Examples:
        >>> max_sliding_window([1, 3, -1, -3, 5, 3, 6, 7], 3)
        [3, 3, 5, 5, 6, 7]
    """
    if not nums:
        return nums
    queue: collections.deque[int] = collections.deque()
    result: list[int] = []
    for num in nums:
        if len(queue) < k:
            queue.append(num)
        else:
            result.append(max(queue))
            queue.popleft()
            queue.append(num)
    result.append(max(queue))
    return result
