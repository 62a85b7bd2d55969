/**
 * Writes the generated files of the native package: native/schema.json (the package schema) and the reference pages
 * docs/reference/*.md. `--check` writes nothing and fails when a committed file differs from what would be written.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { generatedFiles } from "../native/schema/generated";

const root = join(__dirname, "..");
const check = process.argv.includes("--check");
const stale: string[] = [];
for (const [path, text] of Object.entries(generatedFiles())) {
  const file = join(root, path);
  let current: string | undefined;
  try {
    current = readFileSync(file, "utf8");
  } catch {
    current = undefined;
  }
  if (current === text) continue;
  stale.push(path);
  if (!check) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}
if (check && stale.length) {
  console.error(`stale generated files (run npm run gen): ${stale.join(", ")}`);
  process.exit(1);
}
console.log(stale.length ? `${check ? "stale" : "wrote"}: ${stale.join(", ")}` : "generated files are up to date");
