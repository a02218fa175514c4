local N = 1000000

local function quicksort(a, lo, hi)
	while lo < hi do
		local pivot = a[(lo + hi) // 2]
		local i, j = lo, hi
		while i <= j do
			while a[i] < pivot do
				i = i + 1
			end
			while a[j] > pivot do
				j = j - 1
			end
			if i <= j then
				a[i], a[j] = a[j], a[i]
				i = i + 1
				j = j - 1
			end
		end
		quicksort(a, lo, j)
		lo = i
	end
end

local v = {}
local seed = 1
for i = 0, N - 1 do
	seed = (seed * 1103515245 + 12345) & 0xffffffff
	v[i] = seed >> 1
end
quicksort(v, 0, N - 1)
local check = 0
for i = 0, N - 1 do
	if i > 0 and v[i - 1] > v[i] then
		print("unsorted at " .. i)
		os.exit(1)
	end
	check = (check * 31 + v[i]) % 1000000007
end
print(v[0] .. " " .. v[N - 1] .. " " .. check)
