#!/bin/sh
# Builds a Class Data Sharing archive for target/tokenbill.jar (Spring Boot's "Class Data Sharing", Java 17):
# extracts the jar to target/cds/ (CDS needs plain jars on the class path, not jars nested in the Boot jar) and
# trains on a draft run of the sample input in a scratch home, so the archive holds the classes a whole billing run
# loads (Spring, Spring Batch, Flyway, H2, opencsv, JasperReports, OpenPDF), not only those of start-up.
# Then run:  java -XX:SharedArchiveFile=target/cds/tokenbill.jsa -jar target/cds/tokenbill.jar run --period 2026-10
# The archive belongs to this build and this JDK: rebuild it after every package (a stale one is ignored by the JVM
# with a warning, never used wrongly). Nothing else needs it; the tests do not use it.
set -eu
cd "$(dirname "$0")/.."
[ -f target/tokenbill.jar ] || { echo "build first: ./mvnw -B -ntp package -DskipTests" >&2; exit 1; }
rm -rf target/cds
java -Djarmode=tools -jar target/tokenbill.jar extract --destination target/cds
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
cp -r input "$home/input"
if ! TOKENBILL_HOME="$home" java -XX:ArchiveClassesAtExit=target/cds/tokenbill.jsa -jar target/cds/tokenbill.jar \
        run --period 2026-10 >"$home/training.log" 2>&1; then
    cat "$home/training.log" >&2
    exit 1
fi
echo "wrote target/cds/tokenbill.jsa ($(du -h target/cds/tokenbill.jsa | cut -f1)); use it with:"
echo "  java -XX:SharedArchiveFile=target/cds/tokenbill.jsa -jar target/cds/tokenbill.jar ..."
