/**
 * The client-side rate limit as the service counts it: requests delivered late (a busy machine, a slow network) must
 * not let the next ones crowd into the same window of the service. A scaled-down ISC (10 requests per second) counts
 * each request when it is delivered; the first requests are delivered 400 ms late.
 */
import { expect } from "chai";
import { execFileSync } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import * as path from "node:path";
import type { Settings } from "../../provider/config";
import { IscClient } from "../../provider/http/client";
import { SlidingWindowLimiter } from "../../provider/http/rate-limit";
import { maxInWindow } from "../reliability/helpers";

const LIMIT = 10;
const WINDOW_MS = 1_000;
const LATE_MS = 400;

/** Counts each API request `delay(n)` ms after it reached the socket (its delivery), then answers. */
async function countingServer(delay: (n: number) => number) {
  const counted: number[] = [];
  let n = 0;
  const srv = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.setHeader("content-type", "application/json");
      if (req.url === "/oauth/token") {
        res.end(JSON.stringify({ access_token: "token-abcdefgh", token_type: "bearer", expires_in: 600 }));
        return;
      }
      setTimeout(() => {
        counted.push(Date.now());
        res.end("[]");
      }, delay(n++));
    });
  });
  await new Promise<void>((resolve) => srv.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(srv.address() as AddressInfo).port}`;
  return { url, counted, close: () => new Promise<void>((resolve) => srv.close(() => resolve())) };
}

describe("the client-side rate limit leaves margin for delivery jitter", function () {
  this.timeout(30_000);

  it("30 requests at once, the first 10 delivered late: no window of the service counts more than the limit", async () => {
    const server = await countingServer((n) => (n < LIMIT ? LATE_MS : 0));
    try {
      const settings: Settings = {
        baseUrl: server.url,
        clientId: `jitter-${process.hrtime.bigint()}`,
        clientSecret: "secret-value-jitter",
        apiVersion: "v2025",
        rateLimit: { limit: LIMIT, windowMs: WINDOW_MS },
        timeoutMs: 5_000,
      };
      const client = new IscClient(settings);
      await Promise.all(Array.from({ length: 3 * LIMIT }, () => client.request("GET", "managed-clusters")));
      expect(server.counted).to.have.length(3 * LIMIT);
      expect(maxInWindow(server.counted, WINDOW_MS), `requests counted in the busiest ${WINDOW_MS} ms`).to.equal(LIMIT);
    } finally {
      await server.close();
    }
  });

  it("gives a slot back a window after the request finished, not after it started", async () => {
    const limiter = new SlidingWindowLimiter({ limit: 1, windowMs: 200 });
    const start = Date.now();
    const release = await limiter.acquire();
    await new Promise((resolve) => setTimeout(resolve, 300)); // the request takes longer than the window
    release();
    release(); // a second call changes nothing
    await limiter.acquire();
    expect(Date.now() - start).to.be.at.least(300 + 200);
    expect(limiter.queued).to.equal(0);
  });

  it("keeps no process alive once nothing waits for a slot", () => {
    const script = `
      const { SlidingWindowLimiter } = require(${JSON.stringify(path.resolve(__dirname, "../../provider/http/rate-limit.ts"))});
      const limiter = new SlidingWindowLimiter({ limit: 1, windowMs: 60000 });
      limiter.acquire().then((release) => release());
    `;
    const start = Date.now();
    execFileSync(process.execPath, ["--require", "tsx/cjs", "-e", script], { timeout: 20_000 });
    expect(Date.now() - start).to.be.below(15_000);
  });
});
