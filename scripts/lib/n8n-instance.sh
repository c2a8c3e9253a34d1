#!/usr/bin/env bash
# Throw-away n8n instances with a community package installed the way users
# install it (into <user folder>/.n8n/nodes), for e2e tests, the demo and the
# benchmarks. Source it from a script that uses `set -euo pipefail`:
#
#   source scripts/lib/n8n-instance.sh
#   n8ni_create                        # 2.41.1 on Node 24 (default), or: n8ni_create 1.123.81
#   n8ni_install_package path/to/pkg.tgz
#   n8ni_import_credentials creds.json # JSON array of {id,name,type,data}
#   n8ni_import_workflows wf-dir/      # one workflow JSON per file, each with an "id"
#   n8ni_execute <workflow id> >run.json   # exit 0 iff the run's status is "success"
#   n8ni_start                         # background `n8n start`, waits for readiness
#   n8ni_require_node_types n8n-nodes-atlassian-dc-identity.kantegaSso
#   # n8ni_cleanup_all runs on EXIT (trap): stops what was started, deletes the folder.
#
# Several instances at once: each n8ni_create makes a new one current; the
# current one is $N8NI_HOME (set it back to switch). Everything about an
# instance is in $N8NI_HOME/instance.env; the CLI and server get it in a
# subshell, so the caller's environment is untouched.
# Set N8NI_KEEP=1 to keep the user folders after exit (for debugging).

_N8NI_LIB_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=provision.sh
source "$_N8NI_LIB_DIR/provision.sh"

N8NI_HOMES=()        # every instance made in this shell, for cleanup
N8NI_HOME="${N8NI_HOME:-}"
N8NI_OWNER_EMAIL="${N8NI_OWNER_EMAIL:-owner@example.com}"
N8NI_OWNER_PASSWORD="${N8NI_OWNER_PASSWORD:-E2e-Owner-Passw0rd}"

_n8ni_log() { echo "[n8n] $*" >&2; }
_n8ni_die() { echo "[n8n] ERROR: $*" >&2; return 1; }

# Value of a variable in the current instance's env file.
_n8ni_get() {
  [[ -n "$N8NI_HOME" && -f "$N8NI_HOME/instance.env" ]] || _n8ni_die "no instance: call n8ni_create first" || return 1
  (source "$N8NI_HOME/instance.env" && printf '%s' "${!1}")
}

# n8ni_free_ports N: print N distinct free loopback TCP ports, one a line.
n8ni_free_ports() {
  node -e '
    const net = require("net");
    const n = Number(process.argv[1] || 1), servers = [];
    (async () => {
      for (let i = 0; i < n; i++) {
        const s = net.createServer();
        await new Promise((ok) => s.listen(0, "127.0.0.1", ok));
        servers.push(s);
      }
      for (const s of servers) console.log(s.address().port);
      for (const s of servers) s.close();
    })();' "${1:-1}"
}

# n8ni_bcrypt PASSWORD: bcrypt hash made with the bcryptjs inside n8n.
n8ni_bcrypt() {
  local n8n_dir node
  n8n_dir=$(_n8ni_get N8NI_N8N_DIR) node=$(_n8ni_get N8NI_NODE)
  "$node" -e '
    const b = require(require.resolve("bcryptjs", { paths: [process.argv[1]] }));
    console.log(b.hashSync(process.argv[2], 10));' "$n8n_dir/node_modules/n8n" "$1"
}

