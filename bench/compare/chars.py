def main():
    n = 5000000
    buf = bytearray(n)
    counts = [0] * 256
    seed = 1
    for i in range(n):
        seed = (seed * 1103515245 + 12345) & 0xFFFFFFFF
        buf[i] = 97 + (seed >> 16) % 26
    for i in range(n):
        counts[buf[i]] += 1
    check = 0
    for c in range(256):
        check = check * 31 % 1000000007 + counts[c]
    print(counts[101], check)


main()
