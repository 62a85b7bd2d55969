/**
 * Paging is bounded: a listing stops with a clear error when a page repeats the previous one (a service that ignores
 * `offset`), when the service sends more than its own X-Total-Count, or at the hard cap; a normal listing asks for
 * the total and stops as soon as it has it. Through ManagedClustersApi.listAll against the emulator, and pageAll alone.
 */
import { expect } from "chai";
import { IscEmulator } from "../../emulator";
import { ManagedClustersApi } from "../../provider/api/managed-clusters";
import { MAX_OBJECTS, pageAll, PagingError } from "../../provider/api/paging";
import { IscClient } from "../../provider/http/client";
import { rejection } from "../support/rejection";

function clustersApi(emulator: IscEmulator): ManagedClustersApi {
  return new ManagedClustersApi(
    new IscClient({
      baseUrl: emulator.url,
      clientId: emulator.credentials.clientId,
      clientSecret: emulator.credentials.clientSecret,
      apiVersion: "v2025",
      rateLimit: { limit: 100_000, windowMs: 1000 },
      timeoutMs: 5000,
    }),
  );
}

const listRequests = (emulator: IscEmulator) => emulator.requestsTo("GET", /^\/v2025\/managed-clusters$/);

describe("bounded paging", function () {
  this.timeout(60_000);
  let emulator: IscEmulator;

  beforeEach(async () => {
    emulator = await IscEmulator.start({ rateLimit: false, validateResponses: false });
  });
  afterEach(async () => {
    await emulator.stop();
  });

  it("pages a real list with count=true and stops once it has X-Total-Count objects", async () => {
    for (let i = 0; i < 500; i++) emulator.seedCluster({ name: `c-${i}` });
    const all = await clustersApi(emulator).listAll();
    expect(all.map((c) => c.name)).to.deep.equal(Array.from({ length: 500 }, (_, i) => `c-${i}`));
    const pages = listRequests(emulator).map((r) => r.query);
    expect(pages, "two full pages make the total: no third request").to.deep.equal([
      { offset: "0", limit: "250", count: "true" },
      { offset: "250", limit: "250", count: "true" },
    ]);
  });

  it("stops with a clear error when the service ignores offset, after two requests", async () => {
    emulator.injectFault({ method: "GET", path: "/managed-clusters", endlessList: {} });
    const error = await rejection(clustersApi(emulator).listAll(), PagingError);
    expect(error.message).to.equal(
      "ISC GET /v2025/managed-clusters: paging stopped at offset 250: the page repeats the previous one (the service seems to ignore offset)",
    );
    expect(listRequests(emulator)).to.have.length(2);
  });

  it("stops when the service sends more objects than its own X-Total-Count", async () => {
    emulator.injectFault({ method: "GET", path: "/managed-clusters", endlessList: { distinctPages: true, totalCount: 600 } });
    const error = await rejection(clustersApi(emulator).listAll("name eq \"x\""), PagingError);
    expect(error.message).to.match(/paging stopped at offset 500: the service sent 750 objects but reports a total \(X-Total-Count\) of 600$/);
    expect(listRequests(emulator)).to.have.length(3);
  });

  it(`stops at the hard cap of ${MAX_OBJECTS} objects when the list never runs out and has no total`, async () => {
    emulator.injectFault({ method: "GET", path: "/managed-clusters", endlessList: { distinctPages: true } });
    const error = await rejection(clustersApi(emulator).listAll(), PagingError);
    expect(error.message).to.match(new RegExp(`paging stopped at offset ${MAX_OBJECTS}: more than ${MAX_OBJECTS} objects`));
    expect(listRequests(emulator)).to.have.length(MAX_OBJECTS / 250 + 1);
  });

  describe("pageAll", () => {
    const ids = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ id: `o${from + i}` }));

    it("advances by what arrived, and an empty or short page ends the list", async () => {
      const offsets: number[] = [];
      const all = await pageAll(async (offset) => {
        offsets.push(offset);
        return { items: offset < 6 ? ids(offset, 3) : [] };
      }, { what: "GET /x", pageSize: 3 });
      expect(all).to.have.length(6);
      expect(offsets).to.deep.equal([0, 3, 6]);
    });

    it("ignores a total that is not a count, and applies a smaller cap", async () => {
      const error = await rejection(
        pageAll(async (offset) => ({ items: ids(offset, 2), total: Number("abc") }), { what: "GET /x", pageSize: 2, maxObjects: 5 }),
        PagingError,
      );
      expect(error.message).to.equal("ISC GET /x: paging stopped at offset 4: more than 5 objects, the most one listing collects");
    });
  });
});
