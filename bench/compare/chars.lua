local N = 5000000
local buf = {}
local counts = {}
local seed = 1
for i = 0, N - 1 do
	seed = (seed * 1103515245 + 12345) & 0xffffffff
	buf[i] = 97 + (seed >> 16) % 26
end
for c = 0, 255 do
	counts[c] = 0
end
for i = 0, N - 1 do
	local ch = buf[i]
	counts[ch] = counts[ch] + 1
end
local check = 0
for c = 0, 255 do
	check = check * 31 % 1000000007 + counts[c]
end
print(counts[101] .. " " .. check)
