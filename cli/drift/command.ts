/** `pulumi-sailpoint-isc drift-report [FILE]`: Markdown from `pulumi preview --refresh --json`; exit 0 clean, 1 drift, 2 unreadable. */
import * as fs from "node:fs";
import { parseArgs } from "node:util";
import type { CommandIo } from "../io";
import { MAX_REPORT_LENGTH, MIN_REPORT_LENGTH, renderReport } from "./markdown";
import { UnreadableInput, decodeInput, parsePreview } from "./preview-json";
import { buildReport, changeCount } from "./report";

export const DRIFT_USAGE = `Usage: pulumi-sailpoint-isc drift-report [FILE] [--title TEXT] [--max-length CHARS]

Reads the JSON of \`pulumi preview --refresh --json\` from FILE (\`-\` or none: stdin; UTF-8, or UTF-16 with a
byte-order mark) and prints a Markdown report: each resource that differs from the program with its owned fields
(program value, ISC value; secrets masked), resources gone from ISC, expired log configurations, and what
\`pulumi up --refresh\` would do. The report keeps within --max-length characters (default ${MAX_REPORT_LENGTH}, under
GitHub's 65,536 for a comment) and says what it left out.
Exit status: 0 no drift, 1 drift (or other pending changes), 2 input it cannot read (or a failed preview).`;

async function processStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return decodeInput(Buffer.concat(chunks));
}

export async function driftReportCommand(argv: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { title: { type: "string" }, "max-length": { type: "string" }, help: { type: "boolean", short: "h" } },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    io.stdout(`${DRIFT_USAGE}\n`);
    return 0;
  }
  if (positionals.length > 1) {
    io.stderr(`drift-report: one input at most, got ${positionals.length}\n`);
    return 2;
  }
  const maxLength = values["max-length"] === undefined ? MAX_REPORT_LENGTH : Number(values["max-length"]);
  if (!Number.isSafeInteger(maxLength) || maxLength < MIN_REPORT_LENGTH) {
    io.stderr(`drift-report: --max-length must be a whole number of characters, ${MIN_REPORT_LENGTH} at least\n`);
    return 2;
  }
  const file = positionals[0] ?? "-";
  let text: string;
  try {
    text = file === "-" ? await (io.readStdin ?? processStdin)() : decodeInput(fs.readFileSync(file));
  } catch (error) {
    io.stderr(`drift-report: cannot read ${file}: ${(error as Error).message}\n`);
    return 2;
  }
  try {
    const report = buildReport(parsePreview(text));
    io.stdout(renderReport(report, { title: values.title, maxLength }));
    if (report.errors.length > 0) return 2;
    return changeCount(report) > 0 ? 1 : 0;
  } catch (error) {
    if (!(error instanceof UnreadableInput)) throw error;
    io.stderr(`drift-report: ${error.message}\n`);
    return 2;
  }
}
