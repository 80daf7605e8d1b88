#!/usr/bin/env bash
# The quick start (`make demo`, after setup and a release build): start ecadd on a private socket and state dir,
# run the quick search on the embedded shapes32 model, watch it, print the published front and registry entries,
# evaluate the front against the heuristics on held-out prompts, print the table and where the report is, and stop
# the daemon cleanly.
# Environment: ECAD_DEMO_DIR (default ./.demo), ECAD_BIN_DIR (default .build/release),
# ECAD_DEMO_WORKER (default $ECAD_BIN_DIR/ecad-worker; tests point it at the fake worker fixture),
# ECAD_DEMO_UI=1 (at the end, keep the daemon up and serve the dashboard with `ecad ui` until Ctrl-C).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
bin="${ECAD_BIN_DIR:-$root/.build/release}"
demo="${ECAD_DEMO_DIR:-$root/.demo}"
worker="${ECAD_DEMO_WORKER:-$bin/ecad-worker}"
socket="$demo/ecadd.sock"
state="$demo/state"
export ECAD_SOCKET="$socket"

for tool in ecadd ecad; do
    [[ -x "$bin/$tool" ]] || { echo "demo: $bin/$tool is missing; run 'make release' first" >&2; exit 2; }
done
[[ -x "$worker" ]] || { echo "demo: worker $worker is missing" >&2; exit 2; }
mkdir -p "$demo"
rm -f "$socket"

"$bin/ecadd" --socket "$socket" --state-dir "$state" --worker "$worker" >"$demo/ecadd.log" 2>&1 &
daemon=$!
stop_daemon() {
    if kill -0 "$daemon" 2>/dev/null; then
        kill -TERM "$daemon"
        wait "$daemon" || true
    fi
}
trap stop_daemon EXIT

# Wait for the socket (no fixed sleep: poll with a deadline of 30 s).
deadline=$((SECONDS + 30))
until "$bin/ecad" queue >/dev/null 2>&1; do
    kill -0 "$daemon" 2>/dev/null || { echo "demo: ecadd exited; see $demo/ecadd.log" >&2; exit 1; }
    (( SECONDS < deadline )) || { echo "demo: ecadd did not answer on $socket within 30 s" >&2; exit 1; }
    sleep 0.2
done
echo "ecadd is up: socket $socket, state $state"

search=$("$bin/ecad" submit "$root/jobs/shapes32-quick.toml")
echo "search job $search submitted; watching it (Ctrl-C leaves it running until the daemon stops)"
"$bin/ecad" watch "$search"

echo
echo "published to the registry:"
"$bin/ecad" registry list --model shapes32

echo
echo "front of job $search:"
"$bin/ecad" front "$search"

# The held-out comparison: the front against the FORA and T-GATE heuristics on benchmark prompts the search
# never saw (jobs/shapes32-evaluate.toml), then the table and where the report is.
echo
evaluation=$("$bin/ecad" submit "$root/jobs/shapes32-evaluate.toml" --set "front=$search")
echo "evaluate job $evaluation submitted: the front against the heuristics on held-out benchmark prompts"
"$bin/ecad" watch "$evaluation"
report="$demo/report-$evaluation"
"$bin/ecad" fetch "$evaluation" -o "$report" >/dev/null
echo
cat "$report/table.txt"
echo
echo "report: $report/report.html (plot: $report/pareto.svg; table: $report/table.csv; images: $report/images/)"

# The dashboard (docs/dashboard.md): `ecad ui` prints a URL with a token while a daemon is up.
echo
if [[ "${ECAD_DEMO_UI:-}" == 1 ]]; then
    echo "dashboard: open the URL below in a browser on this machine (Ctrl-C stops it and the daemon)"
    "$bin/ecad" ui
else
    echo "dashboard: ECAD_DEMO_UI=1 make demo keeps this daemon up at the end and prints the dashboard's URL; or, later:"
    echo "  $bin/ecadd --socket $socket --state-dir $state --worker $worker &"
    echo "  ECAD_SOCKET=$socket $bin/ecad ui     # prints http://127.0.0.1:PORT/ui/?token=...: open it"
fi
