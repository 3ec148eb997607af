#!/usr/bin/env bash
# Makes a SQLite database with a million signatures for the scale figures of docs/performance.md:
#   src/bench/million.sh [DIR] [SIGNATURES]     (default target/million, 1000000; needs sqlite3)
# The schema is the app's own: the jar migrates an empty database first, then sqlite3 fills it with
# a recursive CTE (the fastest way in; a few minutes at most). Petitions:
#   million       statement (id 11), 90% of the signatures (organisations, tags, one custom answer each)
#   ten-thousand  statement, 10,000 organisations, for the duplicates page
#   campaign      campaign, the rest (supporters)
# Sign in with ADMIN_EMAIL=admin@example.org ADMIN_PASSWORD='correct horse battery staple'.
# For PostgreSQL: java -jar target/undersigned.jar migrate-to-postgres (see README.md) on the file made here.
set -euo pipefail
cd "$(dirname "$0")/../.."
DIR="${1:-target/million}"
N="${2:-1000000}"
command -v sqlite3 >/dev/null || { echo "sqlite3 is missing: apt-get install -y sqlite3" >&2; exit 2; }
[ -f target/undersigned.jar ] || mvn -B -q -DskipTests package
mkdir -p "$DIR"
DB="$DIR/undersigned.db"
rm -f "$DB" "$DB-wal" "$DB-shm"
PORT="${MILLION_PORT:-7111}"

# the app migrates the empty database and creates the admin; stopped once it answers
PORT="$PORT" DATA_DIR="$DIR" DATABASE_URL="jdbc:sqlite:$DB" ADMIN_EMAIL=admin@example.org \
  ADMIN_PASSWORD='correct horse battery staple' java -Xmx256m -jar target/undersigned.jar >"$DIR/migrate.log" 2>&1 &
APP=$!
for _ in $(seq 120); do
  curl -s -o /dev/null "http://localhost:$PORT/" && break
  kill -0 "$APP" 2>/dev/null || { cat "$DIR/migrate.log" >&2; exit 1; }
  sleep 1
done
kill "$APP"; wait "$APP" || true

BIG=$(( N * 9 / 10 ))
SMALL=10000
CAMPAIGN=$(( N - BIG - SMALL ))
NOW=$(( $(date +%s) * 1000 ))
START=$SECONDS
# Triggers (public_version per insert) and indexes go while the rows pour in and come back after,
# exactly as the migrations wrote them.
sqlite3 "$DB" >"$DIR/restore.sql" <<'SQL'
SELECT sql || ';' FROM sqlite_master WHERE tbl_name IN ('signatures', 'signature_tags', 'signature_answers')
  AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type;
SQL
sqlite3 -bail "$DB" <<SQL
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
PRAGMA cache_size = -200000;
$(sqlite3 "$DB" "SELECT 'DROP ' || type || ' ' || name || ';' FROM sqlite_master WHERE tbl_name IN ('signatures', 'signature_tags', 'signature_answers') AND type IN ('index', 'trigger') AND sql IS NOT NULL")
BEGIN;
INSERT INTO consent_texts (hash, locale, text, created_at) VALUES
  ('0000000000000000000000000000000000000000000000000000000000000000', 'en', 'I agree.', $NOW);
INSERT INTO petitions (id, kind, slug, title, summary, body, status, created_at, updated_at, needs_approval, lang)
VALUES (11, 'statement', 'million', 'A statement with many signatories', '', 'Body.', 'open', $NOW, $NOW, TRUE, 'en'),
       (12, 'statement', 'ten-thousand', 'A statement with 10,000 organisations', '', 'Body.', 'open', $NOW, $NOW, FALSE, 'en'),
       (13, 'campaign', 'campaign', 'A campaign', '', 'Body.', 'open', $NOW, $NOW, FALSE, 'en');
INSERT INTO petition_versions (petition_id, version, title, body, created_at) SELECT id, 1, title, body, $NOW FROM petitions WHERE id > 10;
INSERT INTO tags (petition_id, name_key, name, created_at) VALUES
  (11, 'member', 'Member', $NOW), (11, 'initiator', 'Initiator', $NOW), (11, 'press', 'Press', $NOW);
INSERT INTO petition_questions (id, petition_id, position, type, required, created_at) VALUES (1001, 11, 1, 'text', FALSE, $NOW);
INSERT INTO petition_question_texts (question_id, petition_id, lang, label) VALUES (1001, 11, 'en', 'How many members?');

CREATE TEMP TABLE words (i INTEGER PRIMARY KEY, w TEXT);
INSERT INTO words (w) VALUES ('Action'),('Aid'),('Alliance'),('Amnesty'),('Arts'),('Asylum'),('Bridge'),('Care'),('Centre'),('Children'),
  ('Civic'),('Climate'),('Coalition'),('Collective'),('Community'),('Council'),('Culture'),('Democracy'),('Development'),('Dignity'),
  ('Education'),('Equality'),('Europe'),('Families'),('Forum'),('Freedom'),('Friends'),('Future'),('Green'),('Health'),('Hope'),
  ('Housing'),('Human'),('Initiative'),('Justice'),('Labour'),('Law'),('League'),('Liberty'),('Media'),('Migrants'),('Network'),
  ('Observatory'),('Open'),('Peace'),('People'),('Refugees'),('Rights'),('Rural'),('Solidarity'),('Support'),('Union'),('Voices'),
  ('Watch'),('Welcome'),('Women'),('Workers'),('Youth');
