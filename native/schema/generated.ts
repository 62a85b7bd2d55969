import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageSchema } from "./index";
import { referencePages } from "./reference";

/** The package's version (package.json), recorded in the committed schema. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")) as { version: string }).version;
}

/** Every generated file by its path from the repository root, with its text. */
export function generatedFiles(): Record<string, string> {
  const schema = packageSchema({ version: packageVersion() });
  return { "native/schema.json": `${JSON.stringify(schema, null, 2)}\n`, ...referencePages(schema) };
}
