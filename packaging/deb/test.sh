#!/usr/bin/env bash
# Installs the built package on this machine (as root), runs `suasor --version`, starts the server
# from the installed files as suasor.service would, reaches /health and the API, stops it as systemd
# would (SIGTERM, exit 143 within TimeoutStopSec), then removes and purges the package and checks
# what each leaves behind. systemd does not run here, so the unit's User, Group, WorkingDirectory,
# UMask, PrivateTmp, Environment and ExecStart are read from the installed unit and applied with
# unshare and setpriv; the unit itself is checked with `systemd-analyze verify`. Everything is
# undone on failure too.
# Usage: packaging/deb/test.sh [PACKAGE.deb]  (default: the newest packaging/target/suasor_*.deb)
set -euo pipefail
cd "$(dirname "$0")/../.."
source packaging/test-lib.sh

deb=${1:-$(ls -t packaging/target/suasor_*.deb 2>/dev/null | head -n 1)}
[ -n "$deb" ] && [ -f "$deb" ] || fail "no package; build one with packaging/deb/build.sh"
[ "$(id -u)" -eq 0 ] || fail "installing a package needs root; run it with sudo"
if dpkg-query -W -f='${db:Status-Status}' suasor 2>/dev/null | grep -qv '^not-installed$'; then
  fail "suasor is installed on this machine already; this test would replace and purge it"
fi
for left in /etc/suasor /var/lib/suasor /usr/lib/suasor; do
  [ ! -e "$left" ] || fail "$left exists; this test would mix its files with it"
done

user_existed=false
getent passwd suasor >/dev/null && user_existed=true
work=$(mktemp -d)
server=
cleanup() {
  local status=$?
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
    kill -KILL "$server" 2>/dev/null || true
  fi
  dpkg --purge suasor >/dev/null 2>&1 || true
  if ! $user_existed && getent passwd suasor >/dev/null; then
    userdel suasor
    groupdel suasor 2>/dev/null || true
  fi
  if [ "$status" -ne 0 ] && [ -f "$work/server.log" ]; then
    echo "--- the server's output:" >&2
    cat "$work/server.log" >&2
  fi
  rm -rf "$work"
}
trap cleanup EXIT

started=$(seconds)

echo "installing $deb"
dpkg -i "$deb" >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log" >&2; fail "dpkg -i failed"; }
[ "$(stat -c %U:%G "/var/lib/suasor")" = suasor:suasor ] || fail "/var/lib/suasor is not suasor's"
[ "$(stat -c %U:%G:%a /etc/suasor/suasor.properties)" = root:suasor:640 ] \
  || fail "/etc/suasor/suasor.properties is $(stat -c %U:%G:%a /etc/suasor/suasor.properties), not root:suasor:640"
[ -L /etc/systemd/system/multi-user.target.wants/suasor.service ] || fail "the unit is not enabled"
if command -v systemd-analyze >/dev/null 2>&1; then
  systemd-analyze verify /lib/systemd/system/suasor.service || fail "systemd-analyze verify failed"
fi

deb_version=$(dpkg-query -W -f='${Version}' suasor)
printed=$(suasor --version)
[ "$(head -n 1 <<<"$printed")" = "suasor ${deb_version//\~/-}" ] \
  || fail "suasor --version printed '$printed', not 'suasor ${deb_version//\~/-}'"
# Every key the configuration file names, commented or not, is one the server knows and its example
# value is valid (db.url aside: it would switch to PostgreSQL).
sed -e '/^#db\.url=/d' -e 's/^#\([a-zA-Z.]*=\)/\1/' /etc/suasor/suasor.properties >"$work/all-keys.properties"
SUASOR_DATA_DIR="$work/keys-data" suasor migrate --config "$work/all-keys.properties" >"$work/migrate.log" 2>&1 \
  || { cat "$work/migrate.log" >&2; fail "the server refused the configuration file's commented keys"; }
certificates=$(/usr/lib/suasor/runtime/bin/keytool -list -cacerts -storepass changeit \
  | grep -c trustedCertEntry || true)
[ "$certificates" -gt 100 ] || fail "the runtime trusts $certificates certificate authorities"

