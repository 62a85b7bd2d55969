/** `npm run example` (the README's first command) with the real Pulumi CLI, against the emulator it starts itself. */
import { expect } from "chai";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { REPO, pulumiBinDir } from "./support/toolchain";

describe("real CLI: npm run example", function () {
  this.timeout(300_000);

  it("runs the quickstart: up, a preview with no changes, the outputs, destroy; and cleans up", function () {
    this.timeout(1_800_000);
    const env: NodeJS.ProcessEnv = { ...process.env, PATH: [pulumiBinDir(), process.env.PATH].join(path.delimiter) };
    for (const key of Object.keys(env)) if (key.startsWith("SAIL_") || key.startsWith("PULUMI_")) delete env[key];
    const run = spawnSync("npm", ["run", "example", "--silent"], { cwd: REPO, env, encoding: "utf8", timeout: 280_000 });
    const output = run.stdout + run.stderr;
    expect(run.status, output).to.equal(0);
    expect(output).to.match(/\+ 5 created/);
    expect(output, "the preview after up found nothing to do").to.match(/\$ pulumi preview --expect-no-changes[\s\S]*5 unchanged/);
    expect(output).to.match(/ciClientSecret\s+\[secret\]/);
    expect(output).to.match(/- 5 deleted/);
    expect(output).to.include("Done: created, verified free of drift, and destroyed.");
  });
});
