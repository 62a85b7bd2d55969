/**
 * A preview needs only check and diff: loading the HTTP stack (got, our client and its rate limiter) for it would cost every preview's first
 * Check tens of milliseconds and the provider host memory. Checked on the built package in a fresh process.
 */
import { expect } from "chai";
import { execFileSync } from "node:child_process";
import path from "node:path";

const PROVIDER = path.resolve(__dirname, "../../dist/provider/index.js");

const SCRIPT = `
const provider = require(${JSON.stringify(PROVIDER)});
const config = { get: (k) => ({ "sailpoint:baseUrl": "https://acme.api.identitynow.com", "sailpoint:clientId": "id", "sailpoint:clientSecret": "secret-value" })[k] };
const inputs = {
  ManagedCluster: { name: "c" },
  ClusterLogConfig: { clusterId: "c", rootLevel: "INFO" },
  OAuthClient: { name: "o", description: "d", accessTokenValiditySeconds: 750, grantTypes: ["CLIENT_CREDENTIALS"], accessType: "OFFLINE" },
  ManagedClient: { clusterId: "c" },
};
(async () => {
  for (const [kind, news] of Object.entries(inputs)) {
    const r = provider.resource(kind);
    await r.configure({ config });
    const checked = await r.check({}, news);
    if (checked.failures.length) throw new Error(kind + " " + JSON.stringify(checked.failures));
    await r.diff("id", checked.inputs, { ...checked.inputs, name: "other" });
  }
  console.log(JSON.stringify(Object.keys(require.cache).filter((k) => /node_modules[\\\\/]got[\\\\/]|[\\\\/]provider[\\\\/]http[\\\\/](client|rate-limit)\\.js$/.test(k))));
})().catch((e) => { console.error(e); process.exit(1); });
`;

describe("the provider's check and diff path", () => {
  it("never loads the HTTP stack (got, the client, the rate limiter)", () => {
    const loaded = JSON.parse(execFileSync(process.execPath, ["-e", SCRIPT], { encoding: "utf8" })) as string[];
    expect(loaded).to.deep.equal([]);
  });
});
