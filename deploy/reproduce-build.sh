#!/usr/bin/env bash
# Reproduces the Dockerfile's stages without a container engine, and checks
# what the image promises: the build command is the Dockerfile's own, the
# binary is static, the final stage has no toolchain and runs as a non-root
# user, and the server started that way answers its health check and runs
# a C program. CI runs it where no container builder is available.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "reproduce-build: $*" >&2; exit 1; }

# The final stage: distroless static, a numeric non-root USER, a
# HEALTHCHECK through the binary, no second FROM after it.
final=$(awk '/^FROM /{n++} n>=2' Dockerfile)
grep -q '^FROM gcr.io/distroless/static' <<<"$final" || fail "the final stage is not distroless static"
grep -qE '^USER [1-9][0-9]*:[1-9][0-9]*$' <<<"$final" || fail "the final stage does not run as a numeric non-root user"
grep -q '^HEALTHCHECK .*"/osplay", "healthcheck"' <<<"$final" || fail "no HEALTHCHECK through /osplay healthcheck"
grep -qE '^(RUN|COPY) .*(golang|/usr/local/go)' <<<"$final" && fail "the final stage copies the Go toolchain"
[ "$(grep -c '^FROM ' Dockerfile)" = 2 ] || fail "expected exactly two stages"

# The build stage's command, run as the Dockerfile runs it.
cmd=$(grep -A1 '^# BUILD:' Dockerfile | sed -n 's/^RUN //p')
[ -n "$cmd" ] || fail "no RUN line after '# BUILD:' in the Dockerfile"
out=$(mktemp -d)
chmod 755 "$out"
trap 'rm -rf "$out"' EXIT
echo "build: $cmd"
env -u GOFLAGS bash -c "${cmd//\/out/$out}"
bin=$out/osplay
[ -x "$bin" ] || fail "the build made no $bin"
if readelf -l "$bin" | grep -q INTERP; then fail "the binary is not static (it names an interpreter)"; fi
if readelf -d "$bin" 2>/dev/null | grep -q NEEDED; then fail "the binary needs shared libraries"; fi
echo "static binary: $(du -h "$bin" | cut -f1)"

# The final stage's user and environment: uid 65532, data in /data.
uid=65532
mkdir -p "$out/data"
chown "$uid:$uid" "$out/data" 2>/dev/null || true
port=
for p in $(seq 18080 18180); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then port=$p; break; fi
done
[ -n "$port" ] || fail "no free port"
as_user=()
if [ "$(id -u)" -eq 0 ]; then as_user=(setpriv --reuid="$uid" --regid="$uid" --clear-groups); fi
(cd "$out" && exec env -i PORT="$port" OSPLAY_DATA="$out/data" "${as_user[@]}" "$bin" serve >"$out/server.log" 2>&1) &
server=$!
ready=
for _ in $(seq 1 100); do
  if "$bin" healthcheck --url "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then ready=1; break; fi
  kill -0 "$server" 2>/dev/null || { cat "$out/server.log" >&2; fail "the server exited"; }
  sleep 0.1
done
[ -n "$ready" ] || { cat "$out/server.log" >&2; fail "no healthy answer within 10 s"; }
if [ "$(id -u)" -eq 0 ]; then
  # The subshell execs env, setpriv and the server in turn: one pid.
  owner=$(ps -o uid= -p "$server" | tr -d ' ')
  [ "$owner" = "$uid" ] || fail "the server runs as uid '$owner', not $uid"
fi
answer=$(curl -fsS -H 'Content-Type: application/json' -d '{"files":[{"name":"hi.c","text":"#include <stdio.h>\nint main(void){ printf(\"hi\\n\"); return 3; }\n"}]}' "http://127.0.0.1:$port/api/run")
grep -q '"stdout":"hi\\n"' <<<"$answer" || fail "POST /api/run answered: $answer"
kill -TERM "$server"
wait "$server" || fail "the server did not stop cleanly on SIGTERM"
echo "reproduce-build: ok (static binary, non-root, healthy, runs C, stops on SIGTERM)"
