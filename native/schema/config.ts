import { API_VERSIONS, BOUNDS, DEFAULT_API_VERSION, SETTING_NAMES } from "../../provider/config";
import type { PropertySpec, ResourceSpec } from "./spec";

type SettingName = keyof typeof SETTING_NAMES;

/** What each provider setting means (validation and messages: provider/config.ts). */
const SETTING_DOCS: Record<SettingName, { type: "string" | "number"; doc: string }> = {
  baseUrl: {
    type: "string",
    doc:
      "The tenant's API root, e.g. `https://acme.api.identitynow.com`: https (plain http only for loopback addresses " +
      "such as a local emulator), without credentials, query, fragment or version suffix.",
  },
  clientId: { type: "string", doc: "Client id of the API client (a personal access token or an OAuth client)." },
  clientSecret: { type: "string", doc: "Secret of the API client." },
  apiVersion: { type: "string", doc: `API version of every request: ${API_VERSIONS.join(", ")} (default ${DEFAULT_API_VERSION}).` },
  rateLimit: {
    type: "string",
    doc: "Requests allowed per window for each client id, as `<requests>/<milliseconds>` (default `100/10000`).",
  },
  requestTimeout: {
    type: "number",
    doc: `Timeout of each request in seconds, from ${BOUNDS.timeoutSeconds.min} to ${BOUNDS.timeoutSeconds.max} (default 30).`,
  },
};

/** The schema's config variables (`sailpoint:<key>`), also the explicit provider's inputs. */
export function settingProperties(): Record<string, PropertySpec> {
  const properties: Record<string, PropertySpec> = {};
  for (const [name, setting] of Object.entries(SETTING_NAMES) as Array<[SettingName, (typeof SETTING_NAMES)[SettingName]]>) {
    const key = setting.key.slice(setting.key.indexOf(":") + 1);
    const { type, doc } = SETTING_DOCS[name];
    properties[key] = {
      type,
      description: `${doc} When unset: the \`${setting.env}\` environment variable.`,
      ...("secret" in setting && setting.secret ? { secret: true } : {}),
    };
  }
  return properties;
}

/** The provider resource (`pulumi:providers:sailpoint`): one tenant per provider. */
export function providerSpec(): ResourceSpec {
  const inputs = settingProperties();
  return {
    description:
      "The SailPoint ISC provider: one tenant per provider. The default provider reads the stack configuration " +
      "`sailpoint:*`, then the `SAIL_*` environment variables; an explicit provider takes these inputs. An explicit provider " +
      "that sets any of baseUrl, clientId and clientSecret takes all three from its inputs, never from the " +
      "`SAIL_*` variables (which could belong to another tenant).",
    inputProperties: inputs,
    properties: Object.fromEntries(Object.entries(inputs).filter(([, p]) => p.type === "string")),
  };
}
