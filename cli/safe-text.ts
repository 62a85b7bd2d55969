/**
 * The one place where text the commands print is made safe. A tenant's text (names, descriptions, keys, logger names,
 * service errors) and a preview's (logical names, values) is data: it never becomes a line break, terminal control,
 * a bidirectional override or, in the Markdown report, markup, a link or a mention.
 */

/**
 * Characters shown as `\uXXXX` instead: C0 and C1 controls (ESC, CSI, NEL, ...), DEL, line and paragraph separators,
 * bidirectional marks, embeddings, overrides and isolates, the byte-order mark, and lone surrogates.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]|\p{Cs}/gu;
/** The same, except the line feed: a command's own line structure. */
const UNSAFE_IN_OUTPUT = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]|\p{Cs}/gu;

const escaped = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;

/** Text as one inert line: every character that could break the line, steer a terminal or reorder text escaped. */
export function oneLine(text: unknown): string {
  return String(text).replace(UNSAFE, escaped);
}

/** A line a CI runner reads as a command: GitHub Actions' `::command::` and `##[command]` (after leading blanks). */
const RUNNER_COMMAND = /^([^\S\n]*)(:(?=:)|#(?=#\[))/gm;

/**
 * What a command writes, whatever it holds: only line feeds are kept of the characters oneLine escapes, and a line
 * that a CI runner would take for a workflow command has its first character escaped.
 */
export function outputSafe(text: string): string {
  return text.replace(UNSAFE_IN_OUTPUT, escaped).replace(RUNNER_COMMAND, (_all, blanks: string, first: string) => blanks + escaped(first));
}

/** At most `max` characters (an ellipsis marks the cut), before anything is escaped. */
export function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : text;
}

/**
 * A Markdown code span that holds any text literally: on one line, fenced with more backticks than the longest run
 * inside, so nothing in it is markup, HTML, a link or a mention (GitHub renders none of them in code).
 */
export function codeSpan(text: unknown): string {
  const inner = oneLine(text);
  const longest = Math.max(0, ...(inner.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = inner === "" || longest > 0 || inner.startsWith(" ") || inner.endsWith(" ") ? " " : "";
  return `${fence}${pad}${inner}${pad}${fence}`;
}

/** Markdown for one table cell: a `|` (in a code span too) must not end the cell. */
export function tableCell(markdown: string): string {
  return markdown.replace(/\|/g, "\\|");
}

/** A TypeScript string literal for any text: JSON's escapes, and the characters oneLine escapes, escaped the same way. */
export function stringLiteral(text: string): string {
  return oneLine(JSON.stringify(text));
}
