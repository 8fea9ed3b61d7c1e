#!/usr/bin/env bash
# Builds the image (packaging/container/build.sh) and starts the server inside it until /health
# answers, then runs the image's own HEALTHCHECK command inside it and stops the server with
# SIGTERM, expecting exit 143. `podman run` is refused in this sandbox (crun cannot set
# RLIMIT_NPROC), so the server runs in a working container of the image under `buildah run
# --isolation chroot`, with the image's user, environment and working folder, as compose.yaml runs
# it: user 1000:1000 and a host folder as /config. Chroot isolation shares the host's network, so
# the port is 0 (a free one) instead of 8080. Needs root. Cleans up on failure too.
# Usage: packaging/container/test.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
source packaging/test-lib.sh

[ "$(id -u)" -eq 0 ] || fail "building and running images here needs root; run it with sudo"
started=$(seconds)
packaging/container/build.sh
built=$(seconds)
image=localhost/suasor:latest

work=$(mktemp -d)
container=
server=
cleanup() {
  local status=$?
  if [ -n "$server" ]; then
    # buildah run kills its command when it gets SIGTERM; killed outright, it would leave the JVM.
    kill -TERM "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  [ -z "$container" ] || buildah rm "$container" >/dev/null
  if [ "$status" -ne 0 ] && [ -f "$work/server.log" ]; then
    echo "--- the server's output:" >&2
    cat "$work/server.log" >&2
  fi
  rm -rf "$work"
}
trap cleanup EXIT

inspect() { podman image inspect --format "$1" "$image"; }
read -ra entrypoint <<<"$(inspect '{{range .Config.Entrypoint}}{{.}} {{end}}')"
read -ra command <<<"$(inspect '{{range .Config.Cmd}}{{.}} {{end}}')"
[ "$(inspect '{{index .HealthCheck.Test 0}}')" = CMD-SHELL ] || fail "the image has no HEALTHCHECK"
health_check=$(inspect '{{index .HealthCheck.Test 1}}')

container=$(buildah from --pull-never --quiet "$image")
# buildah run would mount the image's own /config volume over the bind mount below; podman and
# docker run put the bind mount there.
buildah config --volume /config- "$container"
mkdir "$work/config"
chown 1000:1000 "$work/config"
buildah run --isolation chroot --user 1000:1000 -v "$work/config:/config" \
  --env SUASOR_HTTP_PORT=0 "$container" -- "${entrypoint[@]}" "${command[@]}" \
  >"$work/server.log" 2>&1 &
server=$!

address=$(serving_address "$work/server.log" "$server")
[[ $address == http://0.0.0.0:* ]] || fail "the server serves on $address, not on all interfaces"
port=${address##*:}
expect_healthy "http://127.0.0.1:$port"
served=$(seconds)
buildah run --isolation chroot --env "SUASOR_HTTP_PORT=$port" "$container" -- /bin/sh -c "$health_check" \
  >/dev/null || fail "the image's HEALTHCHECK ($health_check) failed"
for file in suasor.db secret.key; do
  [ "$(stat -c %u "$work/config/$file")" = 1000 ] || fail "/config/$file is not user 1000's"
done

# buildah run answers SIGTERM by killing its command, so the signal goes to the JVM itself, as a
# container stop sends it to PID 1.
java=$server
while [ "$(ps -o comm= -p "$java")" != java ]; do
  java=$(ps -o pid= --ppid "$java" | head -n 1 | tr -d ' ')
  [ -n "$java" ] || fail "found no JVM under buildah run"
done
kill -TERM "$java"
status=0
wait "$server" || status=$?
server=
stopped=$(seconds)
[ "$status" -eq 143 ] || fail "on SIGTERM the server exited with $status, not 143"
grep -q "job engine stopped" "$work/server.log" || fail "the server did not stop its engine on SIGTERM"

echo "PASS: image built in $(took "$started" "$built") s, served and healthy in" \
  "$(took "$built" "$served") s, stopped with $status in $(took "$served" "$stopped") s"
