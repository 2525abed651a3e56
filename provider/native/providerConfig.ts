/**
 * The provider's own configuration through Pulumi's protocol: stack config `modelarts:<key>` (a default provider)
 * or the arguments of an explicit provider resource. CheckConfig reports the same problems, in the same words, as
 * the dynamic provider's check at preview; Configure hands the values to the one settings resolution
 * (settings/stackConfig.ts, then the environment as today). Secret values are only ever read, never returned in
 * plain text: CheckConfig gives back the engine's own values, secret marks included.
 */
import { CONFIG_NAMESPACE, setStackConfig, settingsProblems } from "../settings/stackConfig.js";
import { containsUnknown, unwrap, type Props } from "./propertyValues.js";
import type { CheckFailure } from "./resourceHandlers.js";

/** Keys the engine adds to a provider's inputs that are not settings. */
const ENGINE_KEYS: ReadonlySet<string> = new Set(["version", "pluginDownloadURL"]);

/** A stack config reader (`modelarts:<key>`) over settings keyed by their short name. */
export function configReader(values: Props): (fullKey: string) => string | undefined {
  return (fullKey) => {
    const prefix = `${CONFIG_NAMESPACE}:`;
    if (!fullKey.startsWith(prefix)) return undefined;
    const value = values[fullKey.slice(prefix.length)];
    // An unknown (an explicit provider's argument from a resource not yet created) is not a setting yet.
    if (value === undefined || value === null || containsUnknown(value)) return undefined;
    return typeof value === "string" ? value : JSON.stringify(value);
  };
}

/**
 * The settings of a Configure request: the arguments when the engine sends them (secrets as secret objects),
 * else the variables, keyed `modelarts:config:<key>` (values as text).
 */
export function configureValues(variables: ReadonlyMap<string, string>, args: Props | undefined): Props {
  if (args !== undefined && Object.keys(args).length > 0) return unwrap(args).plain;
  const values: Props = {};
  const prefix = `${CONFIG_NAMESPACE}:config:`;
  for (const [key, value] of variables) if (key.startsWith(prefix)) values[key.slice(prefix.length)] = value;
  return values;
}

/** Configure: every later operation resolves its settings from these values, then from the environment. */
export function configure(values: Props): void {
  setStackConfig(configReader(values));
}

/**
 * CheckConfig: the settings problems a user can fix, one line each, as the dynamic provider's check reports them
 * (no credentials, a region of the wrong form, ...). Unknown values are left to Configure.
 */
export function checkConfig(news: Props): CheckFailure[] {
  return settingsProblems(configReader(unwrap(news).plain)).map((reason) => ({ property: "", reason }));
}

/** DiffConfig: which settings changed. A change of settings updates the provider; it replaces no resource. */
export function diffConfig(olds: Props, news: Props): string[] {
  const before = unwrap(olds).plain;
  const after = unwrap(news).plain;
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter(
    (key) => !ENGINE_KEYS.has(key) && JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null),
  );
}
