/**
 * JSON the real CLI printed, kept as test fixtures for code that reads it (the drift report).
 * `scripts/record-cli-fixtures.sh` re-runs the real-CLI suite with RECORD_CLI_FIXTURES=1, which writes them; otherwise
 * nothing is written.
 */
import * as fs from "node:fs";
import path from "node:path";
import { REPO } from "./toolchain";

export const FIXTURES = path.join(REPO, "tests", "fixtures", "cli");

/** Where the program ran: paths of this machine, not part of what the CLI reports about resources. */
const MACHINE_KEYS = new Set(["sourcePosition", "stackTrace"]);

/** Writes `value` as tests/fixtures/cli/<name>.json when recording, refusing any text that holds one of `secrets`. */
export function recordFixture(name: string, value: unknown, secrets: string[]): void {
  if (process.env.RECORD_CLI_FIXTURES !== "1") return;
  const text = JSON.stringify(value, (key, v: unknown) => (MACHINE_KEYS.has(key) ? undefined : v), 2) + "\n";
  for (const secret of secrets) if (secret && text.includes(secret)) throw new Error(`fixture ${name} would hold a secret`);
  fs.mkdirSync(FIXTURES, { recursive: true });
  fs.writeFileSync(path.join(FIXTURES, `${name}.json`), text);
}
