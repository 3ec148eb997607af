#!/usr/bin/env bash
# Scans the running jar with Debian's wapiti: first the public pages, then the admin area with a
# coordinator's session. Not part of `mvn verify` (it needs the Debian package and takes minutes).
# Usage: src/test/security/scan.sh            reports land in target/scan/
set -euo pipefail
cd "$(dirname "$0")/../../.."
command -v wapiti >/dev/null || { apt-get update -qq && apt-get install -y -qq wapiti; }
[ -f target/undersigned.jar ] || mvn -q -B package -DskipTests

port=${SCAN_PORT:-7191}
base="http://localhost:$port"
out=target/scan
rm -rf "$out" && mkdir -p "$out"
work=$(mktemp -d)
PORT=$port BASE_URL=$base DATABASE_URL="jdbc:sqlite:$work/scan.db" MAIL_DIR="$work/mail" DEMO_DATA=true \
ADMIN_EMAIL=scan@example.org ADMIN_PASSWORD='scanner passphrase 2026' \
RATE_LIMIT_PER_MINUTE=100000 RATE_LIMIT_PER_HOUR=1000000 ALERT_PER_HOUR=1000000 \
  java -jar target/undersigned.jar > "$out/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 60); do curl -fs "$base/healthz" >/dev/null && break; sleep 1; done

# Nothing leaves this machine. The modules are named: wapiti's defaults include ssrf, whose payloads
# point at wapiti's public server, and xxe does the same; wapp fetches its database from the internet.
# The endpoint for out-of-band payloads is the local server, and a module that crashes does not upload
# a report. Wapiti 3.0.4 loads every module, chosen or not, and wapp's loading downloads its database
# unless the configuration folder holds one: an empty one, in a folder of the scan's own.
modules=blindsql,cookieflags,crlf,csp,csrf,exec,file,http_headers,methods,permanentxss,redirect,sql,xss
mkdir -p "$work/wapiti" && echo '{}' > "$work/wapiti/apps.json"
local_only=(-m "$modules" --endpoint "$base/" --no-bugreport --store-config "$work/wapiti")

echo "== public pages"
wapiti -u "$base/" "${local_only[@]}" --scope folder --flush-session --max-scan-time 420 --max-attack-time 60 -t 10 \
  -f txt -o "$out/public.txt" >"$out/public.log" 2>&1 || true

# (wapiti 3.0.4's -x exclusion crashes on Python 3.11; the logout form needs the session's CSRF token,
# which the attack modules replace, so the session survives the scan without it)
echo "== admin area"
token=$(curl -s -c "$work/jar" "$base/admin/login" | sed -n 's/.*name="form_token" value="\([^"]*\)".*/\1/p')
curl -s -b "$work/jar" -c "$work/jar" -o /dev/null --data-urlencode "form_token=$token" \
  --data-urlencode "email=scan@example.org" --data-urlencode "password=scanner passphrase 2026" "$base/admin/login"
session=$(awk '$6 == "undersigned_session" {print $7}' "$work/jar")
wapiti -u "$base/admin/" "${local_only[@]}" --scope folder --flush-session -H "Cookie: undersigned_session=$session" \
  --max-scan-time 420 --max-attack-time 60 -t 10 \
  -f txt -o "$out/admin.txt" >"$out/admin.log" 2>&1 || true

grep -c " 500 " "$out/server.log" >/dev/null 2>&1 || true
echo "== findings (see $out/public.txt and $out/admin.txt)"
grep -hE "^(Vulnerability|Anomal|---|\s*\*|.*found)" "$out"/public.txt "$out"/admin.txt | head -80 || true
echo "== server errors logged during the scan: $(grep -c 'Unexpected error' "$out/server.log" || true)"
