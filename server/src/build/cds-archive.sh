#!/bin/sh
# Makes the class-data-sharing archive for the server jar, with the JVM that will run it:
#   cds-archive.sh /path/to/bin/java /path/to/nioredis-server.jar
# A training run (CdsTraining) lists every class a server loads from launch to its first replies; the JVM
# then dumps those classes, JDK and server alike, already parsed and verified, into nioredis-server.jsa
# beside the jar. nioredis-server.jsa.key records which JDK and which jar it was made for: a JVM refuses an
# archive from another build, and on some JDKs refusing it switches class sharing off altogether, so the
# launcher hands the archive only to the JVM that matches the key.
set -eu
java=$1
jar=$(cd "$(dirname "$2")" && pwd -P)/$(basename "$2")
base=${jar%.jar}
jdk=$(cd "$(dirname "$java")/.." && pwd -P)

rm -f "$base.jsa" "$base.jsa.key"
"$java" -Xshare:off -XX:DumpLoadedClassList="$base.classlist" -cp "$jar" io.nioredis.server.CdsTraining
# Dumped under the launcher's collector (serial): on JDK 17 heap objects in the archive serve only G1, so
# they would be dead weight.
"$java" -XX:+UseSerialGC -Xshare:dump -XX:SharedClassListFile="$base.classlist" \
    -XX:SharedArchiveFile="$base.jsa" -Xlog:cds=error -Xlog:cds+dynamic=error -cp "$jar" >/dev/null
echo "$jdk $jar" > "$base.jsa.key"
