#!/usr/bin/env bash
# Runs "$@" with a real Secret Service: a private D-Bus session bus and gnome-keyring, its login
# collection created and unlocked in a throwaway XDG_DATA_HOME. Usage: dbus-run-session -- scripts/with-keyring.sh CMD...
set -euo pipefail

scratch=$(mktemp -d -t cognito-inspector-keyring.XXXXXX)
export XDG_DATA_HOME="$scratch/data" XDG_CONFIG_HOME="$scratch/config" XDG_CACHE_HOME="$scratch/cache"
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$scratch/run}"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"

# --unlock reads the login password on stdin, creating the login collection if it does not exist.
keyring_env=$(printf 'test-keyring-password' | gnome-keyring-daemon --unlock --components=secrets --daemonize)
eval "$keyring_env"
export GNOME_KEYRING_CONTROL SSH_AUTH_SOCK 2>/dev/null || true

# Wait until the daemon owns org.freedesktop.secrets; a client that asks earlier makes D-Bus
# activate a second daemon with a locked, empty collection.
owned=no
for _ in $(seq 1 100); do
  if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
      org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'; then
    owned=yes; break
  fi
  sleep 0.1
done
if [ "$owned" != yes ]; then
  echo "with-keyring: gnome-keyring did not take org.freedesktop.secrets on the session bus within 10 s" >&2
  exit 1
fi
export COGNITO_INSPECTOR_TEST_KEYRING=gnome-keyring

status=0
"$@" || status=$?
daemon_pid=$(dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
  org.freedesktop.DBus.GetConnectionUnixProcessID string:org.freedesktop.secrets 2>/dev/null | awk '/uint32/ {print $2}')
[ -n "${daemon_pid:-}" ] && kill "$daemon_pid" 2>/dev/null || true
rm -rf "$scratch"
exit $status
