/**
 * The report as Markdown (GitHub-flavoured: a job summary or a pull-request comment). Everything that comes from the
 * preview (names, keys, values, service errors) is in code spans made by cli/safe-text.ts, so none of it is markup, a
 * link, a mention or a line of its own; secret values (the preview prints "[secret]") are masked, and nothing but
 * owned fields, service field names and short service values is ever printed, so `__provider` never is. The report
 * stays within a length (a pull-request comment holds 65,536 characters) and says what it left out.
 */
import { UNKNOWN } from "../../provider/engine/values";
import { plural } from "../plural";
import { clip, codeSpan, oneLine, tableCell } from "../safe-text";
import type { FieldDifference } from "./fields";
import { holdsSecret } from "./preview-json";
import { changeCount, type Drifted, type Report } from "./report";
import type { ResourceChange } from "./resources";
import type { ServiceChange } from "./service-fields";

/** The default bound: under GitHub's 65,536 characters for a comment, with room for a workflow's own lines. */
export const MAX_REPORT_LENGTH = 60_000;
/** The shortest bound a report can keep to (its heading, summary and the note of what was left out). */
export const MIN_REPORT_LENGTH = 2_000;
const MAX_VALUE = 160;
const MAX_NAME = 200;
const MAX_ERROR = 1_000;
const MAX_SERVICE_CHANGES = 20;
/** Room kept for the note of what was left out. */
const NOTE_ROOM = 400;
/** Service fields whose value is never printed, whatever the preview shows. */
const SECRET_NAME = /secret|password|token|privatekey/i;

export interface RenderOptions {
  title?: string;
  /** The most characters the report may have (default MAX_REPORT_LENGTH). */
  maxLength?: number;
}

/** Text from the preview, in code: inert, on one line, at most `max` characters. */
const code = (text: unknown, max = MAX_NAME) => codeSpan(clip(String(text), max));

export function shown(value: unknown): string {
  if (value === undefined || value === null) return "*(absent)*";
  if (holdsSecret(value)) return "*(secret)*";
  const json = JSON.stringify(value) ?? "null";
  if (json.includes(UNKNOWN)) return "*(known after up)*";
  return code(json, MAX_VALUE);
}

function resourceName(r: ResourceChange): string {
  // A kind of this package is a word of the URN's type token (`\w+`); another package's type token is shown as code.
  return `${r.ours ? r.kind : code(r.kind)} ${code(r.name)}`;
}

function fieldRow(f: FieldDifference): string {
  const value = (v: unknown) => (f.secret && v !== undefined && v !== null ? "*(secret)*" : shown(v));
  const program = f.programOmitted ? `${value(f.program)} (omitted: the service's value)` : value(f.program);
  const note = [f.origin, f.replaces ? "replaces the resource" : undefined].filter(Boolean).join("; ");
  return `| ${tableCell(code(f.path))} | ${tableCell(program)} | ${tableCell(value(f.live))} | ${note} |`;
}

function serviceChange(c: ServiceChange): string {
  const scalar = (v: unknown) => v === null || v === undefined || typeof v !== "object";
  if (c.secret || SECRET_NAME.test(c.path)) return `${code(c.path)} (secret)`;
  if (scalar(c.before) && scalar(c.after)) return `${code(c.path)} ${shown(c.before)} → ${shown(c.after)}`;
  return code(c.path);
}

interface Section {
  head: string[];
  rows: string[];
  /** What a row stands for, for the note of what was left out. */
  unit: "field" | "resource";
  tail: string[];
}

function driftedSection(d: Drifted): Section {
  const head = [`### ${resourceName(d.resource)}${d.resource.op === "replace" ? " (would be replaced)" : ""}`, ""];
  if (d.fields.length > 0) head.push("| owned field | program | ISC now | since the last deployment |", "|---|---|---|---|");
  const tail = d.fields.length > 0 ? [""] : [];
  if (d.unexplained && d.secretFields.length > 0) {
    tail.push(`No owned field this report can compare differs: the difference is in a secret value (masked in the preview) of ${d.secretFields.map((f) => code(f)).join(", ")}.`, "");
  } else if (d.unexplained) tail.push("No owned field this report can compare differs: a secret value (masked in the preview) may.", "");
  tail.push(`\`pulumi up --refresh\` ${d.action}.`, "");
  if (d.notDrift.length > 0) {
    const listed = d.notDrift.slice(0, MAX_SERVICE_CHANGES).map(serviceChange);
    if (d.notDrift.length > listed.length) listed.push(`and ${d.notDrift.length - listed.length} more`);
    tail.push(`Not drift (the service's own fields, or keys the program does not declare): ${listed.join(", ")}.`, "");
  }
  return { head, rows: d.fields.map(fieldRow), unit: "field", tail };
}

function table(title: string, rows: Array<{ resource: ResourceChange; reason: string; action: string }>): Section[] {
  if (rows.length === 0) return [];
  return [
    {
      head: [`### ${title}`, "", "| resource | what happened | `pulumi up --refresh` would |", "|---|---|---|"],
      rows: rows.map((r) => `| ${tableCell(resourceName(r.resource))} | ${tableCell(r.reason)} | ${tableCell(r.action)} |`),
      unit: "resource",
      tail: [""],
    },
  ];
}

