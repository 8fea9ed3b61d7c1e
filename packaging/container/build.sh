#!/usr/bin/env bash
# Builds the image localhost/suasor:<version> (and :latest) from packaging/container/Containerfile
# with podman, over the Debian package (built first by packaging/deb/build.sh if missing).
# BASE_IMAGE chooses the base; without it, a Debian bookworm base is made once with debootstrap
# from Debian's mirror and imported as localhost/suasor-base:bookworm, for machines that reach no
# container registry. Installs podman, buildah and debootstrap from Debian when missing.
# Usage: packaging/container/build.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$PWD/packaging/target

need=()
for tool in podman buildah debootstrap; do
  command -v "$tool" >/dev/null 2>&1 || need+=("$tool")
done
if ((${#need[@]})); then
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  echo "installing ${need[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

deb=$(ls -t "$out"/suasor_*.deb 2>/dev/null | head -n 1 || true)
if [ -z "$deb" ]; then
  packaging/deb/build.sh
  deb=$(ls -t "$out"/suasor_*.deb | head -n 1)
fi
# The package's version with the Maven spelling (0.1.0~SNAPSHOT is 0.1.0-SNAPSHOT).
version=$(dpkg-deb -f "$deb" Version)
version=${version//\~/-}

base=${BASE_IMAGE:-}
if [ -z "$base" ]; then
  base=localhost/suasor-base:bookworm
  if ! podman image exists "$base"; then
    echo "making $base with debootstrap"
    rootfs=$(mktemp -d)
    trap 'rm -rf "$rootfs"' EXIT
    # minbase is what debian:bookworm-slim holds; curl serves the health check.
    debootstrap --variant=minbase --include=curl bookworm "$rootfs" http://deb.debian.org/debian \
      >"$out/debootstrap.log" 2>&1 || { tail -n 20 "$out/debootstrap.log" >&2; exit 1; }
    rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
    tar -C "$rootfs" -c . | podman import --quiet - "$base" >/dev/null
    rm -rf "$rootfs"
  fi
fi

# The build context holds the one package the image installs.
context=$out/container
rm -rf "$context"
mkdir -p "$context"
cp "$deb" "$context/"
# docker format keeps HEALTHCHECK, which the OCI format has no field for. No cache: the package is
# mounted, not copied, so a changed package would not invalidate a cached layer; and no
# intermediate images pile up.
podman build --quiet --layers=false --isolation chroot --format docker --pull=never --build-arg "BASE_IMAGE=$base" \
  -f packaging/container/Containerfile -t "localhost/suasor:$version" -t localhost/suasor:latest \
  "$context" >/dev/null
rm -rf "$context"
echo "built localhost/suasor:$version ($(podman image inspect --format '{{.Size}}' "localhost/suasor:$version" \
  | awk '{ printf "%.0f MB", $1 / 1e6 }')) over $base"
