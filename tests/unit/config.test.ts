import { expect } from "chai";
import { ConfigError, mapConfig, resolveSettings } from "../../provider/config";

const full = {
  "sailpoint:baseUrl": "https://acme.api.identitynow.com",
  "sailpoint:clientId": "client-id",
  "sailpoint:clientSecret": "super-secret-value",
};

function problems(values: Record<string, string>, env: NodeJS.ProcessEnv = {}): string {
  try {
    resolveSettings(mapConfig(values), env);
  } catch (error) {
    expect(error).to.be.instanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("expected a ConfigError");
}

describe("provider settings", () => {
  it("reads fully-qualified stack config with the documented defaults", () => {
    const s = resolveSettings(mapConfig(full), {});
    expect(s).to.deep.include({ baseUrl: "https://acme.api.identitynow.com", clientId: "client-id", apiVersion: "v2025" });
    expect(s.rateLimit).to.deep.equal({ limit: 100, windowMs: 10_000 });
  });

  it("falls back to the SAIL_* environment variables", () => {
    const s = resolveSettings(mapConfig({}), {
      SAIL_BASE_URL: "https://acme.api.identitynow.com/",
      SAIL_CLIENT_ID: "env-id",
      SAIL_CLIENT_SECRET: "env-secret-value",
      SAIL_API_VERSION: "v3",
    });
    expect(s).to.deep.include({ baseUrl: "https://acme.api.identitynow.com", clientId: "env-id", apiVersion: "v3" });
  });

  it("prefers stack config over the environment", () => {
    const s = resolveSettings(mapConfig(full), { SAIL_CLIENT_ID: "env-id" });
    expect(s.clientId).to.equal("client-id");
  });

  it("names the key and the env variable of every missing setting, in one message", () => {
    const message = problems({});
    for (const name of ["sailpoint:baseUrl", "SAIL_BASE_URL", "sailpoint:clientId", "SAIL_CLIENT_ID", "sailpoint:clientSecret", "SAIL_CLIENT_SECRET"]) {
      expect(message).to.include(name);
    }
    expect(message).to.include("--secret sailpoint:clientSecret");
  });

  it("refuses plain http except on loopback", () => {
    expect(problems({ ...full, "sailpoint:baseUrl": "http://acme.api.identitynow.com" })).to.match(/https/);
    for (const url of ["http://127.0.0.1:8080", "http://localhost:1", "http://[::1]:9"]) {
      expect(resolveSettings(mapConfig({ ...full, "sailpoint:baseUrl": url }), {}).baseUrl).to.equal(url);
    }
  });

  it("rejects a version suffix, a malformed URL and an unknown API version", () => {
    expect(problems({ ...full, "sailpoint:baseUrl": "https://acme.api.identitynow.com/v2025" })).to.match(/without a version suffix/);
    expect(problems({ ...full, "sailpoint:baseUrl": "acme" })).to.match(/not a valid URL/);
    expect(problems({ ...full, "sailpoint:apiVersion": "v2" })).to.match(/sailpoint:apiVersion \(env SAIL_API_VERSION\) is "v2": expected one of v3, v2024, v2025, v2026/);
  });

  it("never echoes the secret", () => {
    const message = problems({ ...full, "sailpoint:baseUrl": "ftp://x", "sailpoint:apiVersion": "nope" });
    expect(message).not.to.include("super-secret-value");
  });
});