# n8ni_create [VERSION] [FOLDER]: provision n8n VERSION (2.41.1 on Node 24, or
# 1.123.81 on the machine's Node 20), make a user folder (a new temp dir by
# default), pick ports, write instance.env, and make it the current instance.
n8ni_create() {
  local version=${1:-${N8NI_N8N_VERSION:-$N8N2_VERSION}} home=${2:-} n8n_dir node path_prefix engine="" disabled=""
  case "$version" in
    2* | "$N8N2_VERSION")
      provision_n8n2
      n8n_dir=$N8N2_DIR node="$NODE24_BIN/node" path_prefix="$NODE24_BIN"
      disabled=mcp-registry # it fetches a server list from n8n's cloud at start
      ;;
    1* | "$N8N1_VERSION")
      provision_n8n1
      n8n_dir=$N8N1_DIR node=$(command -v node) path_prefix=$(dirname "$(command -v node)")
      engine=legacy # 1.x otherwise tries isolated-vm and fails to start
      ;;
    *) _n8ni_die "unknown n8n version '$version' (2.41.1 or 1.123.81)" || return 1 ;;
  esac
  version=$(node -p 'require(process.argv[1]).version' "$n8n_dir/node_modules/n8n/package.json")
  if [[ -z "$home" ]]; then
    home=$(mktemp -d "${TMPDIR:-/tmp}/n8n-e2e.XXXXXX")
  fi
  mkdir -p "$home/.n8n"
  N8NI_HOME=$home
  N8NI_HOMES+=("$home")
  _n8ni_install_trap

  local ports port broker
  ports=$(n8ni_free_ports 2)
  port=$(sed -n 1p <<<"$ports") broker=$(sed -n 2p <<<"$ports")
  # Write the metadata first so n8ni_bcrypt can find node and n8n.
  {
    printf 'N8NI_N8N_VERSION=%q\nN8NI_N8N_DIR=%q\nN8NI_NODE=%q\n' "$version" "$n8n_dir" "$node"
  } >"$home/instance.env"
  local hash key
  hash=$(n8ni_bcrypt "$N8NI_OWNER_PASSWORD")
  key=$(node -p 'require("crypto").randomBytes(24).toString("hex")')
  {
    printf 'N8NI_URL=%q\n' "http://127.0.0.1:$port"
    printf 'export PATH=%q\n' "$path_prefix:$PATH"
    local kv
    for kv in \
      "N8N_USER_FOLDER=$home" \
      "N8N_LISTEN_ADDRESS=127.0.0.1" "N8N_HOST=127.0.0.1" "N8N_PORT=$port" "N8N_PROTOCOL=http" \
      "N8N_RUNNERS_BROKER_LISTEN_ADDRESS=127.0.0.1" "N8N_RUNNERS_BROKER_PORT=$broker" \
      "N8N_DIAGNOSTICS_ENABLED=false" "N8N_VERSION_NOTIFICATIONS_ENABLED=false" \
      "N8N_TEMPLATES_ENABLED=false" "N8N_PERSONALIZATION_ENABLED=false" \
      "N8N_SECURE_COOKIE=false" "N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS=true" \
      "N8N_VERIFIED_PACKAGES_ENABLED=false" "N8N_UNVERIFIED_PACKAGES_ENABLED=true" \
      "N8N_REINSTALL_MISSING_PACKAGES=false" \
      "DB_TYPE=sqlite" "N8N_LOG_LEVEL=${N8NI_LOG_LEVEL:-info}" "N8N_ENCRYPTION_KEY=$key" \
      "N8N_INSTANCE_OWNER_MANAGED_BY_ENV=true" "N8N_INSTANCE_OWNER_EMAIL=$N8NI_OWNER_EMAIL" \
      "N8N_INSTANCE_OWNER_PASSWORD_HASH=$hash" \
      "N8NI_OWNER_PASSWORD=$N8NI_OWNER_PASSWORD" \
      ${engine:+"N8N_EXPRESSION_ENGINE=$engine"} ${disabled:+"N8N_DISABLED_MODULES=$disabled"}; do
      printf 'export %s=%q\n' "${kv%%=*}" "${kv#*=}"
    done
  } >>"$home/instance.env"
  _n8ni_log "instance: n8n $version in $home, http://127.0.0.1:$port (task broker $broker)"
}

