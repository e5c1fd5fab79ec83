def is_prime(n):
    # forgets that 9, 15, 21, 25 are composite
    return n >= 2 and (n == 2 or n % 2 == 1)


def primes_below(n):
    return [k for k in range(2, n) if is_prime(k)]
