#!/usr/bin/env bash
# The one test command (README "Test", .ci/run): installs what it needs, then runs every suite.
# Debian packages npm cannot provide are installed with apt-get when missing (as root); otherwise the
# exact command to run is printed.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

need_pkgs=()
command -v chromium >/dev/null 2>&1 || need_pkgs+=(chromium)
command -v gnome-keyring-daemon >/dev/null 2>&1 || need_pkgs+=(gnome-keyring)
command -v dbus-run-session >/dev/null 2>&1 || need_pkgs+=(dbus)
command -v dbus-send >/dev/null 2>&1 || need_pkgs+=(dbus-bin)
command -v secret-tool >/dev/null 2>&1 || need_pkgs+=(libsecret-tools)
if [ ${#need_pkgs[@]} -gt 0 ]; then
  cmd="apt-get update && apt-get install -y --no-install-recommends ${need_pkgs[*]}"
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    step "installing Debian packages: ${need_pkgs[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_pkgs[@]}" >/dev/null
  else
    echo "test: missing Debian packages: ${need_pkgs[*]}" >&2
    echo "hint: run as root: $cmd" >&2
    exit 1
  fi
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "npm ci"
  npm ci --no-audit --no-fund
fi

step "typecheck";  npm run -s typecheck
step "lint";       npm run -s lint
step "build";      npm run -s build

step "tests (unit, integration, e2e, inside a private D-Bus session with gnome-keyring)"
report=$(mktemp -t vitest-report.XXXXXX.json)
status=0
dbus-run-session -- scripts/with-keyring.sh npx vitest run --reporter=default --reporter=json --outputFile.json="$report" "$@" \
  2> >(grep -v 'Failed to set fd limit' >&2) || status=$?
# One plain closing line, whatever the reporter printed above it.
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`\ntests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
' "$report" 2>/dev/null || echo "tests: no report (vitest exited $status)"
rm -f "$report"
exit $status
