#!/usr/bin/env bash
# Finds or builds the Pulumi CLI this project's real-CLI suite and `npm run example` use.
#
#   scripts/pulumi-cli.sh            prints progress on stderr and, as its only stdout line, the directory holding
#                                    `pulumi` and `pulumi-resource-pulumi-nodejs` (put it first on PATH)
#
# 1. A `pulumi` already on PATH, at least $PULUMI_MIN_VERSION and with the `pulumi-resource-pulumi-nodejs` launcher
#    next to it, is used as it is.
# 2. Otherwise the pinned version ($PULUMI_CLI_VERSION, default 3.276.0) is built from the Go module proxy into a
#    cache outside the checkout ($PULUMI_CLI_CACHE, default ~/.cache/pulumi-sailpoint-isc), once: about 8 minutes and
#    2 GB of module and build cache on 2 cores when cold, seconds when warm. Needs Go >= 1.24 and the module proxy.
#
# The Go module proxy serves the CLI but not the Node.js language host (pulumi-language-nodejs), so a CLI built here
# runs programs through the Automation API's inline programs; see tests/cli/README.md.
set -euo pipefail

VERSION="${PULUMI_CLI_VERSION:-3.276.0}"
MIN_VERSION="${PULUMI_MIN_VERSION:-3.139.0}"
CACHE="${PULUMI_CLI_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-sailpoint-isc}"
BIN="$CACHE/pulumi-v$VERSION/bin"

say() { echo "pulumi-cli: $*" >&2; }

# "3.276.0" >= "3.139.0"?
version_at_least() {
  [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" = "$2" ]
}

usable() {
  local dir="$1"
  [ -x "$dir/pulumi" ] && [ -x "$dir/pulumi-resource-pulumi-nodejs" ] || return 1
  local v
  v="$("$dir/pulumi" version 2>/dev/null | sed 's/^v//')" || return 1
  version_at_least "$v" "$MIN_VERSION" || return 1
  echo "$v"
}

if onpath="$(command -v pulumi 2>/dev/null)"; then
  dir="$(dirname "$onpath")"
  if v="$(usable "$dir")"; then
    say "using pulumi $v on PATH ($dir)"
    echo "$dir"
    exit 0
  fi
  say "pulumi on PATH ($onpath) is older than $MIN_VERSION or has no pulumi-resource-pulumi-nodejs beside it; not using it"
fi

# One build at a time: a second caller waits for the first and then uses what it built.
mkdir -p "$CACHE"
if command -v flock >/dev/null; then
  exec 9>"$CACHE/.build-v$VERSION.lock"
  flock -n 9 || { say "another build of pulumi v$VERSION is under way; waiting for it"; flock 9; }
fi

if v="$(usable "$BIN")"; then
  say "using cached pulumi $v ($BIN)"
  echo "$BIN"
  exit 0
fi

command -v go >/dev/null || { say "no usable pulumi on PATH and no Go toolchain to build one; install the Pulumi CLI >= $MIN_VERSION"; exit 1; }

WORK="$CACHE/build-v$VERSION"
mkdir -p "$WORK"
say "building pulumi v$VERSION from the Go module proxy into $BIN"
say "a cold build takes about 8 minutes on 2 cores (downloading ~2.5 min, compiling ~5 min); warm rebuilds seconds"

started=$(date +%s)
heartbeat() {
  while sleep 30; do
    say "  ... still building ($(( $(date +%s) - started )) s; module cache $(du -sh "$(go env GOMODCACHE)" 2>/dev/null | cut -f1))"
  done
}
heartbeat &
beat=$!
trap 'kill $beat 2>/dev/null || true' EXIT

export GOFLAGS=-modcacherw CGO_ENABLED=0
cd "$WORK"
[ -f go.mod ] || go mod init example.local/pulumi-build >/dev/null 2>&1
# pkg/v3's own go.mod replaces this module; a wrapper module must repeat that replace.
go mod edit -replace=github.com/atotto/clipboard=github.com/tgummerer/clipboard@v0.0.0-20241001131231-d02d263e614e
say "step 1/3: resolving modules"
go get -tool "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi@v$VERSION" >&2
go get "github.com/pulumi/pulumi/sdk/v3@v$VERSION" >&2
go mod edit -replace="github.com/pulumi/pulumi/pkg/v3=github.com/pulumi/pulumi/pkg/v3@v$VERSION" \
            -replace="github.com/pulumi/pulumi/sdk/v3=github.com/pulumi/pulumi/sdk/v3@v$VERSION"
go mod tidy >&2
say "step 2/3: compiling (the longest step)"
mkdir -p bin.tmp
go build -trimpath -buildvcs=false -tags osusergo,grpcnotrace \
  -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$VERSION" \
  -o bin.tmp/pulumi github.com/pulumi/pulumi/pkg/v3/cmd/pulumi
say "step 3/3: installing the pulumi-resource-pulumi-nodejs launcher"
SDKDIR="$(go mod download -json "github.com/pulumi/pulumi/sdk/v3@v$VERSION" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
install -m 0755 "$SDKDIR/nodejs/dist/pulumi-resource-pulumi-nodejs" bin.tmp/
mkdir -p "$(dirname "$BIN")"
rm -rf "$BIN"
mv bin.tmp "$BIN"
say "built $("$BIN/pulumi" version) in $(( $(date +%s) - started )) s: $BIN"
echo "$BIN"