# n8ni_install_package TGZ: install a packed community package the way n8n
# installs community packages, into <user folder>/.n8n/nodes.
n8ni_install_package() {
  local tgz nodes
  tgz=$(realpath "$1") nodes="$N8NI_HOME/.n8n/nodes"
  [[ -f "$tgz" ]] || _n8ni_die "no such package tarball: $1" || return 1
  mkdir -p "$nodes"
  [[ -f "$nodes/package.json" ]] || echo '{"name":"installed-nodes","private":true}' >"$nodes/package.json"
  _n8ni_log "installing $(basename "$tgz") into $nodes"
  (cd "$nodes" && npm install --omit=peer --ignore-scripts --no-audit --no-fund \
    --loglevel=error --package-lock=false "$tgz" >&2)
}

# _n8ni_exec ARGS... &: the background job becomes the instance's n8n CLI (its
# environment and folder, a session of its own) under the same pid, so $! is
# n8n's pid and its process group. Only ever call it with `&`: it execs.
_n8ni_exec() {
  source "$N8NI_HOME/instance.env"
  cd "$N8NI_HOME"
  exec setsid "$N8NI_NODE" "$N8NI_N8N_DIR/node_modules/n8n/bin/n8n" "$@"
}

# n8ni_n8n ARGS...: run the n8n CLI of the current instance in the foreground,
# in its own process group; anything it leaves behind (the task runner after a
# crash) is killed when it returns. Returns n8n's exit code.
n8ni_n8n() {
  local rc=0 pid
  _n8ni_exec "$@" &
  pid=$!
  wait "$pid" || rc=$?
  kill -KILL -- "-$pid" 2>/dev/null || true
  return "$rc"
}

# n8ni_import_credentials FILE: FILE is a JSON array of
# {id, name, type, data: {...plain values...}}; n8n encrypts data itself.
n8ni_import_credentials() {
  _n8ni_log "importing credentials from $1"
  n8ni_n8n import:credentials --input="$(realpath "$1")" >>"$N8NI_HOME/cli.log" 2>&1 ||
    { tail -20 "$N8NI_HOME/cli.log" >&2; _n8ni_die "import:credentials failed"; }
}

# n8ni_import_workflows DIR: every *.json in DIR is one workflow (with an "id").
n8ni_import_workflows() {
  _n8ni_log "importing workflows from $1"
  n8ni_n8n import:workflow --separate --input="$(realpath "$1")" >>"$N8NI_HOME/cli.log" 2>&1 ||
    { tail -20 "$N8NI_HOME/cli.log" >&2; _n8ni_die "import:workflow failed"; }
}

