#!/usr/bin/env bash
# Shared by scripts/demo.sh and scripts/bench.sh (source it after
# n8n-instance.sh or provision.sh):
#   demo_provision_n8n2   provision Node 24 + n8n 2.41.1 (scripts/lib/provision.sh)
#   demo_port_free PORT   true when PORT is free on 127.0.0.1
#   demo_pick_port PORT   PORT when free, else a free one
#   demo_start_simulator LOG_FILE PORT [simulator flags...]
#                         the repo's simulator (tsx test/simulator/main.ts) in its
#                         own process group; sets DEMO_SIM_PID and DEMO_SIM_URL
#   demo_stop_pgroup PID  TERM to PID's process group, KILL after 10 s

_DEMO_LIB_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DEMO_REPO="$(cd "$_DEMO_LIB_DIR/../.." && pwd)"

demo_provision_n8n2() {
  [[ -f "$N8N2_DIR/.provisioned" ]] ||
    echo "[provision] first run: installing Node 24 and n8n $N8N2_VERSION into $N8N_DC_CACHE (about 5 minutes and 3 GB, once; later runs reuse it)" >&2
  provision_n8n2
}

demo_port_free() {
  node -e '
    const s = require("net").createServer();
    s.once("error", () => process.exit(1));
    s.listen(Number(process.argv[1]), "127.0.0.1", () => s.close(() => process.exit(0)));' "$1"
}

demo_pick_port() {
  if demo_port_free "$1"; then echo "$1"; else n8ni_free_ports 1; fi
}

demo_start_simulator() {
  local log=$1 port=$2 i
  shift 2
  [[ -x "$DEMO_REPO/node_modules/.bin/tsx" ]] ||
    { echo "[demo] node_modules/.bin/tsx is missing: start the demo with 'npm run demo' (it installs the dependencies)" >&2; return 1; }
  : >"$log"
  (
    cd "$DEMO_REPO"
    exec setsid node_modules/.bin/tsx test/simulator/main.ts --port "$port" "$@"
  ) >>"$log" 2>&1 &
  DEMO_SIM_PID=$!
  DEMO_SIM_URL=""
  for ((i = 0; i < 300; i++)); do
    DEMO_SIM_URL=$(sed -n 's/^Simulator listening on \(http[^ ]*\).*/\1/p' "$log")
    [[ -n "$DEMO_SIM_URL" ]] && return 0
    if ! kill -0 "$DEMO_SIM_PID" 2>/dev/null; then
      cat "$log" >&2
      echo "[demo] the simulator did not start (log: $log)" >&2
      return 1
    fi
    sleep 0.1
  done
  echo "[demo] the simulator did not start within 30 s (log: $log)" >&2
  return 1
}

demo_stop_pgroup() {
  local pid=$1 i
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 40; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.25
  done
  kill -KILL -- "-$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
