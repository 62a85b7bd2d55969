/** The baseline: the same requests with plain node:http and a token fetched beforehand. */
import * as http from "node:http";
import type { IscEmulator } from "../emulator";

/** Plain node:http with a keep-alive agent (as got and axios get from Node 20's global agent). */
export function rawClient(baseUrl: string, token: string) {
  const agent = new http.Agent({ keepAlive: true });
  return (method: string, urlPath: string, body?: unknown, contentType = "application/json"): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const data = body === undefined ? undefined : JSON.stringify(body);
      const headers: http.OutgoingHttpHeaders = { authorization: `Bearer ${token}`, accept: "application/json" };
      if (data !== undefined) Object.assign(headers, { "content-type": contentType, "content-length": Buffer.byteLength(data) });
      const req = http.request(`${baseUrl}${urlPath}`, { method, agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          if ((res.statusCode ?? 0) >= 300) reject(new Error(`${method} ${urlPath}: ${res.statusCode} ${text.slice(0, 200)}`));
          else resolve(text ? JSON.parse(text) : undefined);
        });
        res.on("error", reject);
      });
      req.on("error", reject);
      req.end(data);
    });
}

export async function fetchToken(emulator: IscEmulator): Promise<string> {
  const response = await fetch(`${emulator.url}/oauth/token`, {
    method: "POST",
    body: new URLSearchParams({ grant_type: "client_credentials", client_id: emulator.credentials.clientId, client_secret: emulator.credentials.clientSecret }),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}
