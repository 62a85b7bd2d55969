/**
 * A provider instance's settings, from what the engine hands the plugin: Configure's (and CheckConfig's) arguments,
 * keyed without the package (`baseUrl`, `clientSecret`, ...), secrets wrapped. The default provider's arguments are the
 * stack's `sailpoint:*` configuration; an explicit provider's are its own. Validation and messages are the core's
 * (provider/config.ts).
 *
 * The SAIL_* variables complete what the arguments leave out, as on the dynamic door, with one rule for explicit
 * providers: one that names any of baseUrl, clientId or clientSecret takes all three from its arguments, so one
 * tenant's secret can never be sent to another tenant's URL.
 */
import { SETTING_NAMES, type ConfigSource } from "../provider/config";
import { isWrappedSecret } from "../provider/secret-wire";
import { isPlainObject } from "../provider/engine/values";

type Bag = Record<string, unknown>;

const PREFIX = "sailpoint:";
const CREDENTIALS = [SETTING_NAMES.baseUrl, SETTING_NAMES.clientId, SETTING_NAMES.clientSecret];

function text(value: unknown): string | undefined {
  const plain = isWrappedSecret(value) ? value.value : value;
  if (plain === undefined || plain === null) return undefined;
  if (typeof plain === "string") return plain;
  return isPlainObject(plain) || Array.isArray(plain) ? JSON.stringify(plain) : String(plain);
}

/** The settings' source over Configure's args (and the legacy `<package>:config:<key>` variables). */
export function argumentSource(args: Bag, variables: ReadonlyMap<string, string> = new Map()): ConfigSource {
  return {
    get(key) {
      const name = key.startsWith(PREFIX) ? key.slice(PREFIX.length) : key;
      return text(args[name]) ?? variables.get(`${PREFIX}config:${name}`);
    },
  };
}

/** Whether the provider resource is the engine's default one (`default` or `default_<version>`), not a program's. */
export function isDefaultProvider(name: string | undefined): boolean {
  return !name || /^default(_|$)/.test(name);
}

/** The environment the settings may fall back on (see the rule above). */
export function settingsEnv(source: ConfigSource, defaultProvider: boolean, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  if (defaultProvider || !CREDENTIALS.some((s) => source.get(s.key) !== undefined)) return env;
  const kept = { ...env };
  for (const setting of CREDENTIALS) delete kept[setting.env];
  return kept;
}
