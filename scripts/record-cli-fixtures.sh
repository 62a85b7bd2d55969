#!/usr/bin/env bash
# Regenerates tests/fixtures/cli/*.json: the JSON the real Pulumi CLI prints for the drift cases of tests/cli.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run build --silent
RECORD_CLI_FIXTURES=1 npx mocha tests/cli/drift.test.ts
