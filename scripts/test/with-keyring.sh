#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring (a real Secret
# Service), so keyring tests exercise the same path as a desktop. Everything lives in a throwaway
# HOME so the user's own keyrings are never touched.
#   bash scripts/test/with-keyring.sh npx vitest run src/main/services/vault
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 <command> [args...]" >&2
  exit 64
fi
for tool in dbus-run-session gnome-keyring-daemon; do
  command -v "$tool" >/dev/null || { echo "with-keyring: '$tool' is not installed (apt-get install dbus gnome-keyring libsecret-tools)" >&2; exit 69; }
done

scratch=$(mktemp -d "${TMPDIR:-/tmp}/token-desk-keyring.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
export HOME="$scratch/home" XDG_DATA_HOME="$scratch/data" XDG_CONFIG_HOME="$scratch/config" \
  XDG_CACHE_HOME="$scratch/cache" XDG_RUNTIME_DIR="$scratch/run"
mkdir -p "$HOME" "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
# The keyring password only protects this throwaway keyring; printf avoids a trailing newline.
export TOKEN_DESK_KEYRING_PW="${TOKEN_DESK_KEYRING_PW:-token-desk-test}"

exec dbus-run-session -- bash -c '
  printf %s "$TOKEN_DESK_KEYRING_PW" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  unset TOKEN_DESK_KEYRING_PW
  exec "$@"' with-keyring "$@"
