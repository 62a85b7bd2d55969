/** `npm run emulator` (emulator/cli.ts) as a user starts it. */
import { expect } from "chai";
import { spawnSync } from "node:child_process";
import * as net from "node:net";
import path from "node:path";

const CLI = path.resolve(__dirname, "../../emulator/cli.ts");

describe("npm run emulator", function () {
  this.timeout(60_000);

  it("on a port already in use, says so and how to pick another, and exits 1", async () => {
    const busy = net.createServer();
    await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
    const port = (busy.address() as net.AddressInfo).port;
    try {
      const run = spawnSync(process.execPath, ["--require", require.resolve("tsx/cjs"), CLI, "--port", String(port)], { encoding: "utf8", timeout: 50_000 });
      expect(run.status).to.equal(1);
      expect(run.stderr).to.include(`port ${port} is already in use`);
      expect(run.stderr).to.include("--port N").and.include("ISC_EMULATOR_PORT").and.include("--port 0");
    } finally {
      busy.close();
    }
  });
});
