#!/usr/bin/env bash
# Times the coordinators' list, the full CSV and the duplicates page against the jar on the
# database src/bench/million.sh made:
#   src/bench/million-measure.sh [DIR] [REQUESTS]     (default target/million, 200; 0 skips the list)
# Prints p50/p95/max of the list with a mix of searches, filters and pages; the CSV's time, size
# and the heap after; the duplicates page of the 10,000-organisation statement.
set -euo pipefail
cd "$(dirname "$0")/../.."
DIR="${1:-target/million}"
REQUESTS="${2:-200}"
PORT="${MILLION_PORT:-7111}"
BASE="http://localhost:$PORT"
OUT="$DIR/measure"
mkdir -p "$OUT"
DATA_DIR="$DIR" DATABASE_URL="jdbc:sqlite:$DIR/undersigned.db" PORT="$PORT" BASE_URL="$BASE" \
  java -Xmx256m -Xlog:gc:file="$OUT/gc.log" -jar target/undersigned.jar >"$OUT/server.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 120); do curl -s -o /dev/null "$BASE/" && break; sleep 1; done

JAR="$OUT/cookies"
rm -f "$JAR"
TOKEN=$(curl -s -c "$JAR" -b "$JAR" "$BASE/admin/login" | sed -n 's/.*name="form_token" value="\([^"]*\)".*/\1/p' | head -1)
curl -s -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "form_token=$TOKEN" --data-urlencode "email=admin@example.org" \
  --data-urlencode "password=correct horse battery staple" --data-urlencode "next=" "$BASE/admin/login"

LIST="$BASE/admin/statements/million"
QUERIES=("" "?q=solidarity" "?q=contact12345" "?status=awaiting" "?country=FR" "?tag=initiator" "?page=2" "?page=9000"
         "?status=listed&country=DE&page=3" "?q=rights&status=listed" "?q=refugees&country=ES" "?tag=press&page=5"
         "?sort=name" "?sort=country&page=40" "?org_type=trade_union" "?q=nothing-matches-this")
status=$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR" "$LIST")
[ "$status" = 200 ] || { echo "the list answered $status (not logged in?)" >&2; exit 1; }
: >"$OUT/list.times"
[ "$REQUESTS" = 0 ] || for q in "${QUERIES[@]}"; do curl -s -o /dev/null -b "$JAR" "$LIST$q"; done   # warm-up
for i in $(seq "$REQUESTS"); do
  q="${QUERIES[$(( i % ${#QUERIES[@]} ))]}"
  curl -s -o /dev/null -b "$JAR" -w "%{time_total} %{http_code} $q\n" "$LIST$q" >>"$OUT/list.times"
done
if [ "$REQUESTS" != 0 ]; then
echo "list, $REQUESTS requests:"
sort -n "$OUT/list.times" | awk '{ t[NR] = $1 * 1000 } END { printf "  p50 %.0f ms  p95 %.0f ms  max %.0f ms\n", t[int(NR * 0.5)], t[int(NR * 0.95)], t[NR] }'
echo "  per query (ms, median):"
sort -k3 -k1n "$OUT/list.times" | awk '{ q = $3 == "" ? "(none)" : $3; a[q] = a[q] " " $1 * 1000 } END { for (q in a) { n = split(a[q], v, " "); printf "    %-40s %.0f\n", q, v[int((n + 1) / 2)] } }' | sort
grep -v " 200 " "$OUT/list.times" | head -3 || true
fi

echo "CSV of the whole statement:"
curl -s -b "$JAR" -o "$OUT/all.csv" -w "  %{http_code}, %{size_download} bytes in %{time_total} s\n" "$LIST/signatures.csv"
echo "  $(wc -l <"$OUT/all.csv") lines; heap after: $(jcmd $APP GC.heap_info | grep -i 'total' | head -1)"
grep -o 'Pause.*' "$OUT/gc.log" | tail -3 | sed 's/^/  gc: /'

echo "duplicates page, 10,000 organisations (5 requests):"
for _ in 1 2 3 4 5; do curl -s -o /dev/null -b "$JAR" -w "  %{http_code} %{time_total} s\n" "$BASE/admin/statements/ten-thousand/duplicates"; done
