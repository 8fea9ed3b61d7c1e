#!/usr/bin/env bash
# Runs every test, after installing from Debian's packages what the tests drive when it is missing:
# Chromium and its driver (the dashboard's browser tests), supysonic (a real Subsonic server) and
# sox with MP3 support (the tagged music library the Subsonic tests generate).
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromedriver >/dev/null 2>&1 || need+=(chromium chromium-driver)
command -v supysonic-server >/dev/null 2>&1 || need+=(supysonic python3-waitress)
command -v sox >/dev/null 2>&1 || need+=(sox)
dpkg -s libsox-fmt-mp3 >/dev/null 2>&1 || need+=(libsox-fmt-mp3)

if ((${#need[@]})); then
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  echo "installing what the tests need: ${need[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

exec mvn -B -ntp verify "$@"
