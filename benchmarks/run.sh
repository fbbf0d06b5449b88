#!/usr/bin/env bash
# The benchmark suite in its reduced configuration (about 27 minutes on 2 cores): builds the JMH
# uber-jar, runs every workload on every engine, prints the table of ratios to xerial sqlite-jdbc
# and writes it to benchmarks/RESULTS.md. Extra arguments go to the runner, e.g.
#   benchmarks/run.sh --scale full                 go-sqlite-bench's full sizes (hours, not minutes)
#   benchmarks/run.sh --include 'Many|Large'       a subset (then pass --results elsewhere)
set -euo pipefail
cd "$(dirname "$0")/.."
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
mvn -q -B -pl benchmarks -am package -DskipTests
exec java -jar benchmarks/target/benchmarks.jar --results benchmarks/RESULTS.md "$@"
