/** The plugin's version: this package's ("version" of its package.json), the version of the schema and the SDKs. */
import * as fs from "node:fs";
import path from "node:path";

const NAME = "pulumi-sailpoint-isc";

let version: string | undefined;

/** Looks up the package.json of this package above this file (the source tree, or dist/ of an installed copy). */
export function packageVersion(): string {
  if (version) return version;
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    try {
      const manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as { name?: string; version?: string };
      if (manifest.name === NAME && manifest.version) return (version = manifest.version);
    } catch {
      // no package.json here
    }
    if (path.dirname(dir) === dir) throw new Error(`${NAME}: package.json not found above ${__dirname}`);
  }
}
