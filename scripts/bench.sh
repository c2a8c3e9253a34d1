#!/usr/bin/env bash
# npm run bench: the package in a real n8n 2.41.1 against the simulator with
# 20 ms per request, every case next to n8n's own HTTP Request node and a raw
# lower bound, measured in the same run; prints a table and writes
# bench/n8n/results.md.
#
#   1. all users of a 50,000-user AD Attributes Sync directory:
#      adAttributesSync user.getAll (Return All) vs HTTP Request v4.2 with its
#      pagination (page/size, page size 1000 as the package, complete when
#      page.current >= page.totalPages, + Split Out for one item per user) vs
#      plain fetch, page size 1000, 8 at a time (the package's concurrency);
#   2. 1,000 resolution syncUser items (connector 1, user0001..user1000):
#      the package (8 in flight) vs HTTP Request with batching 8 items / 20 ms
#      and without batching vs plain fetch, 8 at a time;
#   3. cold load: n8n's start-up time to readiness with and without the package
#      installed, the package's own require time, and the tarball's size.
# Before those, the benchmarks in n8n's engine (bench/*.bench.ts, printed as they
# run): the 50,000-user list vs a sequential loop and raw fetch; the package's
# overhead per request and per item vs plain fetch (getAll with pages capped at
# 100, 1,000 syncUser items from an expression), beside n8n's request helper
# alone in the same engine (the convention's cost); 2,000 syncUser items against a
# rate-limited server (paced vs Retry-After only); scale (100,000 users, 10,000
# items with Combine Items: time and peak memory).
# BENCH_ENGINE=0 skips the engine part, BENCH_N8N=0 the real-n8n part.
#
# Workflows run in a started n8n through its REST API (as the editor's
# "Execute workflow" does) and are timed by the execution's own
# startedAt/stoppedAt, so neither n8n's start nor our polling counts.
# Environment: BENCH_RUNS (default 5), BENCH_COLD_RUNS (default 5),
# BENCH_AD_USERS (default 50000), BENCH_LATENCY_MS (default 20),
# BENCH_RESULTS (default bench/n8n/results.md; "-" to skip writing).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
export N8NI_LOG_LEVEL=${N8NI_LOG_LEVEL:-warn}
source "$here/lib/n8n-instance.sh"
source "$here/lib/demo-provision.sh"

runs=${BENCH_RUNS:-5} cold_runs=${BENCH_COLD_RUNS:-5}
export BENCH_AD_USERS=${BENCH_AD_USERS:-50000}
latency=${BENCH_LATENCY_MS:-20}
results_md=${BENCH_RESULTS:-$repo/bench/n8n/results.md}
log() { echo "[bench] $*" >&2; }
die() { echo "[bench] ERROR: $*" >&2; exit 1; }
t0=$SECONDS

[[ -d "$repo/node_modules" ]] || die "node_modules is missing: start it with 'npm run bench' (it installs the dependencies)"
if [[ ${BENCH_ENGINE:-1} != 0 ]]; then
  # n8n-core writes an encryption key into N8N_USER_FOLDER (by default ~/.n8n): keep it in a temporary folder.
  engine_home=$(mktemp -d "${TMPDIR:-/tmp}/n8n-bench-engine.XXXXXX")
  for bench in adUsers overhead rateLimit scale; do
    log "engine: bench/$bench.bench.ts"
    (cd "$repo" && N8N_USER_FOLDER="$engine_home" BENCH_RUNS=${BENCH_ENGINE_RUNS:-3} "$repo/node_modules/.bin/tsx" "bench/$bench.bench.ts")
  done
  rm -rf "$engine_home"
fi
[[ ${BENCH_N8N:-1} != 0 ]] || exit 0
work=$(mktemp -d "${TMPDIR:-/tmp}/n8n-bench.XXXXXX")
DEMO_SIM_PID=""
bench_cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  n8ni_cleanup_all 2>/dev/null || true
  demo_stop_pgroup "$DEMO_SIM_PID"
  rm -rf "$work"
  exit "$rc"
}
bench_traps() { trap bench_cleanup EXIT; trap 'exit 130' INT; trap 'exit 143' TERM; }
bench_traps

demo_provision_n8n2
node24="$NODE24_BIN/node"

# The tarball, as published.
tgz=$(bash "$here/lib/pack.sh" "$repo" "$work/pack")

# The simulator in its own process (its work does not share n8n's main thread).
sim_port=$(n8ni_free_ports 1)
log "simulator: $BENCH_AD_USERS AD users, ${latency} ms per request"
demo_start_simulator "$work/simulator.log" "$sim_port" --ad-users "$BENCH_AD_USERS" --latency-ms "$latency"

