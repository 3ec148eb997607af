#!/usr/bin/env bash
# The benchmark of issue 6: builds the jar, starts it with a fresh database and -Xmx256m, drives
# it with wrk over loopback, prints the figures and writes them to target/bench/results.txt.
#   src/bench/run.sh [seconds-per-phase]      (default 15; needs wrk: apt-get install wrk)
#   src/bench/run.sh 15 sign-ons              phases 2 and 2b alone, after the warm-up (about 3 minutes)
#   src/bench/run.sh 10 compare OTHER.jar [4] this build (A) and another (B), sign-on rounds A B, B A, ... (4 pairs)
#   src/bench/run.sh 15 databases             phases 2, 5a, 2c and 3a on SQLite, on PostgreSQL with one instance and with
#                                             two on one database, side by side (needs Debian's postgresql; about 15 minutes)
#   src/bench/run.sh 15 databases postgresql  only the setups named (of sqlite,postgresql,two), for a quicker look at one
# BENCH_JAR=other.jar runs that build of the server instead of building one (to alternate two builds);
# BENCH_SERVER_OPTS adds flags to the server's JVM (a profiler agent, say); BENCH_WARM_UP=5 shortens the warm-up (smoke runs).
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
SECONDS_PER_PHASE="${1:-15}"
MODE="${2:-all}"
JAR="${BENCH_JAR:-$PWD/target/undersigned.jar}"
# the build compiles the benchmark with the tests (src/bench/java, into target/test-classes)
if [ -n "${BENCH_JAR:-}" ]; then mvn -B -q -DskipTests test-compile; else mvn -B -q -DskipTests package; fi
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
rm -rf target/bench && mkdir -p target/bench
# the jar first, so that its own resources (the logger's settings among them) win over the tests'
CP="$JAR:$(cat target/bench.classpath):$PWD/target/test-classes"
java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" org.undersigned.bench.Bench target/bench "$JAR" "$SECONDS_PER_PHASE" "$MODE" "${@:3}"
