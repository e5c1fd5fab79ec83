# ---- balanced_brackets/balanced_brackets.py
def is_balanced(input: str) -> bool:
    depth = 0
    for c in input:
        if c == "[":
            depth += 1
        elif c == "]":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


# ---- balanced_brackets/__init__.py
__all__ = ["is_balanced"]
