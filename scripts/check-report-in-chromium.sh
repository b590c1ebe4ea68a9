#!/usr/bin/env bash
# Opens a report page in Debian's headless Chromium and checks, as a reader would see it, that every chart image
# loaded and that the page logged nothing to the console (script errors, failed loads).
# The same check runs as ReportInChromiumTest; this is for a real run's report.
#
#   scripts/check-report-in-chromium.sh plots/<run>/index.html [screenshot.png]
#
# With a second argument it also saves a full-width screenshot of the page's top. Exit 0 when all is well,
# 1 with the reason otherwise. Needs chromium (scripts/setup-report.sh installs it).
set -euo pipefail

page="${1:?usage: $0 plots/<run>/index.html [screenshot.png]}"
screenshot="${2:-}"
chromium="${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}"
[ -n "$chromium" ] || { echo "check-report: no chromium (run scripts/setup-report.sh)" >&2; exit 1; }
[ -f "$page" ] || { echo "check-report: no such page: $page" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
url="file://$(realpath "$page")"
flags=(--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update
       --disable-sync --no-first-run
       "--user-data-dir=$work/profile" --enable-logging=stderr --v=0 --virtual-time-budget=10000)

timeout 120 "$chromium" "${flags[@]}" --dump-dom "$url" >"$work/dom.html" 2>"$work/chromium.log" || {
  echo "check-report: chromium failed; its log:" >&2; tail -20 "$work/chromium.log" >&2; exit 1; }

body="$(grep -o '<body[^>]*>' "$work/dom.html" | head -1)"
total="$(sed -n 's/.*data-images-total="\([0-9]*\)".*/\1/p' <<<"$body")"
loaded="$(sed -n 's/.*data-images-loaded="\([0-9]*\)".*/\1/p' <<<"$body")"
broken="$(sed -n 's/.*data-images-broken="\([^"]*\)".*/\1/p' <<<"$body")"
console="$(grep 'CONSOLE' "$work/chromium.log" || true)"

status=0
if [ -z "$total" ]; then
  echo "check-report: the page's load script did not run (no data-images-total on <body>)" >&2; status=1
elif [ "$loaded" != "$total" ]; then
  echo "check-report: $loaded of $total images loaded; broken: $broken" >&2; status=1
fi
if [ -n "$console" ]; then
  echo "check-report: console messages:" >&2; echo "$console" >&2; status=1
fi
if [ -n "$screenshot" ]; then
  timeout 120 "$chromium" "${flags[@]}" --window-size=1280,2000 --screenshot="$(realpath -m "$screenshot")" "$url" \
    >/dev/null 2>&1 || { echo "check-report: screenshot failed" >&2; status=1; }
fi
[ "$status" -ne 0 ] || echo "check-report: OK: $loaded of $total images loaded, no console messages ($page)"
exit "$status"
