#!/usr/bin/env bash
# Runs every test, after installing from Debian's packages what the tests drive when it is missing:
# Chromium and its driver (the dashboard's browser tests), supysonic (a real Subsonic server) and
# sox with MP3 support (the tagged music library the Subsonic tests generate). After `mvn verify`,
# builds the Debian package and the container image from the verified jar and tests them: the
# package is installed on this machine, started and purged (packaging/deb/test.sh), the image
# serves inside buildah (packaging/container/test.sh). Arguments go to mvn, and then the package
# tests are skipped, since they need the whole build.
set -euo pipefail
cd "$(dirname "$0")/.."

sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)

need=()
command -v chromedriver >/dev/null 2>&1 || need+=(chromium chromium-driver)
command -v supysonic-server >/dev/null 2>&1 || need+=(supysonic python3-waitress)
command -v sox >/dev/null 2>&1 || need+=(sox)
dpkg -s libsox-fmt-mp3 >/dev/null 2>&1 || need+=(libsox-fmt-mp3)

if ((${#need[@]})); then
  echo "installing what the tests need: ${need[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

mvn -B -ntp verify "$@"
if (($#)); then
  echo "skipping the package and image tests: they run only without arguments"
  exit 0
fi
packaging/deb/build.sh
"${sudo[@]}" packaging/deb/test.sh
"${sudo[@]}" packaging/container/test.sh
