#!/bin/sh
# Makes JDK 25's ahead-of-time cache for the server jar, with the JVM that will run it (JDK 25 or newer):
#   aot-cache.sh /path/to/bin/java /path/to/nioredis-server.jar
# The same training run as the class-data archive's (CdsTraining: start-up, then the common commands over a
# real socket) is recorded with -XX:AOTCacheOutput, and the JVM writes nioredis-server.aot beside the jar:
# the classes it loaded, already parsed, verified and linked (lambdas included), with their method profiles.
# nioredis-server.aot.key records the JDK and jar it was made for; the launcher hands the cache only to the
# JVM that matches, as a JVM refuses a cache from another build.
set -eu
java=$1
jar=$(cd "$(dirname "$2")" && pwd -P)/$(basename "$2")
base=${jar%.jar}
jdk=$(cd "$(dirname "$java")/.." && pwd -P)

rm -f "$base.aot" "$base.aot.key"
# Trained under the launcher's collector (serial). The JVM forks a second one to assemble the cache; their
# progress notes are shown only if making the cache fails.
log=$base.aot.log
if ! "$java" -XX:+UseSerialGC -XX:AOTCacheOutput="$base.aot" -cp "$jar" io.nioredis.server.CdsTraining \
        >"$log" 2>&1; then
    cat "$log" >&2
    exit 1
fi
rm -f "$log"
echo "$jdk $jar" > "$base.aot.key"
