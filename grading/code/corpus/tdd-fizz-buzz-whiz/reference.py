# ---- fizz_buzz_whiz/fizz_buzz_whiz.py
def say(n: int) -> str:
    if n % 15 == 0:
        return "FizzBuzz"
    if n % 3 == 0:
        return "Fizz"
    if n % 5 == 0:
        return "Buzz"
    return str(n)


# ---- fizz_buzz_whiz/__init__.py
__all__ = ["say"]
