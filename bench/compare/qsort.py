import sys


def quicksort(a, lo, hi):
    while lo < hi:
        pivot = a[(lo + hi) // 2]
        i, j = lo, hi
        while i <= j:
            while a[i] < pivot:
                i += 1
            while a[j] > pivot:
                j -= 1
            if i <= j:
                a[i], a[j] = a[j], a[i]
                i += 1
                j -= 1
        quicksort(a, lo, j)
        lo = i


def main():
    n = 1000000
    v = [0] * n
    seed = 1
    for i in range(n):
        seed = (seed * 1103515245 + 12345) & 0xFFFFFFFF
        v[i] = seed >> 1
    quicksort(v, 0, n - 1)
    check = 0
    for i in range(n):
        if i > 0 and v[i - 1] > v[i]:
            print("unsorted at", i)
            sys.exit(1)
        check = (check * 31 + v[i]) % 1000000007
    print(v[0], v[n - 1], check)


main()
