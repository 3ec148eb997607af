#!/usr/bin/env bash
# The benchmark of issue 6: builds the jar, starts it with a fresh database and -Xmx256m, drives
# it with wrk over loopback, prints the figures and writes them to target/bench/results.txt.
#   src/bench/run.sh [seconds-per-phase]      (default 15; needs wrk: apt-get install wrk)
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
SECONDS_PER_PHASE="${1:-15}"
mvn -B -q -DskipTests package
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
rm -rf target/bench && mkdir -p target/bench/classes
CP="$PWD/target/undersigned.jar:$(cat target/bench.classpath)"
javac -d target/bench/classes -cp "$CP" $(find src/bench/java -name '*.java')
java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$PWD/target/bench/classes:$CP" org.undersigned.bench.Bench target/bench target/undersigned.jar "$SECONDS_PER_PHASE"
