#!/usr/bin/env bash
# Builds packaging/target/suasor_<version>_<arch>.deb: the server jar, a Java runtime cut down with
# jlink to the modules the server uses, the `suasor` command, the systemd unit, the default
# configuration and the maintainer scripts, packed with dpkg-deb (no root needed). Also copies the
# jar as packaging/target/suasor-<version>.jar. Builds server/target/suasor.jar first if it is
# missing. JAVA_HOME chooses the JDK whose jlink and modules make the runtime.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
here=$root/packaging/deb
out=$root/packaging/target

# The JDK modules the server needs: java.sql (JDBC, with java.logging, java.xml and
# java.transaction.xa), java.naming (logback, the JDBC drivers), java.management and jdk.management
# (the JVM metrics), java.net.http (the source and provider clients), jdk.crypto.ec (TLS to them),
# java.security.jgss (PostgreSQL's GSS authentication), jdk.unsupported (sun.misc.Unsafe, used by
# libraries), jdk.charsets (tags and NFO files in legacy encodings), jdk.zipfs.
modules=java.base,java.sql,java.naming,java.management,jdk.management,java.net.http,jdk.crypto.ec
modules+=,java.security.jgss,jdk.unsupported,jdk.charsets,jdk.zipfs

if ! command -v dpkg-shlibdeps >/dev/null 2>&1; then
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  echo "installing dpkg-dev (dpkg-shlibdeps finds the runtime's library dependencies)"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends dpkg-dev
fi

jar=$root/server/target/suasor.jar
if [ ! -f "$jar" ]; then
  echo "building $jar"
  mvn -B -ntp -q -DskipTests package
fi

jdk_bin=
[ -z "${JAVA_HOME:-}" ] || jdk_bin=$JAVA_HOME/bin/
work=$out/deb
rm -rf "$work"
mkdir -p "$work/manifest"
# The manifest line is "Implementation-Version: 0.1.0-SNAPSHOT" (CRLF-terminated).
(cd "$work/manifest" && "${jdk_bin}jar" xf "$jar" META-INF/MANIFEST.MF)
version=$(sed -n 's/^Implementation-Version: *//p' "$work/manifest/META-INF/MANIFEST.MF" | tr -d '\r')
if [ -z "$version" ]; then
  echo "error: $jar has no Implementation-Version in its manifest; build it with mvn package" >&2
  exit 1
fi
# A snapshot sorts before its release in Debian's ordering only with ~ (0.1.0~SNAPSHOT < 0.1.0).
deb_version=${version//-/\~}
arch=$(dpkg --print-architecture)
package=$out/suasor_${deb_version}_${arch}.deb

stage=$work/root
mkdir -p "$stage/DEBIAN" "$stage/usr/lib/suasor" "$stage/usr/bin" "$stage/lib/systemd/system" \
  "$stage/etc/suasor" "$stage/usr/share/doc/suasor/docs"

echo "jlink: $modules"
"${jdk_bin}jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 \
  --generate-cds-archive --output "$stage/usr/lib/suasor/runtime"
# Debian's JDK ships its native code with symbols (4 MB of the runtime) and some files read-only.
find "$stage/usr/lib/suasor/runtime" -type f \( -name '*.so' -o -path '*/bin/*' -o -name jspawnhelper \
  -o -name jexec \) -exec strip --strip-unneeded {} +
find "$stage/usr/lib/suasor/runtime" -type f -perm 0444 -exec chmod 0644 {} +
install -m 0644 "$jar" "$stage/usr/lib/suasor/suasor.jar"
install -m 0755 "$here/debian/suasor" "$stage/usr/bin/suasor"
install -m 0644 "$here/debian/suasor.service" "$stage/lib/systemd/system/suasor.service"
install -m 0644 "$here/debian/suasor.properties" "$stage/etc/suasor/suasor.properties"
install -m 0644 README.md "$stage/usr/share/doc/suasor/README.md"
install -m 0644 docs/*.md "$stage/usr/share/doc/suasor/docs/"
install -D -m 0644 packaging/README.md "$stage/usr/share/doc/suasor/packaging/README.md"
{
  echo "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"
  echo "Upstream-Name: suasor"
  echo
  echo "Files: *"
  echo "Copyright: the Suasor authors"
  echo "License: Apache-2.0"
  echo " On Debian systems the full text is in /usr/share/common-licenses/Apache-2.0."
  echo
  echo "Files: usr/lib/suasor/runtime/*"
  echo "Copyright: Oracle and/or its affiliates, and the OpenJDK contributors"
  echo "License: GPL-2 with Classpath exception"
  echo " The OpenJDK runtime; its legal notices are in usr/lib/suasor/runtime/legal."
} >"$stage/usr/share/doc/suasor/copyright"
install -m 0755 "$here/debian/postinst" "$here/debian/prerm" "$here/debian/postrm" "$stage/DEBIAN/"
echo /etc/suasor/suasor.properties >"$stage/DEBIAN/conffiles"

# dpkg-shlibdeps reads the source package's debian/control; a two-line one is enough.
mkdir -p "$work/shlibs/debian"
printf 'Source: suasor\n\nPackage: suasor\nArchitecture: any\n' >"$work/shlibs/debian/control"
depends=$(cd "$work/shlibs" && dpkg-shlibdeps -O -l"$stage/usr/lib/suasor/runtime/lib" \
  -l"$stage/usr/lib/suasor/runtime/lib/server" \
  $(find "$stage/usr/lib/suasor/runtime" -name '*.so') "$stage/usr/lib/suasor/runtime/bin/java" \
  2> >(grep -v "can't extract name and version from library name" >&2) \
  | sed -n 's/^shlibs:Depends=//p')
size=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
sed -e "s/@VERSION@/$deb_version/" -e "s/@ARCH@/$arch/" -e "s/@SIZE@/$size/" \
  -e "s/@DEPENDS@/$depends/" "$here/debian/control" >"$stage/DEBIAN/control"

# gzip -1: on a busy 2-core machine xz took 4 minutes (62 s of CPU) and xz -1 96 s, for a file 7%
# and 4% smaller (the jar is compressed already); gzip -1 takes 4 s. zstd takes 1 s, but Debian's
# archive tools and lintian accept only gzip and xz.
dpkg-deb --root-owner-group -Zgzip -z1 --build "$stage" "$package" >/dev/null
cp "$jar" "$out/suasor-$version.jar"
rm -rf "$work"
echo "built $package ($(du -h "$package" | cut -f1)) and $out/suasor-$version.jar"
