#!/usr/bin/env bash
# Throughput benchmark: bench/run.sh --events N [--threads T] [--xmx SIZE] [--database h2|postgresql]
# Generates a workload (10,000 customers per million events), runs the real billing job end to end
# in its own JVM, measures the library floors (opencsv, plain JasperReports) and PostgreSQL
# COPY + GROUP BY and DuckDB read_csv + GROUP BY (with and without first-occurrence de-duplication) on the same
# files, prints a table and, as its last line, one JSON object.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp package -DskipTests
./mvnw -q -B -ntp test-compile
./mvnw -q -B -ntp dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
exec java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" dev.tokenbill.bench.Benchmark "$@"
