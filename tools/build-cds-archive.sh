#!/bin/sh
# Builds a Class Data Sharing archive for target/tokenbill.jar (Spring Boot's "Class Data Sharing", Java 17):
# extracts the jar to target/cds/ (CDS needs plain jars on the class path, not jars nested in the Boot jar) and
# trains on a draft run of the sample input in a scratch home, so the archive holds the classes a whole billing run
# loads (Spring, Spring Batch, Flyway, H2, opencsv, JasperReports, OpenPDF), not only those of start-up.
# Usage: tools/build-cds-archive.sh [DIR]   (default target/cds; for an installation e.g. /opt/tokenbill/cds)
# JAVA_OPTS, if set, are the JVM options the runs will use (e.g. -Xmx700m): the archive is trained and checked with
# them.
# Then run, with exactly the jar path the archive was trained with (it records it, absolute):
#   java -XX:SharedArchiveFile=DIR/tokenbill.jsa -jar DIR/tokenbill.jar run --period 2026-10
# The archive belongs to this build, this JDK and that path: rebuild it after every package. A stale or moved one
# is not used (the JVM silently runs without it; -Xshare:on makes that an error, -Xlog:cds says why). Nothing else
# needs it; the end-to-end tests build one in target/e2e-cds and run the jar with it.
set -eu
cd "$(dirname "$0")/.."
[ -f target/tokenbill.jar ] || { echo "build first: ./mvnw -B -ntp package -DskipTests" >&2; exit 1; }
dir=${1:-target/cds}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
rm -rf "$dir/lib" "$dir/tokenbill.jar" "$dir/tokenbill.jsa"
java -Djarmode=tools -jar target/tokenbill.jar extract --force --destination "$dir"
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
cp -r input "$home/input"
# the training run is a plain draft in the scratch home, whatever this shell points tokenbill at
unset TOKENBILL_DB TOKENBILL_LOG TOKENBILL_REMOTE TOKENBILL_BROKER_URL TOKENBILL_PUSHGATEWAY_URL TOKENBILL_TEXTFILE_DIR \
    SPRING_PROFILES_ACTIVE SPRING_DATASOURCE_URL SPRING_DATASOURCE_USERNAME SPRING_DATASOURCE_PASSWORD
# shellcheck disable=SC2086 # JAVA_OPTS is a word list
if ! TOKENBILL_HOME="$home" java ${JAVA_OPTS:-} -XX:ArchiveClassesAtExit="$dir/tokenbill.jsa" -jar "$dir/tokenbill.jar" \
        run --period 2026-10 >"$home/training.log" 2>&1; then
    cat "$home/training.log" >&2
    exit 1
fi
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -Xshare:on -XX:SharedArchiveFile="$dir/tokenbill.jsa" -jar "$dir/tokenbill.jar" --version >/dev/null
echo "wrote $dir/tokenbill.jsa ($(du -h "$dir/tokenbill.jsa" | cut -f1)), checked with -Xshare:on; use it with:"
echo "  java -XX:SharedArchiveFile=$dir/tokenbill.jsa -jar $dir/tokenbill.jar ..."
