/**
 * Pulumi's package metaschema (codegen/schema/pulumi.json in the Go module github.com/pulumi/pulumi/pkg/v3), taken
 * from the Go module cache: offline when the cache has the module, else downloaded by `go mod download` into the
 * cache (outside the checkout).
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const PULUMI_PKG_VERSION = "v3.276.0";
const MODULE = `github.com/pulumi/pulumi/pkg/v3@${PULUMI_PKG_VERSION}`;

function moduleDir(offline: boolean): string {
  const env = { ...process.env, ...(offline ? { GOPROXY: "off" } : {}) };
  // Outside any module, so no go.mod of the checkout is consulted or changed.
  const out = execFileSync("go", ["mod", "download", "-json", MODULE], { cwd: tmpdir(), env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  const dir = (JSON.parse(out) as { Dir?: string }).Dir;
  if (!dir) throw new Error(`go mod download ${MODULE} reported no directory`);
  return dir;
}

export function pulumiMetaschema(): Record<string, unknown> {
  let dir: string;
  try {
    dir = moduleDir(true);
  } catch {
    dir = moduleDir(false);
  }
  return JSON.parse(readFileSync(join(dir, "codegen", "schema", "pulumi.json"), "utf8")) as Record<string, unknown>;
}