# n8ni_parse_run FILE: print the execution JSON in n8n execute's output FILE
# (log lines come first: parse from the first line that starts with "{").
n8ni_parse_run() {
  node -e '
    const text = require("fs").readFileSync(process.argv[1], "utf8");
    const start = text.search(/^\{/m);
    if (start < 0) { console.error("[n8n] no JSON in n8n execute output"); process.exit(1); }
    let body = text.slice(start), run;
    // Log lines may also follow the JSON: cut after each "}" from the end.
    for (let end = body.length; end > 0; end = body.lastIndexOf("}", end - 1)) {
      try { run = JSON.parse(body.slice(0, end + (body[end] === "}" ? 1 : 0))); break; } catch {}
    }
    if (run === undefined) { console.error("[n8n] unparsable JSON in n8n execute output"); process.exit(1); }
    process.stdout.write(JSON.stringify(run, null, 2) + "\n");' "$1"
}

# n8ni_execute ID: run workflow ID headless (`n8n execute --rawOutput`), print
# its execution JSON on stdout; exit 0 iff its "status" is "success" (n8n's
# exit code is not trusted). The raw output stays in $N8NI_HOME/execute-ID.out.
n8ni_execute() {
  local id=$1 out="$N8NI_HOME/execute-$1.out" json="$N8NI_HOME/execute-$1.json" rc=0 status
  _n8ni_log "executing workflow $id"
  n8ni_n8n execute --id="$id" --rawOutput >"$out" 2>"$N8NI_HOME/execute-$id.err" || rc=$?
  if ! n8ni_parse_run "$out" >"$json" 2>/dev/null; then
    # e.g. "Unrecognized node type: ..." after 'Failed to load package "..."'
    grep -h -A1 -E 'Failed to load package|Unrecognized node type|Execution error|does not exist' \
      "$out" "$N8NI_HOME/execute-$id.err" | grep -v '^--$' | sort -u >&2 || tail -n 30 "$out" >&2
    _n8ni_die "workflow $id: no execution JSON (n8n exit code $rc; output: $out)"
    return 1
  fi
  cat "$json"
  status=$(node -p 'require(process.argv[1]).status' "$json")
  if [[ "$status" != success ]]; then
    _n8ni_log "workflow $id: status '$status' (n8n exit code $rc); $(n8ni_run_error "$json")"
    return 1
  fi
  _n8ni_log "workflow $id: status success"
}

# n8ni_run_error JSON_FILE: one-line summary of the run's error, if any.
n8ni_run_error() {
  node -e '
    const r = require(process.argv[1]), e = r.data?.resultData?.error;
    console.log(e ? `${e.node?.name ?? e.node ?? ""}: ${e.message}${e.description ? " — " + e.description : ""}` : "no error");' "$(realpath "$1")"
}

# n8ni_node_output JSON_FILE NODE_NAME [RUN]: the items' json of NODE_NAME's
# first output in run RUN (default 0), as a JSON array.
n8ni_node_output() {
  node -e '
    const r = require(process.argv[1]);
    const runs = r.data?.resultData?.runData?.[process.argv[2]];
    if (!runs) { console.error(`[n8n] node "${process.argv[2]}" did not run`); process.exit(1); }
    const items = runs[Number(process.argv[3] || 0)]?.data?.main?.[0] ?? [];
    console.log(JSON.stringify(items.map((i) => i.json), null, 2));' "$(realpath "$1")" "$2" "${3:-0}"
}

# n8ni_start [TIMEOUT_S]: start `n8n start` in the background (log in
# $N8NI_HOME/n8n.log) and wait until /healthz/readiness and /rest/settings
# answer 200 (webhooks may still register later: poll them).
# n8ni_launch: start `n8n start` of the instance in the background, in its own
# session, logging to $N8NI_HOME/n8n.log; its pid goes to $N8NI_HOME/n8n.pid.
n8ni_launch() {
  _n8ni_exec start >>"$N8NI_HOME/n8n.log" 2>&1 &
  echo "$!" >"$N8NI_HOME/n8n.pid"
}

n8ni_start() {
  local timeout=${1:-90} url pid t0=$SECONDS
  url=$(_n8ni_get N8NI_URL)
  _n8ni_log "starting n8n $(_n8ni_get N8NI_N8N_VERSION) at $url (about 10 s)..."
  n8ni_launch
  pid=$(cat "$N8NI_HOME/n8n.pid")
  # Readiness comes before the REST routes are registered (n8n 1.x answered
  # 404 for seconds after it): wait for both.
  until curl -fsS -o /dev/null "$url/healthz/readiness" 2>/dev/null &&
    curl -fsS -o /dev/null "$url/rest/settings" 2>/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -30 "$N8NI_HOME/n8n.log" >&2
      _n8ni_die "n8n exited before it was ready (log: $N8NI_HOME/n8n.log)"
      return 1
    fi
    if ((SECONDS - t0 > timeout)); then
      tail -30 "$N8NI_HOME/n8n.log" >&2
      _n8ni_die "n8n not ready after ${timeout}s (log: $N8NI_HOME/n8n.log)"
      return 1
    fi
    sleep 0.5
  done
  _n8ni_log "n8n ready in $((SECONDS - t0))s (pid $pid)"
  # Packages are loaded before readiness: remember where the start-up ends.
  wc -l <"$N8NI_HOME/n8n.log" >"$N8NI_HOME/n8n.log.startup-lines"
  # n8n 1.x ignores N8N_INSTANCE_OWNER_*: claim the owner through the API
  # (this also logs in: the cookie jar is filled).
  if [[ "$(_n8ni_get N8NI_N8N_VERSION)" == 1.* && ! -s "$N8NI_HOME/cookies.txt" ]]; then
    local body
    body=$(node -p 'JSON.stringify({email: process.argv[1], firstName: "E2e", lastName: "Owner", password: process.argv[2]})' \
      "$N8NI_OWNER_EMAIL" "$(_n8ni_get N8NI_OWNER_PASSWORD)")
    curl -fsS -c "$N8NI_HOME/cookies.txt" -o /dev/null -H 'content-type: application/json' \
      -d "$body" "$url/rest/owner/setup" || { _n8ni_die "owner setup on n8n 1.x failed"; return 1; }
  fi
}

# n8ni_stop: stop the current instance's server (TERM to its process group,
# KILL after 20 s). No-op when it is not running.
n8ni_stop() {
  local home=${1:-$N8NI_HOME} pid i
  [[ -f "$home/n8n.pid" ]] || return 0
  pid=$(<"$home/n8n.pid")
  rm -f "$home/n8n.pid"
  kill -0 "$pid" 2>/dev/null || return 0
  _n8ni_log "stopping n8n (pid $pid)"
  kill -TERM -- "-$pid" 2>/dev/null || true
  for ((i = 0; i < 40; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  kill -KILL -- "-$pid" 2>/dev/null || true
}

# n8ni_curl PATH [CURL ARGS...]: request the current instance as the owner
# (logs in once; cookie jar in $N8NI_HOME/cookies.txt).
n8ni_curl() {
  local path=$1 url jar="$N8NI_HOME/cookies.txt"
  shift
  url=$(_n8ni_get N8NI_URL)
  if [[ ! -s "$jar" ]]; then
    local body
    body=$(node -p 'JSON.stringify({emailOrLdapLoginId: process.argv[1], email: process.argv[1], password: process.argv[2]})' \
      "$N8NI_OWNER_EMAIL" "$(_n8ni_get N8NI_OWNER_PASSWORD)")
    curl -fsS -c "$jar" -o /dev/null -H 'content-type: application/json' -d "$body" "$url/rest/login" ||
      { rm -f "$jar"; _n8ni_die "login as $N8NI_OWNER_EMAIL failed"; return 1; }
  fi
  curl -fsS -b "$jar" "$@" "$url$path"
}

# n8ni_node_types: names of every node type the running instance knows
# (the editor's /types/nodes.json), one a line.
n8ni_node_types() {
  n8ni_curl /types/nodes.json | node -e '
    let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
      for (const t of JSON.parse(s)) console.log(t.name);
    });' | sort -u
}

# n8ni_credential_types: names of every credential type the running instance knows.
n8ni_credential_types() {
  n8ni_curl /types/credentials.json | node -e '
    let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
      for (const t of JSON.parse(s)) console.log(t.name);
    });' | sort -u
}

