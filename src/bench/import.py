#!/usr/bin/env python3
"""Times an import of N rows (default 100,000) into a running server, and the public page's answers meanwhile.

    java -Xmx256m -jar target/undersigned.jar   # with ADMIN_EMAIL / ADMIN_PASSWORD set, demo content on
    src/bench/import.py http://localhost:7070 admin@example.org 'passphrase' [rows] [statement-slug]

Prints the upload-and-preview time, the import's time from the confirmation to its report, and the
slowest and median answer of the statement's public page, fetched without pause during the import.
"""
import http.cookiejar, re, statistics, sys, threading, time, urllib.parse, urllib.request

base, email, password = sys.argv[1:4]
rows = int(sys.argv[4]) if len(sys.argv) > 4 else 100_000
slug = sys.argv[5] if len(sys.argv) > 5 else "regularisation-now"
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
opener.addheaders = [("Accept-Language", "en")]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args):
        return None


def fields(html, form_pattern):
    form = re.search(form_pattern + r".*?</form>", html, re.S).group(0)
    return {m.group(1): m.group(2) for m in re.finditer(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form)}


def get(path):
    with opener.open(base + path) as r:
        return r.read().decode()


def post(path, data, content_type="application/x-www-form-urlencoded"):
    request = urllib.request.Request(base + path, data=data, headers={"Content-Type": content_type})
    try:
        with opener.open(request) as r:
            return r.geturl(), r.read().decode()
    except urllib.error.HTTPError as e:
        return e.headers.get("Location"), e.read().decode()


login = fields(get("/admin/login"), r'<form[^>]*action="/admin/login"')
login.update(email=email, password=password)
post("/admin/login", urllib.parse.urlencode(login).encode())
path = "/admin/statements/%s/import" % slug
csrf = fields(get(path), r'<form[^>]*action="%s"' % re.escape(path))["csrf"]

lines = ["Organisation;Country;Type of organisation;Contact person;Email address"]
run = int(time.time())
countries = ["BE", "France", "Espagne", "DE", "Italia", "NL"]
for i in range(rows):
    lines.append("Organisation %d-%d;%s;ngo;Contact %d;contact%d@run%d.import-bench.example" % (run, i, countries[i % 6], i, i, run))
body = ("\r\n".join(lines) + "\r\n").encode()
boundary = "----import-bench"
multipart = (("--%s\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n%s\r\n" % (boundary, csrf)).encode()
             + ("--%s\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bench.csv\"\r\nContent-Type: text/csv\r\n\r\n" % boundary).encode()
             + body + ("\r\n--%s--\r\n" % boundary).encode())
started = time.time()
url, preview = post(path, multipart, "multipart/form-data; boundary=" + boundary)
uploaded = time.time()
action = re.search(r'<form method="post" action="([^"]+)" class="narrow-form import-confirm">', preview).group(1)
confirm = fields(preview, r'<form method="post" action="[^"]+" class="narrow-form import-confirm">')
print("file: %d rows, %.1f MB; upload and preview: %.1f s" % (rows, len(body) / 1e6, uploaded - started))

latencies = []
stop = False


def reader():
    while not stop:
        t = time.time()
        with urllib.request.urlopen(base + "/statements/" + slug) as r:
            r.read()
        latencies.append(time.time() - t)


threading.Thread(target=reader, daemon=True).start()
no_redirect = urllib.request.build_opener(NoRedirect, *[h for h in opener.handlers if isinstance(h, urllib.request.HTTPCookieProcessor)])
request = urllib.request.Request(base + action, data=urllib.parse.urlencode(confirm).encode(),
                                 headers={"Content-Type": "application/x-www-form-urlencoded"})
confirmed = time.time()
try:
    no_redirect.open(request)
except urllib.error.HTTPError as e:
    report = e.headers["Location"]
while True:
    page = get(report)
    if "Importing…" not in page:
        break
    time.sleep(0.5)
finished = time.time()
stop = True
imported = re.search(r"<dt>Imported</dt><dd>(\d+)</dd>", page).group(1)
print("import: %s rows in %.1f s (%.0f rows/s)" % (imported, finished - confirmed, int(imported) / (finished - confirmed)))
latencies.sort()
print("public page meanwhile: %d answers, median %.0f ms, slowest %.0f ms" % (
    len(latencies), 1000 * statistics.median(latencies), 1000 * latencies[-1]))
