#!/usr/bin/env bash
# The end-to-end suite (`npm run test:e2e`, part of `npm test` and of CI):
# the packed package installed into a real n8n the way users install community
# nodes, against the Data Center simulator in its own process.
#   1. provision Node 24 + n8n 2.41.1 and n8n 1.123.81 (cached outside the repo)
#   2. pack the package, start the simulator
#   3. for each n8n version: install the tarball into <user folder>/.n8n/nodes,
#      start n8n (node/credential types, load errors, credential test through
#      POST /rest/credentials/test), then run every example of examples/ and the
#      workflows of test/e2e/workflows/ headless (`n8n execute`)
#   4. test/e2e/run-checks.mjs asserts on what was kept: `ok - ...` / `not ok - ...`
#      per check, then `e2e: N passed, M failed`
#
# Environment:
#   E2E_SKIP_N8N1=1   only n8n 2.41.1 (skip the n8n 1.x compatibility run)
#   E2E_PACKAGE=TGZ   test this tarball instead of packing the working tree
#   E2E_KEEP=1        keep the results folder and the n8n user folders
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$repo/scripts/lib/n8n-instance.sh"
source "$repo/scripts/lib/e2e-suite.sh"

t_start=$SECONDS
work=$(mktemp -d "${TMPDIR:-/tmp}/n8n-e2e-run.XXXXXX")
[[ "${E2E_KEEP:-0}" != 1 ]] || export N8NI_KEEP=1
_e2e_cleanup() {
  e2e_sim_stop
  n8ni_cleanup_all
  if [[ "${E2E_KEEP:-0}" == 1 ]]; then _e2e_log "kept $work"; else rm -rf "$work"; fi
}
_N8NI_TRAPPED=1 # our trap replaces n8n-instance.sh's (and calls its cleanup)
trap _e2e_cleanup EXIT
trap 'exit 130' INT TERM

versions=("$N8N2_VERSION")
[[ "${E2E_SKIP_N8N1:-0}" == 1 ]] || versions+=("$N8N1_VERSION")

# Cold-install cost of what this run needs, from the provision stamps (0 when
# it was already there before this run: then it is read after provisioning).
_stamp_seconds() { sed -n 's/^seconds=//p' "$1/.provisioned" 2>/dev/null || echo 0; }

_e2e_log "provisioning (first time: several minutes, progress below)..."
t0=$SECONDS
provision_n8n2
[[ "${E2E_SKIP_N8N1:-0}" == 1 ]] || provision_n8n1
t_provision=$((SECONDS - t0))

t0=$SECONDS
if [[ -n "${E2E_PACKAGE:-}" ]]; then
  tgz=$(realpath "$E2E_PACKAGE")
  _e2e_log "package: $tgz (E2E_PACKAGE)"
else
  tgz=$(bash "$repo/scripts/lib/pack.sh" "$repo" "$work/pack")
fi
t_pack=$((SECONDS - t0))

e2e_sim_start "$repo" "$work/simulator.log"
node "$repo/test/e2e/prepare-workflows.mjs" "$work/prepared" "$E2E_SIM_URL"

declare -A t_version
for v in "${versions[@]}"; do
  t0=$SECONDS
  e2e_collect "$v" "$work/results/$v" "$tgz" "$work/prepared"
  t_version[$v]=$((SECONDS - t0))
done
e2e_sim_stop

rc=0
node "$repo/test/e2e/run-checks.mjs" "$work/results" || rc=$?

# Timings: this run, and an estimate for a cold machine (empty cache) made of
# this run's own steps plus the recorded install times.
t_total=$((SECONDS - t_start))
cold_install=$(($(_stamp_seconds "$NODE24_DIR") + $(_stamp_seconds "$N8N2_DIR")))
[[ "${E2E_SKIP_N8N1:-0}" == 1 ]] || cold_install=$((cold_install + $(_stamp_seconds "$N8N1_DIR")))
{
  echo "[e2e] timings: provisioning ${t_provision}s, pack ${t_pack}s$(for v in "${versions[@]}"; do printf ', n8n %s %ss' "$v" "${t_version[$v]}"; done), total ${t_total}s"
  if ((t_provision > 60)); then
    echo "[e2e] this run installed (cold): total ${t_total}s"
  else
    echo "[e2e] warm run (cached installs): ${t_total}s; cold estimate (+ recorded installs ${cold_install}s): $((t_total - t_provision + cold_install))s"
  fi
} >&2
if ((rc != 0)); then
  _e2e_log "FAILED (rerun with E2E_KEEP=1 to keep $work: run JSON, simulator requests, n8n logs)"
fi
exit "$rc"
