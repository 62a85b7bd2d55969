#!/usr/bin/env bash
# Prints the path of a Node.js binary of the requested release line, installing one when needed.
#
#   scripts/node-runtime.sh <version>      e.g. 20, 22, 24, or a narrower line such as 22.11 or 22.12.0
#
# The machine's own `node` is used when its version is on that line (v<version>.x). Otherwise the npm package
# `node-linux-<arch>@<version>` (the official binary, newest release of that line) is installed once into a cache
# outside the checkout ($NODE_RUNTIME_CACHE, default ~/.cache/pulumi-sailpoint-isc/node): about 30 MB and a few
# seconds from the npm registry; later calls print the cached binary at once. Progress goes to stderr; the only
# stdout line is the binary's path.
set -euo pipefail

WANT="${1:?usage: node-runtime.sh <version> (e.g. 22 or 22.12)}"
[[ "$WANT" =~ ^[0-9]+(\.[0-9]+){0,2}$ ]] || { echo "node-runtime: '$WANT' is not a version line such as 22 or 22.12" >&2; exit 2; }
CACHE="${NODE_RUNTIME_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-sailpoint-isc/node}"

say() { echo "node-runtime: $*" >&2; }

# Does the binary $1 report a version on the line $WANT (v22.12.3 is on 22, 22.12 and 22.12.3)?
on_line() {
  local v
  v="$("$1" --version 2>/dev/null)" || return 1
  [[ "$v." == "v$WANT."* ]]
}

if own="$(command -v node 2>/dev/null)" && on_line "$own"; then
  echo "$own"
  exit 0
fi

case "$(uname -m)" in
  x86_64 | amd64) ARCH=x64 ;;
  aarch64 | arm64) ARCH=arm64 ;;
  *) say "no node-linux package for $(uname -m)"; exit 1 ;;
esac
DIR="$CACHE/$WANT-$ARCH"
BIN="$DIR/node_modules/node-linux-$ARCH/bin/node"

if [ -x "$BIN" ] && on_line "$BIN"; then
  echo "$BIN"
  exit 0
fi

say "installing node-linux-$ARCH@$WANT from the npm registry into $DIR"
mkdir -p "$CACHE"
TMP="$(mktemp -d "$CACHE/.install-XXXXXX")"
trap 'rm -rf "$TMP"' EXIT
echo '{"private":true}' >"$TMP/package.json"
npm install --prefix "$TMP" --no-save --no-package-lock --no-audit --no-fund --loglevel=error "node-linux-$ARCH@$WANT" >&2
on_line "$TMP/node_modules/node-linux-$ARCH/bin/node" || { say "the installed binary is not on line $WANT"; exit 1; }
rm -rf "$DIR"
mv "$TMP" "$DIR"
trap - EXIT
say "installed $("$BIN" --version) at $BIN"
echo "$BIN"
