#!/usr/bin/env bash
# Checks `npm run demo` the way a user meets it:
#   bash scripts/lib/demo-check.sh
# starts scripts/demo.sh in the background (its own process group, like a
# terminal's foreground job), waits for its banner, logs in through n8n's REST
# API with the printed login, checks the credential and every example workflow
# are there, runs the clone-refresh example as the editor's "Execute workflow"
# does and checks its result and the requests the simulator received, then
# sends SIGINT to the group (Ctrl-C) and checks that nothing it started is left.
# Uses DEMO_HOME=<temp dir> unless DEMO_HOME is set (the cached n8n is reused).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
check_dir=$(mktemp -d "${TMPDIR:-/tmp}/demo-check.XXXXXX")
export DEMO_HOME=${DEMO_HOME:-$check_dir/home}
export DEMO_EMAIL=demo@example.com DEMO_PASSWORD=Demo-Passw0rd
log() { echo "[demo-check] $*" >&2; }
fail() { echo "[demo-check] FAIL: $*" >&2; exit 1; }

set -m # job control: the demo gets its own process group, and SIGINT is not ignored
bash "$repo/scripts/demo.sh" >"$check_dir/demo.log" 2>&1 &
demo=$!
set +m
cleanup() {
  kill -TERM -- "-$demo" 2>/dev/null || true
  [[ "$DEMO_HOME" == "$check_dir/home" ]] && sleep 2
  rm -rf "$check_dir"
}
trap cleanup EXIT

for ((i = 0; i < 900; i++)); do
  grep -q 'Stop:  ' "$check_dir/demo.log" && break
  kill -0 "$demo" 2>/dev/null || { cat "$check_dir/demo.log" >&2; fail "the demo exited before it was ready"; }
  sleep 1
done
grep -q 'Stop:  ' "$check_dir/demo.log" || fail "no banner after 900 s"
url=$(sed -n 's/^  Editor: *\(http[^ ]*\).*/\1/p' "$check_dir/demo.log")
sim=$(sed -n 's/^  Simulator: *\(http[^ ]*\).*/\1/p' "$check_dir/demo.log")
log "demo ready: n8n $url, simulator $sim"

node - "$url" "$sim" "$DEMO_EMAIL" "$DEMO_PASSWORD" "$repo/examples" <<'JS' || fail "REST checks"
const [url, sim, email, password, examples] = process.argv.slice(2);
const fs = require('fs');
let cookie = '';
async function rest(method, path, body) {
  const res = await fetch(url + path, { method, headers: { cookie, 'content-type': 'application/json' }, body: body && JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 200)}`);
  if (res.headers.get('set-cookie')) cookie = res.headers.get('set-cookie').split(';')[0];
  return JSON.parse(text).data;
}
(async () => {
  await rest('POST', '/rest/login', { emailOrLdapLoginId: email, password });
  const creds = await rest('GET', '/rest/credentials');
  const cred = creds.find((c) => c.id === 'dc-credential');
  if (!cred || cred.type !== 'atlassianDataCenterApi') throw new Error('no credential dc-credential of type atlassianDataCenterApi');
  const wanted = fs.readdirSync(examples).filter((f) => f.endsWith('.json')).map((f) => 'demo-' + f.replace(/\.json$/, ''));
  const ids = (await rest('GET', '/rest/workflows')).map((w) => w.id);
  for (const id of wanted) if (!ids.includes(id)) throw new Error(`workflow ${id} not imported (have ${ids.join(', ')})`);
  for (const id of wanted) {
    const wf = await rest('GET', `/rest/workflows/${id}`);
    for (const n of wf.nodes.filter((n) => n.type.startsWith('n8n-nodes-atlassian-dc-identity.'))) {
      if (n.credentials?.atlassianDataCenterApi?.id !== 'dc-credential') throw new Error(`${id}: node ${n.name} not wired to dc-credential`);
    }
  }
  console.error(`[demo-check] credential and ${wanted.length} workflows present, wired to dc-credential`);
  await fetch(`${sim}/__simulator/requests`, { method: 'DELETE' });
  const wf = await rest('GET', '/rest/workflows/demo-clone-refresh');
  const { executionId } = await rest('POST', '/rest/workflows/demo-clone-refresh/run', { workflowData: wf, triggerToStartFrom: { name: wf.nodes[0].name } });
  let ex;
  for (let i = 0; i < 300; i++) {
    await new Promise((r) => setTimeout(r, 200));
    ex = await rest('GET', `/rest/executions/${executionId}`);
    if (ex.stoppedAt && !['new', 'running'].includes(ex.status)) break;
  }
  if (ex.status !== 'success') throw new Error(`clone-refresh: execution ${executionId} ${ex.status}`);
  const reqs = (await (await fetch(`${sim}/__simulator/requests`)).json()).map((r) => `${r.method} ${r.path} ${r.status}`);
  const expected = ['GET /rest/samlsso-admin/1.0/config 200', 'PUT /rest/samlsso-admin/1.0/config 200', 'POST /rest/samlsso-admin/1.0/reset/entityid 204'];
  for (const e of expected) if (!reqs.includes(e)) throw new Error(`simulator did not receive ${e}: ${reqs.join('; ')}`);
  console.error(`[demo-check] clone-refresh ran: ${ex.status}; simulator received ${reqs.join('; ')}`);
})().catch((e) => { console.error('[demo-check]', e.message); process.exit(1); });
JS

# Every process group the demo made: its own, n8n's (n8n.pid leads it), the simulator's.
n8n_pgid=$(<"$DEMO_HOME/n8n.pid")
sim_pgid=$(ps -eo pgid=,args= | awk -v p="--port ${sim##*:}" 'index($0, "test/simulator/main.ts") && index($0, p) {print $1; exit}')
[[ -n "$sim_pgid" ]] || fail "cannot find the simulator's process"
groups_left() { ps -eo pid=,pgid=,args= | awk -v a="$demo" -v b="$n8n_pgid" -v c="$sim_pgid" '$2 == a || $2 == b || $2 == c'; }
log "Ctrl-C (SIGINT to the demo's process group)"
kill -INT -- "-$demo"
for ((i = 0; i < 60; i++)); do
  kill -0 "$demo" 2>/dev/null || break
  sleep 0.5
done
kill -0 "$demo" 2>/dev/null && fail "the demo is still running 30 s after SIGINT"
grep -q 'stopped\.' "$check_dir/demo.log" || fail "the demo did not report stopping"
sleep 1
left=$(groups_left)
[[ -z "$left" ]] || { echo "$left" >&2; fail "processes left after Ctrl-C"; }
curl -fsS -o /dev/null "$url/healthz" 2>/dev/null && fail "n8n still answers at $url"
curl -fsS -o /dev/null "$sim/__simulator/requests" 2>/dev/null && fail "the simulator still answers at $sim"
log "PASS: demo started, examples and credential in place, an example ran, Ctrl-C stopped everything"
