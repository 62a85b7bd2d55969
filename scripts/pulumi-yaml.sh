#!/usr/bin/env bash
# Finds or builds the Pulumi YAML language host (pulumi-language-yaml) that runs `runtime: yaml` projects such as
# examples/yaml and the native-door YAML suite (tests/cli/native-yaml.test.ts).
#
#   scripts/pulumi-yaml.sh           prints progress on stderr and, as its only stdout line, the directory holding
#                                    `pulumi-language-yaml` (put it on PATH next to the `pulumi` of scripts/pulumi-cli.sh)
#
# 1. A `pulumi-language-yaml` already on PATH (a full Pulumi install ships one next to `pulumi`) is used as it is.
# 2. Otherwise the pinned version ($PULUMI_YAML_VERSION, default 1.25.0) is built from the Go module proxy with
#    `go install github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml@v<version>`: the host's own module graph
#    (pulumi-yaml's go.mod, which pins pkg/sdk v3.206), not the CLI's. It is cached outside the checkout
#    ($PULUMI_CLI_CACHE, default ~/.cache/pulumi-sailpoint-isc, in pulumi-language-yaml-v<version>/), once: about
#    4 minutes on 2 cores when Go's caches are cold (2 minutes of CPU; about 500 MB of module cache and 420 MB of build
#    cache), about 6 s when they are warm, nothing when cached. Needs Go >= 1.24 and the module proxy.
set -euo pipefail

VERSION="${PULUMI_YAML_VERSION:-1.25.0}"
CACHE="${PULUMI_CLI_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-sailpoint-isc}"
DIR="$CACHE/pulumi-language-yaml-v$VERSION"
MODULE=github.com/pulumi/pulumi-yaml

say() { echo "pulumi-yaml: $*" >&2; }

# The module version a Go binary was built from ("v1.25.0"), or nothing when that cannot be told.
built_version() {
  command -v go >/dev/null || return 0
  go version -m "$1" 2>/dev/null | awk -v m="$MODULE" '$1 == "mod" && $2 == m { print $3 }'
}

if onpath="$(command -v pulumi-language-yaml 2>/dev/null)"; then
  say "using pulumi-language-yaml $(built_version "$onpath") on PATH ($(dirname "$onpath"))"
  dirname "$onpath"
  exit 0
fi

# One build at a time: a second caller waits for the first and then uses what it built.
mkdir -p "$CACHE"
if command -v flock >/dev/null; then
  exec 9>"$CACHE/.build-yaml-v$VERSION.lock"
  flock -n 9 || { say "another build of pulumi-language-yaml v$VERSION is under way; waiting for it"; flock 9; }
fi

if [ -x "$DIR/pulumi-language-yaml" ]; then
  say "using cached pulumi-language-yaml v$VERSION ($DIR)"
  echo "$DIR"
  exit 0
fi

command -v go >/dev/null || { say "no pulumi-language-yaml on PATH and no Go toolchain to build one; install the Pulumi CLI (it ships the YAML host) or Go >= 1.24"; exit 1; }

say "building pulumi-language-yaml v$VERSION from the Go module proxy into $DIR"
say "about 4 minutes on 2 cores with cold Go caches, seconds with warm ones"
started=$(date +%s)
heartbeat() {
  while sleep 30; do say "  ... still building ($(( $(date +%s) - started )) s)"; done
}
heartbeat &
beat=$!
TMP="$(mktemp -d "$CACHE/.yaml-build-XXXXXX")"
trap 'kill $beat 2>/dev/null || true; rm -rf "$TMP"' EXIT

# `go install <pkg>@<version>` resolves the host's own go.mod, outside any module of ours; run it from the
# temporary directory so no surrounding go.mod or go.work takes part.
cd "$TMP"
GOFLAGS=-modcacherw CGO_ENABLED=0 GOWORK=off GOBIN="$TMP/bin" go install -trimpath -tags osusergo,grpcnotrace \
  -ldflags "-s -w -X $MODULE/pkg/version.Version=v$VERSION" "$MODULE/cmd/pulumi-language-yaml@v$VERSION" >&2
[ "$(built_version "$TMP/bin/pulumi-language-yaml")" = "v$VERSION" ] || { say "the built binary does not report $MODULE v$VERSION"; exit 1; }
rm -rf "$DIR"
mv "$TMP/bin" "$DIR"
say "built pulumi-language-yaml v$VERSION in $(( $(date +%s) - started )) s: $DIR"
echo "$DIR"