# The unit's settings, as systemd would apply them (one value per line, no quoting needed here).
unit=/lib/systemd/system/suasor.service
setting() { sed -n "s/^$1=//p" "$unit"; }
read -ra exec_start <<<"$(setting ExecStart)"
read -ra environment <<<"$(setting Environment)"
directory=$(setting WorkingDirectory)
# What systemd sets besides, and the port a `systemctl edit` override would choose: 0 takes a free
# one, since other servers may run on this machine.
environment+=(PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/var/lib/suasor
  USER=suasor LOGNAME=suasor SUASOR_HTTP_PORT=0)
[ "$(setting PrivateTmp)" = yes ] || fail "the test expects the unit's PrivateTmp=yes"
(
  cd "$directory"
  umask "$(setting UMask)"
  # PrivateTmp: a /tmp of its own, so the JVM's files there go with it.
  exec unshare --mount --propagation private sh -c 'mount -t tmpfs -o mode=1777 tmpfs /tmp && exec "$@"' \
    sh setpriv --reuid="$(setting User)" --regid="$(setting Group)" --init-groups --no-new-privs \
    env -i "${environment[@]}" "${exec_start[@]}"
) >"$work/server.log" 2>&1 &
server=$!

address=$(serving_address "$work/server.log" "$server")
expect_healthy "$address"
token=$(sed -n 's/^ *\(suasor_[^ ]*\) *$/\1/p' "$work/server.log" | head -n 1)
[ -n "$token" ] || fail "the first start printed no admin token"
jobs=$(curl -fsS -H "Authorization: Bearer $token" "$address/api/v1/jobs") || fail "GET /api/v1/jobs failed"
grep -q '"system.media.sync"' <<<"$jobs" || fail "GET /api/v1/jobs did not list the system jobs: $jobs"
metrics=$(curl -fsS -H "Authorization: Bearer $token" "$address/metrics") || fail "GET /metrics failed"
grep -q '^process_cpu_usage' <<<"$metrics" \
  || fail "/metrics lacks process_cpu_usage (the runtime's jdk.management)"
for file in suasor.db secret.key; do
  [ "$(stat -c %U "/var/lib/suasor/$file")" = suasor ] || fail "/var/lib/suasor/$file is not suasor's"
done
served=$(seconds)

kill -TERM "$server"
status=0
wait "$server" || status=$?
server=
stopped=$(seconds)
[ "$status" -eq "$(setting SuccessExitStatus)" ] \
  || fail "on SIGTERM the server exited with $status, not SuccessExitStatus $(setting SuccessExitStatus)"
stop_limit=$(setting TimeoutStopSec)
awk -v took="$(took "$served" "$stopped")" -v limit="$stop_limit" 'BEGIN { exit !(took < limit) }' \
  || fail "stopping took longer than TimeoutStopSec=$stop_limit"

dpkg -r suasor >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log" >&2; fail "dpkg -r failed"; }
for gone in /usr/bin/suasor /usr/lib/suasor "$unit"; do
  [ ! -e "$gone" ] || fail "dpkg -r left $gone"
done
for kept in /etc/suasor/suasor.properties /var/lib/suasor/suasor.db; do
  [ -e "$kept" ] || fail "dpkg -r removed $kept, which only a purge removes"
done

dpkg --purge suasor >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log" >&2; fail "dpkg --purge failed"; }
# Image layers in podman's storage (packaging/container) hold a copy of the package's files.
left=$(find /etc /var/lib /usr/bin /usr/lib /usr/share/doc /lib/systemd -path /var/lib/containers -prune \
  -o -name '*suasor*' -print 2>/dev/null || true)
[ -z "$left" ] || fail "the purge left: $left"
! dpkg-statoverride --list /etc/suasor/suasor.properties >/dev/null || fail "a stat override is left"
getent passwd suasor >/dev/null || fail "the purge removed the suasor user, which Debian keeps"

finished=$(seconds)
echo "PASS: installed and served $address in $(took "$started" "$served") s, stopped with $status in" \
  "$(took "$served" "$stopped") s, removed and purged; $(took "$started" "$finished") s in all"
