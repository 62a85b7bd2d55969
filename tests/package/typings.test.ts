/**
 * The published typings (dist/sdk/*.d.ts, reached through the package name as a program reaches it): a program is
 * compiled with the TypeScript compiler, and exactly the lines marked `// error` must fail to type-check.
 */
import * as path from "node:path";
import { expect } from "chai";
import ts from "typescript";

const REPO = path.resolve(__dirname, "..", "..");
// A virtual file inside the package, so `pulumi-sailpoint-isc` resolves to the built typings by self-reference.
const FIXTURE = path.join(REPO, "tests", "package", "typings-fixture.ts");

const PROGRAM = `
import * as pulumi from "@pulumi/pulumi";
import {
  ClusterLogConfig, OAuthClient, getManagedCluster, getManagedClientStatus, getManagedClientStatusOutput,
  getOAuthClient, listManagedClusters, CLUSTER_STATUSES, MANAGED_CLIENT_STATUSES, MANAGED_CLIENT_TYPES,
  type AccessType, type ClientType, type ClusterLogConfigArgs, type ClusterStatus, type GrantType,
  type ManagedClientStatusCode, type ManagedClientType,
} from "pulumi-sailpoint-isc";

declare const clusterId: pulumi.Output<string>;
declare const oauth: OAuthClient;

new ClusterLogConfig("for-an-hour", { clusterId, rootLevel: "INFO", durationMinutes: 60 });
new ClusterLogConfig("until", { clusterId, rootLevel: "DEBUG", expiration: "2026-12-01T12:00:00Z" });
new ClusterLogConfig("default-window", { clusterId, rootLevel: "WARN", logLevels: { "sailpoint.connector": "DEBUG" } });
new ClusterLogConfig("both", { clusterId, rootLevel: "INFO", durationMinutes: 60, expiration: "2026-12-01T12:00:00Z" }); // error
const computed = { clusterId, rootLevel: "INFO" as const, durationMinutes: 60, expiration: "2026-12-01T12:00:00Z" };
const bothComputed: ClusterLogConfigArgs = computed; // error

void listManagedClusters({ name: "prod", type: "iai", status: "FAILED", operational: false });
void listManagedClusters({ status: "BROKEN" }); // error
void listManagedClusters({ type: "kubernetes" }); // error
void getManagedClientStatus({ id: "1", type: "VA" });
void getManagedClientStatus({ id: "1", type: "VM" }); // error
void getManagedClientStatusOutput({ id: clusterId, type: pulumi.output<ManagedClientType>("CCG") });

export async function results(): Promise<unknown[]> {
  const cluster = await getManagedCluster({ id: "1" });
  const status: ClusterStatus | undefined = cluster.status;
  const operational: boolean | undefined = cluster.operational;
  const notANumber: number | undefined = cluster.status; // error
  const client = await getOAuthClient({ id: "1" });
  const grants: GrantType[] = client.grantTypes;
  const access: AccessType = client.accessType;
  const kind: ClientType = client.type;
  const enabled: boolean = client.enabled;
  const password: "PASSWORD"[] = client.grantTypes; // error
  const report = await getManagedClientStatus({ id: "1", type: "CCG" });
  const code: ManagedClientStatusCode = report.status;
  const reportType: ManagedClientType | null = report.type;
  const online: "ONLINE" = client.accessType; // error
  return [status, operational, notANumber, grants, access, kind, enabled, password, code, reportType, online];
}

const accessOut: AccessType = {} as pulumi.Unwrap<typeof oauth.accessType>;
const typeOut: ClientType | undefined = {} as pulumi.Unwrap<typeof oauth.type>;
const onlineOut: "ONLINE" = {} as pulumi.Unwrap<typeof oauth.accessType>; // error
const statuses: readonly ClusterStatus[] = CLUSTER_STATUSES;
const codes: readonly ManagedClientStatusCode[] = MANAGED_CLIENT_STATUSES;
const clientTypes: readonly ManagedClientType[] = MANAGED_CLIENT_TYPES;
export const all = [bothComputed, accessOut, typeOut, onlineOut, statuses, codes, clientTypes];
`;

/** Line numbers (1-based) and messages of every diagnostic of the fixture. */
function diagnose(text: string): { line: number; message: string }[] {
  const options: ts.CompilerOptions = {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    skipLibCheck: true,
    noEmit: true,
    types: ["node"],
  };
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (name, language, ...rest) =>
    name === FIXTURE ? ts.createSourceFile(name, text, language) : getSourceFile.call(host, name, language, ...rest);
  host.fileExists = (name) => name === FIXTURE || fileExists.call(host, name);
  host.readFile = (name) => (name === FIXTURE ? text : readFile.call(host, name));
  const program = ts.createProgram([FIXTURE], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ({
    line: d.file ? d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1 : 0,
    message: `${d.file?.fileName ?? ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`,
  }));
}

describe("the published typings", function () {
  this.timeout(60_000);

  it("refuse exactly the programs marked as errors: both log-config timings, values outside the API's enums", () => {
    const marked = PROGRAM.split("\n").flatMap((line, i) => (line.endsWith("// error") ? [i + 1] : []));
    const diagnostics = diagnose(PROGRAM);
    const unexpected = diagnostics.filter((d) => !marked.includes(d.line));
    expect(unexpected.map((d) => `line ${d.line}: ${d.message}`), "lines that should type-check").to.deep.equal([]);
    const failing = new Set(diagnostics.map((d) => d.line));
    expect(marked.filter((line) => !failing.has(line)).map((line) => PROGRAM.split("\n")[line - 1].trim()), "lines that should fail").to.deep.equal([]);
  });

  it("resolve from the built package, not from the sources", () => {
    const diagnostics = diagnose(`import { ManagedCluster } from "pulumi-sailpoint-isc";\nexport const c: typeof ManagedCluster = ManagedCluster;\n`);
    expect(diagnostics).to.deep.equal([]);
    const resolved = ts.resolveModuleName("pulumi-sailpoint-isc", FIXTURE, { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext }, ts.sys);
    expect(resolved.resolvedModule?.resolvedFileName).to.equal(path.join(REPO, "dist", "sdk", "index.d.ts"));
  });
});
