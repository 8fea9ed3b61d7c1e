# Shared by packaging/deb/test.sh and packaging/container/test.sh (sourced): failing, timing, and
# waiting for a server they started.

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

seconds() { date +%s.%N; }

# The seconds from $1 to $2, with one decimal.
took() { awk -v from="$1" -v to="$2" 'BEGIN { printf "%.1f", to - from }'; }

# Prints where the server started as process $2 serves (http://HOST:PORT), once its output in file
# $1 says so; fails if it ends first or takes over 120 s.
serving_address() {
  local address
  for _ in $(seq 1 240); do
    address=$(sed -n 's|^Suasor is serving on \(http://[^ ]*\) .*|\1|p' "$1")
    if [ -n "$address" ]; then
      echo "$address"
      return
    fi
    kill -0 "$2" 2>/dev/null || fail "the server ended before serving"
    sleep 0.5
  done
  fail "the server did not serve within 120 s"
}

# Fails unless GET $1/health answers with success.
expect_healthy() {
  local health
  health=$(curl -fsS "$1/health") || fail "GET $1/health failed"
  grep -q '"success":true' <<<"$health" || fail "$1/health answered $health"
}
