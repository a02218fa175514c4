#!/usr/bin/env bash
# Runs five CPU-bound programs, written alike in C (on osplay), Lua 5.4 and
# Python 3, side by side: each round runs every program in every language,
# the languages in a rotating order, so that a change in the machine's load
# falls on all three alike. Times are wall clock, start-up included, as a
# user pays them (`osplay run` compiles the C program and its library).
# It prints each median and the ratios osplay/Lua and osplay/CPython, with
# their geometric means.
#
#	bench/compare/run.sh [ROUNDS]     (default 5)
#
# Needs Go (osplay is built from this tree), `lua5.4` (Debian/Ubuntu:
# apt-get install lua5.4) and `python3`. LUA and PYTHON name other
# interpreters; OSPLAY a prebuilt osplay binary.
set -euo pipefail

rounds=${1:-5}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
lua=${LUA:-lua5.4}
python=${PYTHON:-python3}
programs=(fib sieve matmul chars qsort)

for tool in "$lua" "$python"; do
	if ! command -v "$tool" >/dev/null; then
		echo "run.sh: $tool not found (Lua: apt-get install lua5.4)" >&2
		exit 2
	fi
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
osplay=${OSPLAY:-}
if [ -z "$osplay" ]; then
	osplay=$work/osplay
	(cd "$root" && go build -o "$osplay" .)
fi

# command LANG PROGRAM: the command line that runs PROGRAM in LANG.
command_for() {
	case $1 in
	osplay) echo "$osplay run $here/$2.c" ;;
	lua) echo "$lua $here/$2.lua" ;;
	python) echo "$python $here/$2.py" ;;
	esac
}

now() { date +%s%N; }

langs=(osplay lua python)
for ((r = 0; r < rounds; r++)); do
	for p in "${programs[@]}"; do
		for ((k = 0; k < 3; k++)); do
			lang=${langs[(r + k) % 3]}
			out=$work/$p.$lang.out
			start=$(now)
			# shellcheck disable=SC2046
			$(command_for "$lang" "$p") >"$out"
			end=$(now)
			echo "$p $lang $(((end - start) / 1000))" >>"$work/times"
		done
		if ! cmp -s "$work/$p.osplay.out" "$work/$p.lua.out" || ! cmp -s "$work/$p.osplay.out" "$work/$p.python.out"; then
			echo "run.sh: $p: the three outputs differ" >&2
			exit 1
		fi
	done
	echo "round $((r + 1)) of $rounds done" >&2
done

echo "$(uname -m), $(nproc) CPUs; $("$lua" -v 2>&1 | head -1); $("$python" --version 2>&1); $rounds interleaved rounds, medians, start-up included"
awk -v programs="${programs[*]}" '
	{ t[$1, $2, ++n[$1, $2]] = $3 / 1e6 }
	function median(p, l,    k, m, v, i, j, x) {
		m = n[p, l]
		for (i = 1; i <= m; i++) v[i] = t[p, l, i]
		for (i = 2; i <= m; i++) {
			x = v[i]
			for (j = i - 1; j >= 1 && v[j] > x; j--) v[j + 1] = v[j]
			v[j + 1] = x
		}
		if (m % 2) return v[(m + 1) / 2]
		return (v[m / 2] + v[m / 2 + 1]) / 2
	}
	END {
		np = split(programs, ps, " ")
		printf "%-8s %9s %9s %9s %11s %14s\n", "program", "osplay", "Lua", "CPython", "osplay/Lua", "osplay/CPython"
		gl = 0; gp = 0
		for (i = 1; i <= np; i++) {
			p = ps[i]
			o = median(p, "osplay"); l = median(p, "lua"); y = median(p, "python")
			printf "%-8s %8.3fs %8.3fs %8.3fs %11.2f %14.2f\n", p, o, l, y, o / l, o / y
			gl += log(o / l); gp += log(o / y)
		}
		printf "%-8s %9s %9s %9s %11.2f %14.2f\n", "geomean", "", "", "", exp(gl / np), exp(gp / np)
	}
' "$work/times"
