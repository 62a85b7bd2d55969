/**
 * Runs after `npm run build`: links this checkout into its own node_modules (node_modules/pulumi-sailpoint-isc -> ..),
 * so programs inside the repository resolve the package from it as an installed copy would be: the top-level
 * Pulumi.yaml and `npm run example` (whose program and provider host look in node_modules) and the type-check of
 * examples/quickstart. Files inside the package need no link: they reach it by name through package.json "exports".
 * The package itself declares no dependency on itself, and its published package.json has no install-time script.
 */
import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..");
const LINK = path.join(ROOT, "node_modules", "pulumi-sailpoint-isc");
const TARGET = "..";

function current(): string | undefined {
  try {
    return fs.readlinkSync(LINK);
  } catch {
    return undefined;
  }
}

if (current() !== TARGET) {
  fs.rmSync(LINK, { recursive: true, force: true });
  fs.symlinkSync(TARGET, LINK, "dir");
}
