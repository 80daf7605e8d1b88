#!/usr/bin/env bash
# Dashboard page server time with 1,000 jobs and a 72-member front (issue 16; docs/benchmarks.md).
# Builds the tests in release mode (with testing enabled, for the daemon's internal page types), fills an on-disk
# store, and times every /ui route 20 times after 3 warm-up rounds, interleaved; prints median, min and max.
# usage: Benchmarks/ui/pages.sh [debug]
set -euo pipefail
cd "$(dirname "$0")/../.."
config=${1:-release}
flags=(-c "$config")
[ "$config" = release ] && flags+=(-Xswiftc -enable-testing)
ECAD_UI_BENCH=1 flock /tmp/swift-build.lock swift test "${flags[@]}" --filter UIPageBenchmarkTests 2>&1 | grep -E "UI bench|passed|failed|error"