# n8ni_package_load_errors: print the lines of the start-up part of n8n's
# server log (up to readiness) that report a community package, node or
# credential that failed to load, with the line after each; exit 0 iff none.
# What the two versions log for a node file with a bad require:
#   2.41.1:   Failed to load package "<pkg>"  + next line: Cannot find module '...'
#   1.123.81: Cannot find module '...'  + Require stack: ... /.n8n/nodes/node_modules/<pkg>/...
# and, from n8n's sources: Skipping package "<pkg>": it requires ... (n8n too
# old), Skipping package directory "...": failed to load package metadata,
# Failed to load Custom API options for the node "...": Unknown credential name.
n8ni_package_load_errors() {
  local log="$N8NI_HOME/n8n.log" lines
  [[ -f "$log" ]] || return 0
  lines=$(cat "$log.startup-lines" 2>/dev/null || wc -l <"$log")
  ! head -n "$lines" "$log" | grep -E -A1 "$N8NI_LOAD_ERROR_PATTERN" >&2
}
N8NI_LOAD_ERROR_PATTERN='Failed to load package|Skipping package|Unrecognized (node|credential) type|Failed to load Custom API options|n8n detected that some packages are missing|Cannot find module|^- .*/\.n8n/nodes/node_modules/'

# n8ni_require_node_types TYPE...: fail (listing them) when the running
# instance is missing any of the node types, e.g.
# n8n-nodes-atlassian-dc-identity.kantegaSso; also fails on load errors in the log.
n8ni_require_node_types() {
  local known missing=() t
  known=$(n8ni_node_types)
  for t in "$@"; do
    grep -qxF "$t" <<<"$known" || missing+=("$t")
  done
  if ((${#missing[@]})); then
    n8ni_package_load_errors || true
    _n8ni_die "n8n does not know node type(s): ${missing[*]} (log: $N8NI_HOME/n8n.log)"
    return 1
  fi
  if ! n8ni_package_load_errors; then
    _n8ni_die "n8n's log reports load errors (above)"
    return 1
  fi
  _n8ni_log "n8n knows: $*"
}

# n8ni_cleanup_all: stop every instance made in this shell and delete its
# folder (unless N8NI_KEEP=1). Runs on EXIT; call it from your own EXIT trap
# if you replace it.
n8ni_cleanup_all() {
  local home
  for home in "${N8NI_HOMES[@]}"; do
    n8ni_stop "$home"
    if [[ "${N8NI_KEEP:-0}" == 1 ]]; then
      _n8ni_log "kept $home"
    else
      rm -rf "$home"
    fi
  done
  N8NI_HOMES=()
}

_n8ni_install_trap() {
  [[ -n "${_N8NI_TRAPPED:-}" ]] && return 0
  _N8NI_TRAPPED=1
  trap 'n8ni_cleanup_all' EXIT
  trap 'exit 130' INT TERM
}

# n8ni_package_types PACKAGE_DIR [nodes|credentials]: the node types
# ("<package>.<name>") or credential types ("<name>") a built package declares,
# read by loading each file listed in its package.json's n8n field with n8n's
# own modules on the path (as n8n loads them). Fails when a file does not load.
n8ni_package_types() {
  local pkg kind=${2:-nodes} n8n_modules node
  pkg=$(realpath "$1") n8n_modules="$(_n8ni_get N8NI_N8N_DIR)/node_modules" node=$(_n8ni_get N8NI_NODE)
  NODE_PATH="$n8n_modules:$n8n_modules/n8n/node_modules" "$node" -e '
    const path = require("path"), [dir, kind] = process.argv.slice(1);
    const pkg = require(path.join(dir, "package.json"));
    let failed = false;
    for (const file of pkg.n8n?.[kind] ?? []) {
      try {
        for (const Cls of Object.values(require(path.join(dir, file)))) {
          if (typeof Cls !== "function") continue;
          const o = new Cls();
          if (kind === "nodes" && o.description?.name) console.log(`${pkg.name}.${o.description.name}`);
          if (kind === "credentials" && o.name) console.log(o.name);
        }
      } catch (e) {
        failed = true;
        console.error(`[n8n] ${file} does not load: ${e.message.split("\n")[0]}`);
      }
    }
    process.exit(failed ? 1 : 0);' "$pkg" "$kind"
}

# n8ni_require_credential_types TYPE...: fail when the running instance is
# missing any of the credential types (e.g. atlassianDataCenterApi).
n8ni_require_credential_types() {
  local known missing=() t
  known=$(n8ni_credential_types)
  for t in "$@"; do
    grep -qxF "$t" <<<"$known" || missing+=("$t")
  done
  if ((${#missing[@]})); then
    _n8ni_die "n8n does not know credential type(s): ${missing[*]} (log: $N8NI_HOME/n8n.log)"
    return 1
  fi
  _n8ni_log "n8n knows credentials: $*"
}
