local N = 200
local a, b, c = {}, {}, {}
for i = 0, N - 1 do
	a[i], b[i], c[i] = {}, {}, {}
	for j = 0, N - 1 do
		a[i][j] = i + j
		b[i][j] = i - j
	end
end
for i = 0, N - 1 do
	for j = 0, N - 1 do
		local sum = 0
		for k = 0, N - 1 do
			sum = sum + a[i][k] * b[k][j]
		end
		c[i][j] = sum
	end
end
local total = 0
for i = 0, N - 1 do
	for j = 0, N - 1 do
		total = total + c[i][j]
	end
end
print(total)
