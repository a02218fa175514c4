#!/usr/bin/env bash
# Runs five CPU-bound programs, written alike in C (on osplay), Lua 5.4 and
# Python 3, side by side: each round runs every program in every language,
# the languages in a rotating order, so that a change in the machine's load
# falls on all of them alike. Times are taken with start-up included, as a
# user pays them (`osplay run` compiles the C program and its library):
# wall clock, and the CPU time of the process (user + system), which a
# loaded machine disturbs less. It prints the medians and the ratios
# osplay/Lua and osplay/CPython, with their geometric means.
#
#	bench/compare/run.sh [ROUNDS]     (default 5)
#
# Needs Go (osplay is built from this tree), `lua5.4` (Debian/Ubuntu:
# apt-get install lua5.4) and `python3`. LUA and PYTHON name other
# interpreters; OSPLAY a prebuilt osplay binary; OSPLAY_BEFORE another
# osplay (an older build) to time in the same rounds, as "before".
set -euo pipefail

rounds=${1:-5}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
lua=${LUA:-lua5.4}
python=${PYTHON:-python3}
before=${OSPLAY_BEFORE:-}
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

# command_for LANG PROGRAM: the command line that runs PROGRAM in LANG.
command_for() {
	case $1 in
	osplay) echo "$osplay run $here/$2.c" ;;
	before) echo "$before run $here/$2.c" ;;
	lua) echo "$lua $here/$2.lua" ;;
	python) echo "$python $here/$2.py" ;;
	esac
}

langs=(osplay lua python)
if [ -n "$before" ]; then
	langs=(osplay before lua python)
fi
n=${#langs[@]}
TIMEFORMAT='%R %U %S'
for ((r = 0; r < rounds; r++)); do
	for p in "${programs[@]}"; do
		for ((k = 0; k < n; k++)); do
			lang=${langs[(r + k) % n]}
			out=$work/$p.$lang.out
			# shellcheck disable=SC2046
			{ time $(command_for "$lang" "$p") >"$out" 2>"$work/stderr"; } 2>"$work/time"
			read -r wall user sys <"$work/time"
			echo "$p $lang $wall $(echo "$user $sys" | awk '{print $1 + $2}')" >>"$work/times"
		done
		for lang in "${langs[@]}"; do
			if ! cmp -s "$work/$p.osplay.out" "$work/$p.$lang.out"; then
				echo "run.sh: $p: $lang's output differs from osplay's" >&2
				exit 1
			fi
		done
	done
	echo "round $((r + 1)) of $rounds done" >&2
done

echo "$(uname -m), $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg); $("$lua" -v 2>&1 | head -1 | cut -d' ' -f1-2); $("$python" --version 2>&1); $rounds interleaved rounds, medians in seconds, start-up included"
for col in 3 4; do
	awk -v programs="${programs[*]}" -v langs="${langs[*]}" -v col="$col" '
		{ t[$1, $2, ++n[$1, $2]] = $col }
		function median(p, l,    m, v, i, j, x) {
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
			nl = split(langs, ls, " ")
			print (col == 3 ? "wall clock" : "CPU time (user + system)")
			printf "%-8s", "program"
			for (k = 1; k <= nl; k++) printf " %8s", ls[k]
			for (k = 1; k <= nl; k++) if (ls[k] != "lua" && ls[k] != "python") printf " %10s %10s", ls[k] "/Lua", ls[k] "/Py"
			printf "\n"
			for (i = 1; i <= np; i++) {
				p = ps[i]
				printf "%-8s", p
				for (k = 1; k <= nl; k++) { m[k] = median(p, ls[k]); printf " %8.3f", m[k]; med[ls[k]] = m[k] }
				for (k = 1; k <= nl; k++) if (ls[k] != "lua" && ls[k] != "python") {
					printf " %10.2f %10.2f", med[ls[k]] / med["lua"], med[ls[k]] / med["python"]
					gl[ls[k]] += log(med[ls[k]] / med["lua"]); gp[ls[k]] += log(med[ls[k]] / med["python"])
				}
				printf "\n"
			}
			printf "%-8s", "geomean"
			for (k = 1; k <= nl; k++) printf " %8s", ""
			for (k = 1; k <= nl; k++) if (ls[k] != "lua" && ls[k] != "python") printf " %10.2f %10.2f", exp(gl[ls[k]] / np), exp(gp[ls[k]] / np)
			printf "\n\n"
		}
	' "$work/times"
done