# ---- 1 and 2: workflows in a running n8n ----
n8ni_create "$N8N2_VERSION"
bench_traps
n8ni_install_package "$tgz"
node "$repo/bench/n8n/workflows.mjs" "$work/import" "$DEMO_SIM_URL"
n8ni_import_credentials "$work/import/credentials.json"
n8ni_import_workflows "$work/import/workflows"
n8ni_start 180
pkg_name=$(node -p 'require(process.argv[1]).name' "$repo/package.json")
pkg_dir="$N8NI_HOME/.n8n/nodes/node_modules/$pkg_name"
mapfile -t node_types < <(n8ni_package_types "$pkg_dir" nodes)
n8ni_require_node_types "${node_types[@]}"
log "workflow cases: warm-up, then $runs interleaved repetitions (a few minutes)"
"$node24" "$repo/bench/n8n/run.mjs" "$(_n8ni_get N8NI_URL)" "$N8NI_OWNER_EMAIL" "$N8NI_OWNER_PASSWORD" \
  "$DEMO_SIM_URL" "$runs" "$work/workflows.json" "$N8N2_DIR/node_modules/flatted"
n8ni_stop
demo_stop_pgroup "$DEMO_SIM_PID"
DEMO_SIM_PID=""

# ---- 3: cold load ----
# bench_ready_ms: start the current instance's `n8n start`, print the ms until
# /healthz/readiness and /rest/settings answer 200 (polled every 50 ms), stop it.
bench_ready_ms() {
  local url pid start now
  url=$(_n8ni_get N8NI_URL)
  start=$(date +%s%N)
  n8ni_launch
  pid=$(cat "$N8NI_HOME/n8n.pid")
  until curl -fsS -o /dev/null "$url/healthz/readiness" 2>/dev/null &&
    curl -fsS -o /dev/null "$url/rest/settings" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { tail -20 "$N8NI_HOME/n8n.log" >&2; die "n8n exited during start-up"; }
    (($(date +%s) - start / 1000000000 < 180)) || die "n8n not ready after 180 s"
    sleep 0.05
  done
  now=$(date +%s%N)
  echo $(((now - start) / 1000000))
  n8ni_stop 2>/dev/null
}
# Two fresh instances, identical but for the package.
n8ni_create "$N8N2_VERSION"
with_pkg=$N8NI_HOME
n8ni_install_package "$tgz"
n8ni_create "$N8N2_VERSION"
without_pkg=$N8NI_HOME
bench_traps
log "cold load: one start of each to create the databases, then $cold_runs interleaved starts of each"
for home in "$with_pkg" "$without_pkg"; do
  N8NI_HOME=$home
  bench_ready_ms >/dev/null
done
N8NI_HOME=$with_pkg
n8ni_package_load_errors || die "n8n reported package load errors (log: $N8NI_HOME/n8n.log)"
cold_with=() cold_without=()
for ((i = 1; i <= cold_runs; i++)); do
  if ((i % 2)); then order=(with without); else order=(without with); fi
  for which in "${order[@]}"; do
    if [[ $which == with ]]; then
      N8NI_HOME=$with_pkg; ms=$(bench_ready_ms); cold_with+=("$ms")
    else
      N8NI_HOME=$without_pkg; ms=$(bench_ready_ms); cold_without+=("$ms")
    fi
  done
  log "start $i/$cold_runs: with the package ${cold_with[-1]} ms, without ${cold_without[-1]} ms"
done

# The package's own load: require every node and credential file listed in its
# package.json, with n8n's modules on the path (as n8n does), in a fresh Node 24.
require_ms=()
for ((i = 1; i <= cold_runs; i++)); do
  # Run from the user folder, so that `n8n-workflow` resolves to n8n's copy both here and in the
  # package (from the repo it would be the repo's copy, and n8n's would count as the package's load).
  require_ms+=("$(cd "$with_pkg" && NODE_PATH="$N8N2_DIR/node_modules:$N8N2_DIR/node_modules/n8n/node_modules" "$node24" -e '
    const path = require("path"), dir = process.argv[1], pkg = require(path.join(dir, "package.json"));
    require("n8n-workflow"); // n8n loads it before any package: not counted
    const t0 = process.hrtime.bigint();
    for (const f of [...pkg.n8n.credentials, ...pkg.n8n.nodes]) {
      for (const C of Object.values(require(path.join(dir, f)))) if (typeof C === "function") new C();
    }
    console.log((Number(process.hrtime.bigint() - t0) / 1e6).toFixed(1));' "$with_pkg/.n8n/nodes/node_modules/$pkg_name")")
done

tgz_bytes=$(stat -c %s "$tgz")
unpacked=$(tar -tzvf "$tgz" | awk '{s += $3; n++} END {print s, n}')
cat >"$work/cold.json" <<JSON
{
  "with": [$(IFS=,; echo "${cold_with[*]}")],
  "without": [$(IFS=,; echo "${cold_without[*]}")],
  "requireMs": [$(IFS=,; echo "${require_ms[*]}")],
  "tarball": { "file": "$(basename "$tgz")", "bytes": $tgz_bytes, "unpackedBytes": ${unpacked% *}, "files": ${unpacked#* } }
}
JSON

# ---- report ----
node24_version=$("$node24" --version)
node "$repo/bench/n8n/report.mjs" "$work/workflows.json" "$work/cold.json" "$results_md" \
  "n8n $N8N2_VERSION on Node $node24_version" "$latency" "$((SECONDS - t0))"
