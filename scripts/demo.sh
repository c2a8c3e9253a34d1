#!/usr/bin/env bash
# npm run demo: a real n8n 2.41.1 with this package installed the way users
# install community nodes, the Data Center simulator with its sample data, an
# owner, an "Atlassian Data Center API" credential pointing at the simulator,
# and every workflow of examples/ imported and wired to it. Ctrl-C stops it all.
#
# `npm run demo` installs the dependencies first when needed. The first start provisions Node 24 and n8n into
# ~/.cache/n8n-nodes-atlassian-dc-identity (about 5 minutes, once). The n8n user
# folder is kept in <cache>/demo (your own workflows survive a restart); the
# package and the examples are installed and imported again at every start.
#
# Environment: DEMO_N8N_PORT (default 5678, or a free port when taken),
# DEMO_SIM_PORT (default 8090, idem), DEMO_HOME (default <cache>/demo),
# DEMO_EMAIL / DEMO_PASSWORD (the owner login), DEMO_AD_USERS (simulator's
# AD Attributes Sync directory size, default 1200), DEMO_LATENCY_MS (default 0).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"

export N8NI_OWNER_EMAIL="${DEMO_EMAIL:-demo@example.com}"
export N8NI_OWNER_PASSWORD="${DEMO_PASSWORD:-Demo-Passw0rd}"
export N8NI_KEEP=1 # the demo's user folder is kept between starts
source "$here/lib/n8n-instance.sh"
source "$here/lib/demo-provision.sh"

log() { echo "[demo] $*" >&2; }
die() { echo "[demo] ERROR: $*" >&2; exit 1; }
t0=$SECONDS

DEMO_SIM_PID=""
demo_cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [[ -n "$DEMO_SIM_PID" || -n "${N8NI_HOME:-}" ]]; then
    log "stopping n8n and the simulator..."
    n8ni_cleanup_all 2>/dev/null || true
    demo_stop_pgroup "$DEMO_SIM_PID"
    log "stopped."
  fi
  exit "$rc"
}
demo_traps() {
  trap demo_cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
}
demo_traps

[[ -d "$repo/node_modules" ]] || die "node_modules is missing: start the demo with 'npm run demo'"

# 1. Node 24 + n8n 2.41.1, cached outside the repo.
demo_provision_n8n2

# 2. The user folder, with a stable encryption key (the folder keeps its
#    database and credentials between starts) and one demo at a time.
home="${DEMO_HOME:-$N8N_DC_CACHE/demo}"
mkdir -p "$home/.n8n"
exec 8>"$home/.demo.lock"
flock -n 8 || die "another demo is running on $home (stop it first, or set DEMO_HOME)"
[[ -s "$home/.demo-encryption-key" ]] ||
  node -p 'require("crypto").randomBytes(24).toString("hex")' >"$home/.demo-encryption-key"
chmod 600 "$home/.demo-encryption-key"

n8n_port=$(demo_pick_port "${DEMO_N8N_PORT:-5678}")
sim_port=$(demo_pick_port "${DEMO_SIM_PORT:-8090}")

N8NI_LOG_LEVEL=${N8NI_LOG_LEVEL:-info} n8ni_create "$N8N2_VERSION" "$home"
demo_traps # n8ni_create installs its own trap; ours also stops the simulator
# Later lines of instance.env win: the fixed port and the folder's own key.
{
  printf 'N8NI_URL=%q\n' "http://127.0.0.1:$n8n_port"
  printf 'export N8N_PORT=%q\n' "$n8n_port"
  printf 'export N8N_ENCRYPTION_KEY=%q\n' "$(<"$home/.demo-encryption-key")"
} >>"$home/instance.env"
url="http://127.0.0.1:$n8n_port"

# 3. Build, pack, and install the tarball into <user folder>/.n8n/nodes.
mkdir -p "$home/pack"
rm -f "$home/pack/"*.tgz
tgz=$(bash "$here/lib/pack.sh" "$repo" "$home/pack")
n8ni_install_package "$tgz"
pkg_dir="$home/.n8n/nodes/node_modules/$(node -p 'require(process.argv[1]).name' "$repo/package.json")"

# 4. The simulator with its sample data.
log "starting the Data Center simulator (the API the nodes call; the editor comes later) on port $sim_port"
demo_start_simulator "$home/simulator.log" "$sim_port" \
  --ad-users "${DEMO_AD_USERS:-1200}" --latency-ms "${DEMO_LATENCY_MS:-0}"
