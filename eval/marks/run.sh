#!/bin/sh
# The whole measurement, from a klankbord binary to the score table:
#   eval/marks/run.sh [BINARY] [WORKDIR] [FORMS]
# defaults: /work/main/target/release/klankbord, /tmp/marks-run, 20 forms.
# Copies the binary into WORKDIR and runs its demo there (own database WORKDIR/demo.db, port $PORT,
# default 18431), downloads the forms PDF as the invoerder from the clerk's paper page, stops the
# demo, draws the marks, imports the scans into a copy of the database and scores the result.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
BIN=${1:-/work/main/target/release/klankbord}
W=${2:-/tmp/marks-run}
N=${3:-20}
PORT=${PORT:-18431}
WAVE=${WAVE:-3}
B=http://127.0.0.1:$PORT

mkdir -p "$W"
cp "$BIN" "$W/klankbord"
cd "$W"

# 1. the demo, in its own folder with its own database
KLANKBORD_BIND=127.0.0.1:$PORT KLANKBORD_MAIL=folder:$W/mail ./klankbord demo --db "$W/demo.db" >"$W/demo.log" 2>&1 &
DEMO=$!
trap 'kill $DEMO 2>/dev/null || true' EXIT
i=0
until curl -s -o /dev/null "$B/inloggen"; do
  i=$((i + 1)); [ $i -gt 120 ] && { echo "demo did not start, see $W/demo.log" >&2; exit 1; }
  sleep 1
done

# 2. log in as the invoerder and download the forms PDF (Werkplek → Antwoorden invoeren → ronde →
#    Papieren vragenlijsten inlezen → Formulieren maken om te scannen)
rm -f cookies
curl -s -c cookies -b cookies "$B/inloggen" -o login.html
CSRF=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' login.html | head -1)
curl -s -c cookies -b cookies -o /dev/null "$B/inloggen" \
  --data-urlencode "csrf=$CSRF" --data-urlencode "terug=/werkplek" \
  --data-urlencode "gebruikersnaam=invoerder" --data-urlencode 'wachtwoord=invoerder-Demo!Tulpenveld-2026'
curl -s -f -c cookies -b cookies -o forms.pdf "$B/invoer/rondes/$WAVE/papier/formulieren?van=1&tot=$N&taal=nl"
kill $DEMO; wait $DEMO 2>/dev/null || true
trap - EXIT
pdfinfo forms.pdf | grep Pages

# 3. marks, 4. import, 5. score
python3 "$HERE/make_scans.py" forms.pdf --out "$W/made"
python3 "$HERE/import_scans.py" --klankbord "$W/klankbord" --db "$W/demo.db" --wave "$WAVE" --scans "$W/made/scans" --work "$W/import"
python3 "$HERE/score.py" --truth "$W/made/truth.csv" --layout "$W/made/layout.json" --results "$W/import/results.json" \
  --per-box "$W/import/per-box.csv" | tee "$W/score.md"
