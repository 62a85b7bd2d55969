/**
 * Redaction is complete: the client secret and bearer tokens are redacted in every spelling a server may echo them
 * in (as sent in the form body, percent-encoded, JSON-escaped, raw), and before an error text is shortened, so no
 * part of a value straddling the cut survives.
 */
import { expect } from "chai";
import { IscClient } from "../../provider/http/client";
import { IscApiError, parseErrorBody } from "../../provider/http/errors";
import { redact, registerSensitive, spellings } from "../../provider/http/redact";
import type { Settings } from "../../provider/config";
import { rejection } from "../support/rejection";
import { json, recordingServer, type RecordingServer } from "./recording-server";

/** Every character that the form encoding, percent-encoding or JSON escaping changes. */
const SECRET = 'Sec+ret/with=all&the%odd "chars"\\ and é-0123';
/** A token in standard base64 (with + / =), as an opaque token may be. */
const TOKEN = "tok+en/abc=def+ghi/jkl==";

const form = (v: string) => new URLSearchParams({ v }).toString().slice(2);
const jsonEscaped = (v: string) => JSON.stringify(v).slice(1, -1);

function settings(baseUrl: string, clientSecret = SECRET): Settings {
  return { baseUrl, clientId: "cid", clientSecret, apiVersion: "v2025", rateLimit: { limit: 1000, windowMs: 1000 }, timeoutMs: 2000 };
}

/** Every spelling of `value` that must not survive in `text`, and its first 8 characters for good measure. */
function expectNoTrace(text: string, value: string): void {
  for (const spelling of [value, form(value), encodeURIComponent(value), jsonEscaped(value), jsonEscaped(value).replace(/\//g, "\\/")]) {
    expect(text, spelling).not.to.include(spelling);
    expect(text, spelling).not.to.include(spelling.slice(0, 8));
  }
}

describe("redaction", function () {
  this.timeout(20_000);
  let server: RecordingServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it("knows the spellings of a value: raw, form body, percent-encoded (either hex case), JSON-escaped", () => {
    const all = spellings(SECRET);
    expect(all).to.include.members([SECRET, form(SECRET), encodeURIComponent(SECRET), jsonEscaped(SECRET)]);
    expect(form(SECRET)).to.include("Sec%2Bret%2Fwith%3Dall%26the%25odd+%22chars%22%5C+and+%C3%A9-0123");
    expect(all).to.include(form(SECRET).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()));
  });

  it("redacts each spelling of a registered value, and bearer tokens in JSON-escaped text", () => {
    registerSensitive(SECRET);
    registerSensitive(TOKEN);
    const lowerHex = (v: string) => v.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());
    for (const value of [SECRET, TOKEN]) {
      for (const spelling of [value, form(value), lowerHex(form(value)), encodeURIComponent(value), jsonEscaped(value), jsonEscaped(value).replace(/\//g, "\\/")]) {
        const out = redact(`before ${spelling} after`);
        expect(out, spelling).to.equal("before [redacted] after");
      }
    }
    const escaped = redact(JSON.stringify({ header: "Bearer abc\\/defghijk\\/lmnop" }));
    expect(escaped).to.include("Bearer [redacted]").and.not.include("lmnop");
  });

  it("redacts before it shortens: a secret straddling the 300-character cut leaves nothing of itself", () => {
    registerSensitive(SECRET);
    for (const offset of [290, 295, 299]) {
      const body = `${"x".repeat(offset)}${SECRET} trailing`;
      const [message] = parseErrorBody(body).messages!;
      expect(message.startsWith("x".repeat(offset))).to.equal(true);
      expectNoTrace(message, SECRET);
      const text = `${"x".repeat(offset)}${form(SECRET)}`;
      expectNoTrace(parseErrorBody(text).messages![0], SECRET);
    }
  });

  it("an echo of the token request's form body in a non-JSON error carries no part of the secret", async () => {
    server = await recordingServer((_req, res, body) => {
      // A gateway that answers a bad request with the request it got, the secret straddling the 300-character cut.
      res.writeHead(400, { "content-type": "text/plain" });
      res.end(`${"-".repeat(200)} rejected: ${body}`);
    });
    const error = await rejection(new IscClient(settings(server.url)).request("GET", "managed-clusters"), IscApiError);
    expect(server.seen[0].body, "the form body carries the secret form-encoded").to.include(`client_secret=${form(SECRET)}`);
    expect(error.message).to.include("[redacted]");
    expectNoTrace(error.message, SECRET);
  });

  it("a JSON error echoing the secret JSON-escaped, raw or form-encoded, and a token in each spelling, is redacted", async () => {
    server = await recordingServer((req, res) => {
      if (req.url === "/oauth/token") return json(res, 200, { access_token: TOKEN, expires_in: 600 });
      json(res, 400, {
        detailCode: "400.1 Bad Request Content",
        messages: [
          { text: `raw ${SECRET} and ${TOKEN}` },
          { text: `form ${form(SECRET)} and ${form(TOKEN)}` },
          { text: `percent ${encodeURIComponent(SECRET)} and ${encodeURIComponent(TOKEN)}` },
        ],
        // JSON.stringify escapes once more: the service's own JSON-escaped echo, as a client sees it after parsing.
        causes: [{ text: `escaped ${jsonEscaped(SECRET)} ${jsonEscaped(TOKEN).replace(/\//g, "\\/")}` }],
        trackingId: "t-1",
      });
    });
    const error = await rejection(new IscClient(settings(server.url)).request("GET", "managed-clusters"), IscApiError);
    expect(error.message).to.include("raw [redacted] and [redacted]").and.include("form [redacted] and [redacted]");
    expectNoTrace(error.message, SECRET);
    expectNoTrace(error.message, TOKEN);
    for (const text of error.messages) {
      expectNoTrace(text, SECRET);
      expectNoTrace(text, TOKEN);
    }
  });
});
