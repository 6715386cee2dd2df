#!/bin/sh
# Builds the smallest self-contained nioredis: a jlink runtime holding only the JDK modules the server
# uses, the server jar and launcher, and the best start-up cache the JDK offers, made by the image's own
# JVM: JDK 25's AOT cache on JDK 25 or newer, else the class-data archive.
#   jlink-image.sh /path/to/jdk server/target bin/nioredis-server
# The result is server/target/image; start it with image/bin/nioredis-server.
set -eu
jdk=$1
target=$(cd "$2" && pwd -P)
launcher=$3
here=$(cd "$(dirname "$0")" && pwd -P)
image=$target/image

# jdeps finds the modules (java.base, jdk.management for the open-file limit where /proc is missing, jdk.net for tcp-keepalive's probe
# times); jlink adds what those need.
modules=$("$jdk/bin/jdeps" --print-module-deps --ignore-missing-deps "$target/nioredis-server.jar")
rm -rf "$image"
# Zip compression halves lib/modules; class loading does not pay for it, classes come from the archive.
# JDK 21 renamed compress=2 to zip-6 and warns about the old name.
feature=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$jdk/release")
compress=2
if [ "${feature:-0}" -ge 21 ]; then
    compress=zip-6
fi
"$jdk/bin/jlink" --add-modules "$modules" --output "$image" \
    --strip-debug --no-header-files --no-man-pages --compress=$compress
rm -f "$image/bin/keytool"
cp "$target/nioredis-server.jar" "$image/lib/"
cp "$launcher" "$image/bin/nioredis-server"
chmod +x "$image/bin/nioredis-server"
if [ "${feature:-0}" -ge 25 ]; then
    sh "$here/aot-cache.sh" "$image/bin/java" "$image/lib/nioredis-server.jar"
else
    sh "$here/cds-archive.sh" "$image/bin/java" "$image/lib/nioredis-server.jar"
    rm -f "$image/lib/nioredis-server.classlist"
fi
echo "jlink image: $image ($(du -sk "$image" | cut -f1) KiB, modules $modules)"
