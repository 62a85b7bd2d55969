/** The committed OpenAPI bundles: up to date with their spec sources (when present), self-contained, and faithful to §2. */
import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import { BUNDLE_DIR, BUNDLE_VERSIONS, defaultSpecsDir, renderBundles } from "../../scripts/bundle-specs";
import { componentSchema, enumValues, loadSpec, operations } from "../../emulator/openapi";

describe("emulator OpenAPI bundles", () => {
  it("regenerate byte-identical from the spec sources", function () {
    const specs = defaultSpecsDir();
    if (!specs || !fs.existsSync(specs)) {
      // Mocha's skip takes no reason: put it in the title the reporter prints, and on stderr.
      const reason = `SKIPPED: no spec sources (set ISC_API_SPECS to their folder${specs ? `; ${specs} does not exist` : ""}), so the committed bundles were not compared with them`;
      this.test!.title += ` — ${reason}`;
      process.stderr.write(`emulator OpenAPI bundles: ${reason}\n`);
      this.skip();
    }
    const fresh = renderBundles(specs);
    expect(Object.keys(fresh).sort()).to.deep.equal(BUNDLE_VERSIONS.map((v) => `${v}.json`).sort());
    for (const [name, content] of Object.entries(fresh)) {
      expect(fs.readFileSync(path.join(BUNDLE_DIR, name), "utf8") === content, `${name} is stale: run npx tsx scripts/bundle-specs.ts`).to.equal(true);
    }
  });

  it("contain only internal $refs that resolve", () => {
    for (const v of BUNDLE_VERSIONS) {
      const text = fs.readFileSync(path.join(BUNDLE_DIR, `${v}.json`), "utf8");
      const refs = [...text.matchAll(/"\$ref": "([^"]*)"/g)].map((m) => m[1]);
      expect(refs.length, v).to.be.greaterThan(10);
      const doc = loadSpec(v) as unknown as Record<string, unknown>;
      for (const ref of new Set(refs)) {
        expect(ref, v).to.match(/^#\/components\/(schemas|responses|parameters)\//);
        const [, , section, name] = ref.split("/");
        expect((doc.components as Record<string, Record<string, unknown>>)[section][name], `${v} ${ref}`).to.not.equal(undefined);
      }
    }
  });

  it("keep OFF a string in StandardLevel (§11.2)", () => {
    for (const v of BUNDLE_VERSIONS) expect(enumValues(v, "StandardLevel"), v).to.deep.equal(["OFF", "FATAL", "ERROR", "WARN", "INFO", "DEBUG", "TRACE"]);
  });

  it("serve each version's operations of the §2 matrix", () => {
    const ops = (v: (typeof BUNDLE_VERSIONS)[number]) => operations(v).map((o) => `${o.method} ${o.route} ${o.operationId}${o.deprecated ? " (dep)" : ""}`).sort();
    expect(ops("v3").filter((o) => o.includes("manualUpgrade") || o.includes("cluster-types") || o.includes("health"))).to.deep.equal([]);
    expect(ops("v2025")).to.include("POST /managed-clusters/{id}/manualUpgrade update");
    expect(ops("v2025")).to.deep.equal(ops("v2026"));
    expect(ops("v1")).to.deep.equal(ops("v2025").filter((o) => !o.includes("managed-cluster-types")));
    expect(ops("beta")).to.deep.equal([
      "GET /managed-clients/{id}/status getManagedClientStatus (dep)",
      "GET /managed-clusters getManagedClusters (dep)",
      "GET /managed-clusters/{id} getManagedCluster (dep)",
      "GET /managed-clusters/{id}/log-config getClientLogConfiguration (dep)",
      "GET /oauth-clients listOauthClients",
      "GET /oauth-clients/{id} getOauthClient",
      "DELETE /oauth-clients/{id} deleteOauthClient",
      "PATCH /oauth-clients/{id} patchOauthClient",
      "POST /managed-clients/{id}/status updateManagedClientStatus (dep)",
      "POST /oauth-clients createOauthClient",
      "PUT /managed-clusters/{id}/log-config putClientLogConfiguration (dep)",
    ].sort());
    expect(componentSchema("beta", "ClientLogConfiguration").required).to.deep.equal(["durationMinutes", "rootLevel"]);
  });
});
