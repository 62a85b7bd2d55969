/** Low-level HTTP helpers: body reading, form parsing (urlencoded and multipart) and response writing. */
import type { IncomingMessage, ServerResponse } from "node:http";

export const MAX_BODY_BYTES = 1024 * 1024;

export class BodyTooLargeError extends Error {}

export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new BodyTooLargeError(`request body larger than ${limit} bytes`));
        req.resume();
        return;
      }
      chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

export function queryObject(search: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of search) if (!(k in out)) out[k] = v;
  return out;
}

export function headerObject(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : v;
  return out;
}

/** Form fields from an urlencoded or multipart/form-data body (other types: no fields). */
export function parseForm(contentType: string | undefined, body: Buffer): Record<string, string> {
  const type = (contentType ?? "").toLowerCase();
  if (type.startsWith("application/x-www-form-urlencoded")) return queryObject(new URLSearchParams(body.toString("utf8")));
  if (type.startsWith("multipart/form-data")) {
    const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? "");
    return boundary ? parseMultipart(body.toString("utf8"), (boundary[1] ?? boundary[2]).trim()) : {};
  }
  return {};
}

function parseMultipart(text: string, boundary: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of text.split(`--${boundary}`)) {
    const sep = part.indexOf("\r\n\r\n");
    if (sep < 0) continue;
    const head = part.slice(0, sep);
    const name = /content-disposition:[^\r\n]*\bname="([^"]*)"/i.exec(head);
    if (name && !(name[1] in out)) out[name[1]] = part.slice(sep + 4).replace(/\r\n$/, "");
  }
  return out;
}

/** Parsed JSON if the text is JSON, the text itself otherwise, undefined when empty. */
export function parseMaybeJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function send(res: ServerResponse, status: number, bodyText: string | undefined, headers: Record<string, string> = {}): void {
  const h: Record<string, string> = { ...headers };
  if (bodyText !== undefined && bodyText !== "" && !Object.keys(h).some((k) => k.toLowerCase() === "content-type")) {
    h["Content-Type"] = "application/json;charset=utf-8";
  }
  // 204 and 304 carry neither a body nor Content-Length (RFC 9110).
  if (status !== 204 && status !== 304) h["Content-Length"] = String(Buffer.byteLength(bodyText ?? ""));
  res.writeHead(status, h);
  res.end(bodyText ?? "");
}
