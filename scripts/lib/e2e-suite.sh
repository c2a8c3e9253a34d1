#!/usr/bin/env bash
# The e2e suite's steps, sourced by scripts/e2e.sh after lib/n8n-instance.sh.
# The bash side only RUNS things and keeps what they produced; the assertions
# are in test/e2e/run-checks.mjs, which reads the folder e2e_collect fills:
#   OUT/version                    n8n version
#   OUT/server-started             present when `n8n start` became ready
#   OUT/node-types.txt, credential-types.txt, load-errors.txt, n8n.log
#   OUT/credtest-ok/, credtest-wrong/   response.json, requests.json, state.json
#   OUT/<scenario>/                run.json (execution JSON), rc, execute.log,
#                                  state-before.json, requests.json, state.json

_e2e_log() { echo "[e2e] $*" >&2; }

# e2e_sim_start REPO_DIR LOG: start the simulator (its own process group) on a
# free loopback port with context path /jira; sets E2E_SIM_URL and E2E_SIM_PID.
e2e_sim_start() {
  local repo=$1 log=$2 port t0=$SECONDS
  port=$(n8ni_free_ports 1)
  E2E_SIM_URL="http://127.0.0.1:$port/jira"
  (cd "$repo" && exec setsid npx --no-install tsx test/simulator/main.ts --port "$port" --context-path /jira --product jira) >"$log" 2>&1 &
  E2E_SIM_PID=$!
  until curl -fsS -o /dev/null "$E2E_SIM_URL/__simulator/state" 2>/dev/null; do
    if ! kill -0 "$E2E_SIM_PID" 2>/dev/null; then
      cat "$log" >&2
      _e2e_log "ERROR: the simulator exited"
      return 1
    fi
    if ((SECONDS - t0 > 60)); then
      cat "$log" >&2
      _e2e_log "ERROR: the simulator does not answer after 60 s"
      return 1
    fi
    sleep 0.2
  done
  _e2e_log "simulator at $E2E_SIM_URL (pid $E2E_SIM_PID, $((SECONDS - t0))s)"
}

e2e_sim_stop() {
  [[ -n "${E2E_SIM_PID:-}" ]] || return 0
  kill -TERM -- "-$E2E_SIM_PID" 2>/dev/null || true
  wait "$E2E_SIM_PID" 2>/dev/null || true
  E2E_SIM_PID=""
}

# e2e_sim METHOD ACTION [JSON BODY]: call a control endpoint, print its answer.
e2e_sim() {
  curl -fsS -X "$1" ${3:+-H 'content-type: application/json' --data-binary "$3"} "$E2E_SIM_URL/__simulator/$2"
}

# e2e_credential_test OUT_DIR PASSWORD: n8n's own credential test (the editor's
# POST /rest/credentials/test) of the stored credential dc-credential, with the
# password given (as the editor sends what the form holds).
e2e_credential_test() {
  local dir=$1 body
  mkdir -p "$dir"
  e2e_sim POST reset
  body=$(node -p 'JSON.stringify({ credentials: { id: "dc-credential", name: "Atlassian Data Center", type: "atlassianDataCenterApi",
      data: { baseUrl: process.argv[1] + "/", authentication: "basicAuth", username: "admin", password: process.argv[2], ignoreSSLIssues: false } } })' \
    "$E2E_SIM_URL" "$2")
  # Log in through n8ni_curl, then post without curl's -f: keep n8n's answer
  # even when it is an HTTP error (e.g. 400 for an unknown credential type).
  n8ni_curl /rest/settings -o /dev/null || true
  curl -sS -b "$N8NI_HOME/cookies.txt" -o "$dir/response.json" -w '%{http_code}\n' \
    -H 'content-type: application/json' --data-binary "$body" \
    "$(_n8ni_get N8NI_URL)/rest/credentials/test" >"$dir/http-status" || true
  e2e_sim GET requests >"$dir/requests.json"
  e2e_sim GET state >"$dir/state.json"
}

# e2e_scenario OUT_DIR WORKFLOW_ID [JSON PATCH of the simulator state]: reset
# the simulator, apply the patch, run the workflow headless, keep the run JSON,
# the requests the simulator received and its state before and after.
e2e_scenario() {
  local dir=$1 id=$2 patch=${3:-} rc=0 t0=$SECONDS
  mkdir -p "$dir"
  e2e_sim POST reset
  [[ -z "$patch" ]] || e2e_sim PATCH state "$patch" >/dev/null
  e2e_sim GET state >"$dir/state-before.json"
  n8ni_execute "$id" >"$dir/run.json" 2>"$dir/execute.log" || rc=$?
  echo "$rc" >"$dir/rc"
  e2e_sim GET requests >"$dir/requests.json"
  e2e_sim GET state >"$dir/state.json"
  _e2e_log "  ran $(basename "$dir") ($id) in $((SECONDS - t0))s: $(tail -n 1 "$dir/execute.log" | sed 's/^\[n8n\] //')"
}

