/** `pulumi-sailpoint-isc adopt`: reads the tenant and writes a program that adopts what is in it. */
import * as fs from "node:fs";
import { parseArgs } from "node:util";
import { isc } from "../../provider/context";
import type { CommandIo } from "../io";
import { outputSafe } from "../safe-text";
import { commandSettings } from "../settings";
import { selection } from "./filters";
import { buildPlan } from "./plan";
import { notices, renderProgram, summary } from "./render";
import { readTenant } from "./tenant";

export const ADOPT_USAGE = `Usage: pulumi-sailpoint-isc adopt [options]

Reads the tenant's managed clusters, managed clients and OAuth clients and writes a Pulumi TypeScript program
(an index.ts) that adopts each of them with importId and its current values: \`pulumi up\` then changes nothing.

Options:
  --out FILE              write the program to FILE instead of stdout
  --stack NAME            read the settings from the stack's sailpoint:* configuration (else the SAIL_* variables)
  --include PATTERN       declare only objects matching PATTERN (repeatable): a name glob ("prod-*"), or kind:<kind>
                          (kind:cluster, kind:client, kind:oauth); a managed client also matches through its cluster
  --exclude PATTERN       leave out objects matching PATTERN (repeatable; wins over --include)
  --include-self          also declare the OAuth client this command runs as (SAIL_CLIENT_ID / sailpoint:clientId)
  --include-log-configs   declare active log configurations (they expire; \`pulumi up\` sends one PUT each)
  -h, --help              show this help`;

export async function adoptCommand(argv: string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      out: { type: "string" },
      stack: { type: "string" },
      include: { type: "string", multiple: true },
      exclude: { type: "string", multiple: true },
      "include-self": { type: "boolean" },
      "include-log-configs": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    io.stdout(`${ADOPT_USAGE}\n`);
    return 0;
  }
  selection(values.include ?? [], values.exclude ?? []); // a bad pattern fails before anything is read
  const settings = await commandSettings(values.stack, io.env ?? process.env);
  const tenant = await readTenant(isc(settings));
  const plan = await buildPlan(tenant, {
    include: values.include,
    exclude: values.exclude,
    includeSelf: values["include-self"],
    includeLogConfigs: values["include-log-configs"],
    selfClientId: settings.clientId,
  });
  const program = renderProgram(plan, { baseUrl: settings.baseUrl, apiVersion: settings.apiVersion });
  if (values.out) fs.writeFileSync(values.out, outputSafe(program));
  else io.stdout(program);
  io.stderr(`adopt: ${summary(plan)}${values.out ? ` written to ${values.out}` : ""}.\n`);
  for (const notice of notices(plan)) io.stderr(`adopt: ${notice}\n`);
  return 0;
}
