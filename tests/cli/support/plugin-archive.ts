/**
 * The plugin as a user without npm gets it: `npm run build:plugin` (scripts/build-plugin.ts) run once per test run
 * into a temporary folder (`npm run build` clears dist/, so the suite never relies on an earlier build there).
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import path from "node:path";
import { REPO } from "./toolchain";
import { PLUGIN } from "./yaml-project";

export interface PluginBuild {
  /** The folder holding the executable `pulumi-resource-sailpoint` (and the archive). */
  dir: string;
  executable: string;
  archive: string;
  version: string;
}

let built: PluginBuild | undefined;

/** Builds the single executable and its archive from this checkout's sources, once per test run (about 20 s). */
export function pluginBuild(): PluginBuild {
  if (built) return built;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sailpoint-plugin-build-"));
  process.once("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
  const out = execFileSync(process.execPath, ["--require", require.resolve("tsx/cjs"), path.join(REPO, "scripts", "build-plugin.ts"), "--out", dir], {
    cwd: REPO,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  const archive = out.trim().split("\n").pop()!;
  const version = (JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8")) as { version: string }).version;
  built = { dir, executable: path.join(dir, PLUGIN), archive, version };
  return built;
}