function counts(report: Report): string {
  const parts = [
    report.drifted.length > 0 ? `${report.drifted.length} changed in owned fields` : "",
    report.gone.length > 0 ? `${report.gone.length} gone` : "",
    report.expired.length > 0 ? plural(report.expired.length, "log configuration") + " expired" : "",
    report.pending.length > 0 ? plural(report.pending.length, "program change") + " not deployed yet" : "",
    report.other.length > 0 ? plural(report.other.length, "other resource") : "",
  ].filter(Boolean);
  return parts.join(", ");
}

const size = (lines: readonly string[]) => lines.reduce((n, line) => n + line.length + 1, 0);

/** Lines added while they fit in `limit` characters; what does not fit is counted, never cut in the middle of a line. */
class Page {
  readonly lines: string[] = [];
  private length = 0;
  full = false;
  resourcesLeftOut = 0;
  fieldsLeftOut = 0;

  constructor(private readonly limit: number) {}

  add(lines: readonly string[]): void {
    this.lines.push(...lines);
    this.length += size(lines);
  }

  fits(lines: readonly string[]): boolean {
    return this.length + size(lines) <= this.limit;
  }

  /** A section whole, or its head with the rows that fit, or nothing; after a cut, nothing more is added. */
  section(s: Section, resources: number): void {
    if (!this.full && this.fits([...s.head, ...s.rows, ...s.tail])) return this.add([...s.head, ...s.rows, ...s.tail]);
    const more = (n: number) => (s.unit === "field" ? `*${plural(n, "more owned field")} left out here: the report is cut short (see its end).*` : "");
    const rows: string[] = [];
    if (!this.full) {
      for (const row of s.rows) {
        if (!this.fits([...s.head, ...rows, row, "", more(s.rows.length), ...s.tail])) break;
        rows.push(row);
      }
    }
    const keep = !this.full && (rows.length > 0 || (s.unit === "field" && this.fits([...s.head, "", more(s.rows.length), ...s.tail])));
    this.full = true;
    if (!keep) {
      this.resourcesLeftOut += resources;
      if (s.unit === "field") this.fieldsLeftOut += s.rows.length;
      return;
    }
    const left = s.rows.length - rows.length;
    if (s.unit === "resource") {
      this.resourcesLeftOut += left;
      return this.add([...s.head, ...rows, ...s.tail]);
    }
    this.fieldsLeftOut += left;
    // Without a row, the section is its heading, the note and what up would do (no empty table).
    this.add([...(rows.length > 0 ? s.head : s.head.slice(0, 2)), ...rows, ...(rows.length > 0 ? [""] : []), more(left), ...s.tail]);
  }
}

function failed(report: Report, page: Page): void {
  page.add(["The preview failed, so it says nothing about drift:", ""]);
  let listed = 0;
  for (const error of report.errors) {
    const line = `- ${code(error.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).join(" "), MAX_ERROR)}`;
    if (!page.fits([line])) break;
    page.add([line]);
    listed++;
  }
  if (listed < report.errors.length) page.add([`- and ${plural(report.errors.length - listed, "more error")}, left out to keep the report short`]);
  page.add([""]);
}

export function renderReport(report: Report, options: RenderOptions = {}): string {
  const maxLength = options.maxLength ?? MAX_REPORT_LENGTH;
  const page = new Page(maxLength - NOTE_ROOM);
  page.add([`## ${clip(oneLine(options.title ?? "ISC drift report"), MAX_NAME)}`, ""]);
  if (report.errors.length > 0) {
    failed(report, page);
    return page.lines.join("\n");
  }
  const changed = changeCount(report);
  if (changed === 0) {
    page.add([`No drift: ${report.unchanged === 1 ? "the resource matches" : `all ${report.unchanged} resources match`} the program.`, ""]);
    return page.lines.join("\n");
  }
  page.add([
    `**${plural(changed, "resource differs", "resources differ")} from the program** (${counts(report)}; ${report.unchanged} unchanged). ` +
      "`pulumi up --refresh`, what the deploy workflow runs, puts ISC back to the program; a plain `pulumi up` does not see drift.",
    "",
  ]);
  for (const d of report.drifted) page.section(driftedSection(d), 1);
  const tables = [
    ...table("Gone from ISC", report.gone),
    ...table("Log configurations expired", report.expired),
    ...table(
      "Program changes not deployed yet (not drift)",
      report.pending.map((p) => ({ resource: p.resource, reason: p.resource.op === "delete" ? "no longer in the program" : "new in the program", action: p.action })),
    ),
    ...table(
      "Other resources (not compared here)",
      report.other.map((o) => ({ resource: o, reason: "a resource of another package", action: o.op })),
    ),
  ];
  for (const t of tables) page.section(t, t.rows.length);
  if (page.resourcesLeftOut > 0 || page.fieldsLeftOut > 0) {
    const parts = [page.resourcesLeftOut > 0 ? plural(page.resourcesLeftOut, "resource") : "", page.fieldsLeftOut > 0 ? plural(page.fieldsLeftOut, "field difference") : ""];
    page.add([
      `**The report is cut short** to stay within ${maxLength} characters (a GitHub comment holds 65,536): ` +
        `${parts.filter(Boolean).join(" and ")} left out. \`drift-report --max-length\` with a larger bound prints all of it.`,
      "",
    ]);
  }
  return page.lines.join("\n").replace(/\n+$/, "\n");
}
