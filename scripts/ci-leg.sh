#!/usr/bin/env bash
# One CI leg: the given test suites on one Node.js line with one @pulumi/pulumi version.
#
#   scripts/ci-leg.sh <node version> <@pulumi/pulumi version> <mocha spec globs...>
#   scripts/ci-leg.sh 22 3.276.0 'tests/integration/**/*.test.ts' 'tests/package/**/*.test.ts'
#
# It works on a throwaway copy of the checkout outside it (the files git tracks, plus new files it does not ignore),
# with this checkout's node_modules copied in and `npm install --no-save @pulumi/pulumi@<version>` on top; it builds
# the package there (so the sources are also compiled against that version's types) and runs mocha on the leg's
# Node, first on PATH, so every `node`, `npm` and `tsx` the tests start runs on it too (the dynamic-provider host is
# started with process.execPath). Run `npm ci` in the checkout first. CI_LEG_KEEP=1 keeps the copy.
set -euo pipefail

[ "$#" -ge 3 ] || { echo "usage: ci-leg.sh <node version> <@pulumi/pulumi version> <mocha spec globs...>" >&2; exit 2; }
NODE_LINE="$1"
PULUMI_VERSION="$2"
shift 2
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
[ -d "$ROOT/node_modules/mocha" ] || { echo "ci-leg: run npm ci first" >&2; exit 2; }

started=$(date +%s)
NODE="$("$ROOT/scripts/node-runtime.sh" "$NODE_LINE")"
NODE_VERSION="$("$NODE" --version)"
LABEL="node $NODE_VERSION + @pulumi/pulumi $PULUMI_VERSION"
say() { echo "ci-leg [$LABEL]: $*" >&2; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/sailpoint-isc-leg-XXXXXX")"
if [ "${CI_LEG_KEEP:-}" = 1 ]; then trap 'say "kept $WORK"' EXIT; else trap 'rm -rf "$WORK"' EXIT; fi

# Tracked and new files, as they are in the work tree (deleted ones skipped).
(cd "$ROOT" && git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done |
  tar --null -T - -cf -) | tar -xf - -C "$WORK"
cp -a "$ROOT/node_modules" "$WORK/node_modules"

export PATH="$(dirname "$NODE"):$PATH"
cd "$WORK"
say "installing @pulumi/pulumi@$PULUMI_VERSION"
npm install --no-save --no-audit --no-fund --loglevel=error "@pulumi/pulumi@$PULUMI_VERSION" >&2
installed="$(node -p 'require("@pulumi/pulumi/package.json").version')"
[ "$installed" = "$PULUMI_VERSION" ] || { say "installed @pulumi/pulumi $installed, not $PULUMI_VERSION"; exit 1; }
npm run build --silent >&2

# A spec in .mocharc.json would be added to the leg's globs (mocha merges them).
node -e 'process.exit(require("./.mocharc.json").spec ? 1 : 0)' || { say ".mocharc.json must not name a spec"; exit 2; }
ready=$(date +%s)
say "set up in $((ready - started)) s; running $*"
status=0
node node_modules/mocha/bin/mocha.js "$@" || status=$?
finished=$(date +%s)
say "$([ "$status" = 0 ] && echo passed || echo "FAILED ($status)") in $((finished - started)) s (set-up $((ready - started)) s, tests $((finished - ready)) s)"
exit "$status"