# e2e_activate ID: make workflow ID active at the next `n8n start` (2.x publishes it, 1.x sets it active).
e2e_activate() {
  if [[ "$(_n8ni_get N8NI_N8N_VERSION)" == 1.* ]]; then
    n8ni_n8n update:workflow --id="$1" --active=true
  else
    n8ni_n8n publish:workflow --id="$1"
  fi >>"$N8NI_HOME/cli.log" 2>&1
}

# e2e_trigger_watch OUT_DIR: start n8n with examples/sso-watch.json active (its
# alerts go to the simulator's inbox); test/e2e/trigger-watch.ts changes the
# simulator's state after the activation poll and waits for two more polls; keep
# its inbox, requests and timeline, and n8n's executions of the workflow.
e2e_trigger_watch() {
  local dir=$1 t0=$SECONDS filter='%7B%22workflowId%22%3A%22exSsoWatch%22%7D' repo_dir
  repo_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
  mkdir -p "$dir"
  e2e_sim POST reset
  e2e_activate exSsoWatch || { echo "activating exSsoWatch failed (see cli.log)" >"$dir/failure"; return 0; }
  if n8ni_start 120; then
    (cd "$repo_dir" && npx --no-install tsx test/e2e/trigger-watch.ts "$E2E_SIM_URL" "$dir") 2>>"$dir/watch.log" || true
    n8ni_curl "/rest/executions?filter=$filter" >"$dir/executions.json" 2>>"$dir/watch.log" || true
  else
    echo "n8n did not start with the workflow active" >"$dir/failure"
  fi
  n8ni_stop
  cp "$N8NI_HOME/n8n.log" "$dir/n8n.log" 2>/dev/null || true
  _e2e_log "  trigger watch in $((SECONDS - t0))s: $(tail -n 1 "$dir/watch.log" 2>/dev/null)"
}

# e2e_collect VERSION OUT_DIR TGZ PREPARED_DIR: one n8n instance of VERSION with
# the package installed into <user folder>/.n8n/nodes; start it (types, load
# errors, credential test), stop it, then run every workflow headless.
# Never fails on what it observes: run-checks.mjs judges.
e2e_collect() {
  local version=$1 out=$2 tgz=$3 prepared=$4 t0=$SECONDS
  mkdir -p "$out"
  echo "$version" >"$out/version"
  echo "$E2E_SIM_URL" >"$out/simulator-url"
  _e2e_log "n8n $version: instance, package, credentials, workflows"
  n8ni_create "$version"
  n8ni_install_package "$tgz"
  n8ni_import_credentials "$prepared/credentials.json"
  n8ni_import_workflows "$prepared/workflows"

  _e2e_log "n8n $version: server (types, load errors, credential test)"
  if n8ni_start 120; then
    touch "$out/server-started"
    n8ni_node_types >"$out/node-types.txt" || true
    n8ni_credential_types >"$out/credential-types.txt" || true
    n8ni_package_load_errors 2>"$out/load-errors.txt" || true
    e2e_credential_test "$out/credtest-ok" admin-password
    e2e_credential_test "$out/credtest-wrong" e2e-wrong-password
  fi
  n8ni_stop
  cp "$N8NI_HOME/n8n.log" "$out/n8n.log" 2>/dev/null || true

  _e2e_log "n8n $version: headless runs"
  e2e_scenario "$out/clone-refresh" exCloneRefresh
  e2e_scenario "$out/user-sync-watch" exUserSyncWatch
  e2e_scenario "$out/user-sync-watch-failing" exUserSyncWatch \
    '[{"op":"replace","path":"/resolution/connectors/0/failWithCount","value":3}]'
  e2e_scenario "$out/rotate-idp-certificate" exRotateIdpCert
  e2e_scenario "$out/wrong-password" e2eWrongPasswd
  e2e_scenario "$out/continue-on-fail" e2eContinueFail

  _e2e_log "n8n $version: the trigger in an active workflow (up to 3 minutes: n8n polls once a minute)"
  e2e_trigger_watch "$out/sso-watch"
  echo $((SECONDS - t0)) >"$out/seconds"
  _e2e_log "n8n $version: done in $((SECONDS - t0))s"
}
