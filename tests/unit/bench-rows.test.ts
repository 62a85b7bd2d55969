/**
 * `npm run bench` prints every row, a row it could not measure as `n/a: <why>`: the real-CLI rows when the CLI
 * failed (with the first error the command printed, not only its exit code), and each part that failed on its own.
 */
import { expect } from "chai";
import { cliRows } from "../../bench/scale-rows";
import { rows, whyFailed } from "../../bench/table";

const FAILED_UP = `pulumi up --yes --skip-preview exited with 1
--- stdout
 +  pulumi:pulumi:Stack bench-same-bags-dev creating (2s) error: Error serializing '() => provider'
Diagnostics:
  pulumi:pulumi:Stack (bench-same-bags-dev):
    error: Error serializing '() => provider'
`;

describe("bench rows that cannot be measured", () => {
  beforeEach(() => rows.splice(0));
  after(() => rows.splice(0));

  it("a failed command says which error it printed", () => {
    expect(whyFailed(new Error(FAILED_UP))).to.equal("pulumi up --yes --skip-preview exited with 1: Error serializing '() => provider'");
    expect(whyFailed(new Error("no pulumi on PATH"))).to.equal("no pulumi on PATH");
  });

  it("without the CLI, every real-CLI row is printed with the reason", () => {
    cliRows({ skipped: "BENCH_CLI=0" }, 300, 5);
    expect(rows.length).to.equal(10);
    expect(rows.every((row) => row.ours === "n/a: BENCH_CLI=0")).to.equal(true);
  });

  it("a part that failed leaves the other rows measured", () => {
    const peaks = { program: 300, host: 140 };
    cliRows(
      {
        leg: "Node v20.20.2, @pulumi/pulumi 3.216.0",
        resources: 3,
        runs: 1,
        previewMs: { ours: [7], noop: [9] },
        iscRequestsDuringPreviews: 0,
        previewPeakMiB: { ours: peaks, noop: peaks },
        hostPeakMiB: { idle: 100, up: 120, refresh: 130 },
        sameBagsPeakMiB: { skipped: "pulumi up exited with 1: Error serializing" },
        cappedPeakMiB: { up: 125, refresh: 135 },
        upMs: { ours: 1, noop: 1 },
        refreshMs: 1,
      },
      3,
      1,
    );
    expect(rows.filter((row) => String(row.ours).startsWith("n/a")).map((row) => row.ours)).to.deep.equal([
      "n/a: pulumi up exited with 1: Error serializing",
      "n/a: pulumi up exited with 1: Error serializing",
    ]);
    expect(rows.filter((row) => typeof row.ours === "number")).to.have.length(8);
  });
});