sim_url=$DEMO_SIM_URL

# 5. The credential (id dc-credential, the one the examples reference) and the
#    examples, each with a stable id so a restart replaces them.
import="$home/import"
rm -rf "$import" && mkdir -p "$import/workflows"
node -e '
  const [file, baseUrl] = process.argv.slice(1);
  require("fs").writeFileSync(file, JSON.stringify([{
    id: "dc-credential", name: "Atlassian Data Center", type: "atlassianDataCenterApi",
    data: { baseUrl, authentication: "basicAuth", username: "admin", password: "admin-password" },
  }], null, 2));' "$import/credentials.json" "$sim_url"
node -e '
  const fs = require("fs"), path = require("path");
  const [src, dst] = process.argv.slice(1);
  for (const f of fs.readdirSync(src).filter((f) => f.endsWith(".json")).sort()) {
    const wf = JSON.parse(fs.readFileSync(path.join(src, f), "utf8"));
    // Stable ids from the file names: "demo-clone-refresh", ...
    wf.id = ("demo-" + path.basename(f, ".json")).slice(0, 36);
    wf.active = false;
    fs.writeFileSync(path.join(dst, f), JSON.stringify(wf, null, 2));
    console.log(`${wf.id}\t${wf.name}`);
  }' "$repo/examples" "$import/workflows" >"$import/workflows.tsv"
n8ni_import_credentials "$import/credentials.json"
n8ni_import_workflows "$import/workflows"

# 6. n8n itself.
: >"$home/n8n.log"
rm -f "$home/cookies.txt"
n8ni_start 180
mapfile -t node_types < <(n8ni_package_types "$pkg_dir" nodes)
n8ni_require_node_types "${node_types[@]}" || die "n8n did not load the package (log: $home/n8n.log)"

cat <<EOF

  ============================================================================
  n8n $N8N2_VERSION with n8n-nodes-atlassian-dc-identity is ready (started in $((SECONDS - t0)) s)

  Editor:      $url   <- open this in a browser
  Login:       $N8NI_OWNER_EMAIL / $N8NI_OWNER_PASSWORD
  Credential:  "Atlassian Data Center" (Atlassian Data Center API, id dc-credential)
               -> the simulator, Basic auth admin / admin-password
  Workflows:   (Overview -> open one -> Execute workflow)
$(while IFS=$'\t' read -r id name; do printf '               %s\n                 %s/workflow/%s\n' "$name" "$url" "$id"; done <"$import/workflows.tsv")

  Try the trigger (examples/sso-watch.json, "Atlassian SSO watch"):
               1. open $url/workflow/demo-sso-watch and publish it (activate it);
                  its first poll records a baseline, and alerts once for the ADFS
                  certificate of the sample data (it expires in 19 days)
               2. change a setting in the simulator, e.g. hide the login form:
                  curl -X PATCH -H 'Content-Type: application/json' \\
                    -d '[{"op":"replace","path":"/authconfig/sso/show-login-form","value":false}]' \\
                    $sim_url/__simulator/state
                  (or run Atlassian DC SSO -> SSO Settings -> Update in a workflow)
               3. within a minute (it polls every minute) one execution appears
                  (Executions tab): its "Send Alert" node holds one alert,
                  "SSO configuration changed (atlassianSsoSettings):
                   - show-login-form changed: true -> false"; later polls stay silent.
               "Fetch Test Event" on a trigger shows a real sample and moves nothing.

  Simulator:   $sim_url  (not the editor: the Jira Data Center stand-in the nodes call,
               with the four apps and sample data)
               users: admin / admin-password (sysadmin), user / user-password
               recorded requests: $sim_url/__simulator/requests
  Logs:        $home/n8n.log, $home/simulator.log
  User folder: $home (kept; delete it to start from scratch)

  Stop:        Ctrl-C (stops n8n and the simulator)
  ============================================================================

EOF

# Run until Ctrl-C, or until n8n or the simulator stops by itself.
n8n_pid=$(<"$home/n8n.pid")
while kill -0 "$n8n_pid" 2>/dev/null && kill -0 "$DEMO_SIM_PID" 2>/dev/null; do
  sleep 1
done
kill -0 "$n8n_pid" 2>/dev/null || log "n8n stopped by itself (log: $home/n8n.log)"
kill -0 "$DEMO_SIM_PID" 2>/dev/null || log "the simulator stopped by itself (log: $home/simulator.log)"
exit 1
