#!/bin/sh
# Start-up time, resident memory and size on disk of nioredis (plain jar, launcher with CDS, jlink image)
# and redis-server, measured in one run; prints a table and writes it under bench/results/.
#   bench/footprint.sh [--port 7379] [--runs 10] [--cpu 0|none] [--only NAME ...] [--java25 JDK_DIR]
# Build first: mvn -q -DskipTests package (and -Pjlink for the image). The JDK 25 row (launcher with the
# AOT cache) needs --java25 or JAVA25_HOME and a build on that JDK (see Footprint's javadoc). The meter runs on CPU 1, the
# servers on CPU 0 (--cpu), so that one does not steal from the other.
# The "floor" rows run io.nioredis.bench.PongFloor (a java.nio server that only answers PING) with the
# launcher's JVM flags, with the JDK's default archive and with an archive (AOT cache on JDK 25) of its own,
# made afresh by each run; the table ends with issue 16's ratios of the launcher against the floor.
set -eu
cd "$(dirname "$0")/.."
jar=bench/target/benchmarks.jar
if [ ! -f "$jar" ]; then
    echo "$jar is missing: run mvn -q -DskipTests package first" >&2
    exit 1
fi
meter=""
if command -v taskset >/dev/null 2>&1 && [ "$(nproc)" -gt 1 ]; then
    meter="taskset -c 1"
fi
exec $meter java -XX:+UseSerialGC -cp "$jar" io.nioredis.bench.Footprint "$@"