CREATE TEMP TABLE countries (i INTEGER PRIMARY KEY, c TEXT);
INSERT INTO countries (c) VALUES ('FR'),('DE'),('ES'),('IT'),('GB'),('BE'),('NL'),('PT'),('PL'),('GR'),('SE'),('AT'),('IE'),('DK'),
  ('FI'),('CZ'),('HU'),('RO'),('BG'),('HR'),('SI'),('SK'),('LT'),('LV'),('EE'),('CH'),('NO'),('MA'),('TN'),('SN'),('ML'),('NG'),
  ('KE'),('ZA'),('BR'),('AR'),('CO'),('MX'),('US'),('CA'),('IN'),('BD'),('PH'),('TR'),('LB'),('JO'),('UA'),('RS'),('AL'),('MK');
CREATE TEMP TABLE types (i INTEGER PRIMARY KEY, t TEXT);
INSERT INTO types (t) VALUES ('ngo'),('ngo'),('ngo'),('network'),('migrant_led'),('community'),('community'),('trade_union'),
  ('faith_based'),('legal_aid'),('research'),('foundation'),('public_body'),('other');

-- n counts from 1; petition 1 takes the first BIG, petition 2 the next SMALL, the campaign the rest.
-- States: about 84% confirmed and listed, 6% awaiting approval, 1% rejected, 5% pending, 3% withdrawn, 1% suspect.
WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < $N),
r AS (SELECT n, CASE WHEN n <= $BIG THEN 11 WHEN n <= $BIG + $SMALL THEN 12 ELSE 13 END AS p,
             (n * 7919) % 100 AS roll,
             (SELECT w FROM words WHERE i = 1 + (n * 31) % 58) AS w1, (SELECT w FROM words WHERE i = 1 + (n * 17 / 7) % 58) AS w2,
             (SELECT c FROM countries WHERE i = 1 + (n * 13) % 50) AS c,
             (SELECT t FROM types WHERE i = 1 + (n * 11) % 14) AS t
      FROM seq)
INSERT INTO signatures (petition_id, status, email, email_key, organisation, org_type, website, contact_name, first_name, last_name,
                        comment, country, locale, consent_hash, updates, created_at, confirmed_at, withdrawn_at, petition_version,
                        moderation, suspect, text_lang, source, listing)
SELECT p,
       CASE WHEN roll < 5 THEN 'pending' WHEN roll < 8 THEN 'withdrawn' ELSE 'confirmed' END,
       'contact' || n || '@' || lower(w1) || lower(w2) || (n % 997) || '.example.org',
       CASE WHEN roll BETWEEN 5 AND 7 THEN NULL ELSE 'contact' || n || '@' || lower(w1) || lower(w2) || (n % 997) || '.example.org' END,
       CASE WHEN p < 13 THEN w1 || ' ' || w2 || ' ' || c || ' ' || n END,
       CASE WHEN p < 13 THEN t END,
       CASE WHEN p < 13 AND n % 3 = 0 THEN 'https://' || lower(w1) || lower(w2) || (n % 997) || '.example.org' END,
       CASE WHEN p < 13 THEN 'Contact ' || n END,
       CASE WHEN p = 13 THEN w2 END, CASE WHEN p = 13 THEN 'Person' || n END,
       CASE WHEN n % 20 = 0 THEN 'Signed on behalf of the board, number ' || n END,
       c, 'en', '0000000000000000000000000000000000000000000000000000000000000000', n % 2,
       $NOW - ($N - n) * 60000,
       CASE WHEN roll >= 5 THEN $NOW - ($N - n) * 60000 + 30000 END,
       CASE WHEN roll BETWEEN 5 AND 7 THEN $NOW - ($N - n) * 60000 + 90000 END,
       1,
       CASE WHEN p = 11 AND roll BETWEEN 8 AND 13 THEN 'awaiting' WHEN p = 11 AND roll = 14 THEN 'rejected' ELSE 'none' END,
       CASE WHEN roll = 99 THEN 'rate' END,
       'en', 'form', 'name'
FROM r;

INSERT INTO signature_tags (signature_id, petition_id, name_key)
SELECT id, 11, CASE WHEN id % 50 = 0 THEN 'initiator' WHEN id % 7 = 0 THEN 'press' ELSE 'member' END
FROM signatures WHERE petition_id = 11 AND id % 5 = 0;
INSERT INTO signature_answers (signature_id, question_id, answer)
SELECT id, 1001, (id % 500) + 1 FROM signatures WHERE petition_id = 11 AND id % 4 = 0;
COMMIT;
SQL
echo "rows in: $((SECONDS - START)) s; indexes and triggers back"
sqlite3 "$DB" <"$DIR/restore.sql"
sqlite3 "$DB" "PRAGMA journal_mode = WAL; ANALYZE;" >/dev/null
echo "done in $((SECONDS - START)) s: $DB ($(du -h "$DB" | cut -f1))"
sqlite3 "$DB" "SELECT p.slug, s.state, COUNT(*) FROM signatures s JOIN petitions p ON p.id = s.petition_id GROUP BY 1, 2 ORDER BY 1, 2"
