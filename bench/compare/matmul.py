def main():
    n = 200
    a = [[0] * n for _ in range(n)]
    b = [[0] * n for _ in range(n)]
    c = [[0] * n for _ in range(n)]
    for i in range(n):
        for j in range(n):
            a[i][j] = i + j
            b[i][j] = i - j
    for i in range(n):
        for j in range(n):
            s = 0
            for k in range(n):
                s += a[i][k] * b[k][j]
            c[i][j] = s
    total = 0
    for i in range(n):
        for j in range(n):
            total += c[i][j]
    print(total)


main()
