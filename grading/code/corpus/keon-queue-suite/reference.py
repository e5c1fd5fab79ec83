from __future__ import annotations

# ---- algorithms/queue/max_sliding_window.py
"""
Max Sliding Window (Deque-based)

Given an array and a window size k, find the maximum element in each
sliding window using a monotonic deque that stores indices of elements
in decreasing order of their values.

Reference: https://leetcode.com/problems/sliding-window-maximum/

Complexity:
    Time:  O(n)
    Space: O(k)
"""


import collections


def max_sliding_window(arr: list[int], k: int) -> list[int]:
    """Find the maximum in each sliding window of size k.

    Uses a deque to maintain indices of useful elements in decreasing
    order. The front of the deque always holds the index of the current
    window maximum.

    Args:
        arr: Input array of integers.
        k: Window size.

    Returns:
        List of maximum values for each window position.

    Examples:
        >>> max_sliding_window([1, 3, -1, -3, 5, 3, 6, 7], 3)
        [3, 3, 5, 5, 6, 7]
    """
    index_deque: collections.deque[int] = collections.deque()
    result: list[int] = []
    for i, value in enumerate(arr):
        while index_deque and arr[index_deque[-1]] < value:
            index_deque.pop()
        index_deque.append(i)
        if index_deque[0] == i - k:
            index_deque.popleft()
        if i >= k - 1:
            result.append(arr[index_deque[0]])
    return result


# ---- algorithms/queue/reconstruct_queue.py
"""
Reconstruct Queue by Height

Given a list of people described by (height, k) pairs where k is the
number of taller-or-equal people in front, reconstruct the queue by
sorting and inserting.

Reference: https://leetcode.com/problems/queue-reconstruction-by-height/

Complexity:
    Time:  O(n^2)
    Space: O(n)
"""



def reconstruct_queue(people: list[list[int]]) -> list[list[int]]:
    """Reconstruct the queue from (height, k) pairs.

    Args:
        people: List of [height, k] pairs.

    Returns:
        The reconstructed queue as a list of [height, k] pairs.

    Examples:
        >>> reconstruct_queue([[7, 0], [4, 4], [7, 1], [5, 0], [6, 1], [5, 2]])
        [[5, 0], [7, 0], [5, 2], [6, 1], [4, 4], [7, 1]]
    """
    queue: list[list[int]] = []
    people.sort(key=lambda x: (-x[0], x[1]))
    for height, count in people:
        queue.insert(count, [height, count])
    return queue
