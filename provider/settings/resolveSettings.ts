import { ConfigurationError } from "../base/errors.js";
import { sanitizeServiceText } from "../base/redact.js";

/**
 * Settings a caller may pass explicitly (in-process use); every field may also come from stack config
 * (`modelarts:<field>`) or the environment. Field names are the stack config keys.
 */
export interface SettingsInput {
  region?: string;
  projectId?: string;
  endpoint?: string;
  iamEndpoint?: string;
  accessKey?: string;
  secretKey?: string;
  securityToken?: string;
  authToken?: string;
  userName?: string;
  password?: string;
  domainName?: string;
}

export type Credentials =
  | { kind: "aksk"; accessKey: string; secretKey: string; securityToken?: string }
  | { kind: "token"; token: string }
  | { kind: "password"; userName: string; password: string; domainName: string };

export interface ResolvedSettings {
  region?: string;
  /** Absent when it must be looked up with GET /v3/projects?name={region}. */
  projectId?: string;
  endpoint: string;
  /** Where `endpoint` came from, e.g. `stack config modelarts:endpoint` or `the region (stack config ...)`. */
  endpointSource: string;
  iamEndpoint: string;
  iamEndpointSource: string;
  credentials: Credentials;
}

export interface SettingsSources {
  explicit?: SettingsInput;
  /** Reads stack config; the key is given without namespace (`region` means `modelarts:region`). */
  config?: (key: keyof SettingsInput) => string | undefined;
  env?: Record<string, string | undefined>;
}

/** Environment variables per field, in lookup order: Huawei SDK names first, then Terraform's (`HW_*`). */
export const ENV_NAMES: Readonly<Record<keyof SettingsInput, readonly string[]>> = {
  region: ["HUAWEICLOUD_SDK_REGION", "HW_REGION_NAME"],
  projectId: ["HUAWEICLOUD_SDK_PROJECT_ID", "HW_PROJECT_ID"],
  endpoint: ["HW_MODELARTS_ENDPOINT"],
  iamEndpoint: ["HUAWEICLOUD_SDK_IAM_ENDPOINT", "HW_IAM_ENDPOINT"],
  accessKey: ["HUAWEICLOUD_SDK_AK", "HW_ACCESS_KEY"],
  secretKey: ["HUAWEICLOUD_SDK_SK", "HW_SECRET_KEY"],
  securityToken: ["HUAWEICLOUD_SDK_SECURITY_TOKEN", "HW_SECURITY_TOKEN"],
  authToken: ["HW_AUTH_TOKEN"],
  userName: ["HW_USER_NAME"],
  password: ["HW_USER_PASSWORD"],
  domainName: ["HW_DOMAIN_NAME"],
};

/**
 * Settings that are credentials, with the placeholder a hint shows for each. Pulumi keeps stack config in the
 * stack's file and the provider's configuration in the state, both in plain text unless set with `--secret`:
 * every hint says `--secret` for these, and the SDK warns when one is set without it
 * (sdk/plainTextCredentials.ts). The access key counts: it is half of the key pair.
 */
const CREDENTIAL_PLACEHOLDERS = {
  accessKey: "<AK>",
  secretKey: "<SK>",
  securityToken: "<security token>",
  authToken: "<IAM token>",
  password: "<password>",
} as const satisfies Partial<Record<keyof SettingsInput, string>>;

export type CredentialSetting = keyof typeof CREDENTIAL_PLACEHOLDERS;

export const CREDENTIAL_SETTINGS = Object.keys(CREDENTIAL_PLACEHOLDERS) as readonly CredentialSetting[];

export function isCredentialSetting(field: keyof SettingsInput): field is CredentialSetting {
  return Object.hasOwn(CREDENTIAL_PLACEHOLDERS, field);
}

/** The command that stores a credential encrypted: `pulumi config set --secret modelarts:secretKey <SK>`. */
export function secretConfigCommand(field: CredentialSetting): string {
  return `pulumi config set --secret modelarts:${field} ${CREDENTIAL_PLACEHOLDERS[field]}`;
}

/**
 * Region names as Huawei Cloud writes them: `cn-north-4`, `ap-southeast-1`, `la-south-2`, `ae-ad-1`. A region is
 * put into host names (`modelarts.<region>.myhuaweicloud.com`, `iam.<region>...`), so nothing else may pass: a
 * region like `x@host/#` would turn the IAM URL into another host and send the IAM password there.
 */
export const REGION_PATTERN = /^[a-z]{2}(?:-[a-z]+)+-[0-9]{1,3}$/;

/**
 * Project ids as IAM gives them: 32 lower-case hexadecimal characters. The id is put into every request's path
 * (`/v1/{project_id}/...`), so nothing else may pass: `..` would turn a request for a notebook into one for another
 * path of the endpoint, signed with the user's credentials.
 */
export const PROJECT_ID_PATTERN = /^[0-9a-f]{32}$/;

interface Found {
  value: string;
  from: string;
}

/**
 * Resolves settings field by field: explicit options, then stack config `modelarts:*`, then the Huawei SDK
 * variables, then Terraform's. Every problem is a ConfigurationError with one short line per problem that
 * names only what a user can set. Messages name places, never secret values. Pure: no network.
 */
export function resolveSettings(sources: SettingsSources): ResolvedSettings {
  const { settings, problems } = inspectSettings(sources);
  if (settings === undefined) {
    throw new ConfigurationError(problems.join("\n"), "InvalidSettings");
  }
  return settings;
}

/** Like resolveSettings, but returns the problems (for `check` at preview time) instead of throwing. */
export function inspectSettings(sources: SettingsSources): { settings?: ResolvedSettings; problems: string[] } {
  const env = sources.env ?? process.env;
  const find = (field: keyof SettingsInput): Found | undefined => {
    const explicit = sources.explicit?.[field];
    if (nonEmpty(explicit)) return { value: explicit, from: `the ${field} setting` };
    const configured = sources.config?.(field);
    if (nonEmpty(configured)) return { value: configured, from: `stack config modelarts:${field}` };
    for (const name of ENV_NAMES[field]) {
      const value = env[name];
      if (nonEmpty(value)) return { value, from: `environment variable ${name}` };
    }
    return undefined;
  };
  const problems: string[] = [];

  const regionFound = find("region");
  let region: string | undefined;
  if (regionFound) {
    if (REGION_PATTERN.test(regionFound.value)) region = regionFound.value;
    else problems.push(`${settingName("region")} from ${regionFound.from} ${mustLookLikeRegion(regionFound.value)}`);
  }
  const projectFound = find("projectId");
  let projectId: string | undefined;
  if (projectFound) {
    if (PROJECT_ID_PATTERN.test(projectFound.value)) projectId = projectFound.value;
    else
      problems.push(
        `${settingName("projectId")} from ${projectFound.from} ${mustLookLikeProjectId(projectFound.value)}`,
      );
  }

  const endpointFound = find("endpoint");
  let endpoint: string | undefined;
  let endpointSource = "";
  if (endpointFound) {
    endpoint = checkEndpoint(endpointFound.value, endpointFound.from, "modelarts", problems);
    endpointSource = endpointFound.from;
  } else if (region) {
    endpoint = defaultModelArtsEndpoint(region);
    endpointSource = `the region (${regionFound!.from})`;
  } else if (!regionFound) {
    problems.push(`${settingName("region")} is not set: ${howToSet("region", "cn-north-4")}`);
  }

  const iamFound = find("iamEndpoint");
  let iamEndpoint: string | undefined;
  let iamEndpointSource = "";
  if (iamFound) {
    iamEndpoint = checkEndpoint(iamFound.value, iamFound.from, "iam", problems);
    iamEndpointSource = iamFound.from;
  } else if (endpointFound && endpoint !== undefined && isLoopbackUrl(endpoint)) {
    // A loopback ModelArts endpoint is the local emulator, which serves the IAM calls too.
    iamEndpoint = endpoint;
    iamEndpointSource = endpointSource;
  } else if (region) {
    iamEndpoint = derivedEndpoint("iam", region);
    iamEndpointSource = `the region (${regionFound!.from})`;
  } else if (!regionFound) {
    iamEndpoint = "https://iam.myhuaweicloud.com";
    iamEndpointSource = "the global IAM endpoint";
  }

  if (!projectFound && !regionFound && endpointFound) {
    problems.push(
      `${settingName("projectId")} is not set, and cannot be looked up without a region: ` +
        `${howToSet("projectId", "<project id>")}, or set the region`,
    );
  }

  const credentials = resolveCredentials(find, problems);
  if (problems.length > 0 || endpoint === undefined || iamEndpoint === undefined || credentials === undefined) {
    return { problems };
  }
  return {
    settings: { region, projectId, endpoint, endpointSource, iamEndpoint, iamEndpointSource, credentials },
    problems,
  };
}

function resolveCredentials(
  find: (field: keyof SettingsInput) => Found | undefined,
  problems: string[],
): Credentials | undefined {
  const accessKey = find("accessKey");
  const secretKey = find("secretKey");
  if (accessKey || secretKey) {
    if (!accessKey) {
      problems.push(`${notSet("accessKey", `a secret key is set in ${secretKey!.from}`)}: ${howToSet("accessKey")}`);
      return undefined;
    }
    if (!secretKey) {
      problems.push(`${notSet("secretKey", `an access key is set in ${accessKey.from}`)}: ${howToSet("secretKey")}`);
      return undefined;
    }
    const securityToken = find("securityToken")?.value;
    return { kind: "aksk", accessKey: accessKey.value, secretKey: secretKey.value, securityToken };
  }
  const token = find("authToken");
  if (token) return { kind: "token", token: token.value };
  const userName = find("userName");
  const password = find("password");
  if (userName || password) {
    if (!userName) {
      problems.push(
        `${notSet("userName", `a password is set in ${password!.from}`)}: ${howToSet("userName", "<IAM user>")}`,
      );
      return undefined;
    }
    if (!password) {
      problems.push(`${notSet("password", `a user name is set in ${userName.from}`)}: ${howToSet("password")}`);
      return undefined;
    }
    const domainName = find("domainName");
    if (!domainName) {
      problems.push(
        `${notSet("domainName", "IAM password sign-in needs the account name")}: ${howToSet("domainName", "<account>")}`,
      );
      return undefined;
    }
    return { kind: "password", userName: userName.value, password: password.value, domainName: domainName.value };
  }
  problems.push(
    `ModelArts credentials are not set: run \`${secretConfigCommand("accessKey")}\` and ` +
      `\`${secretConfigCommand("secretKey")}\` (or set HW_ACCESS_KEY and HW_SECRET_KEY); ` +
      "a token (modelarts:authToken, HW_AUTH_TOKEN) or an IAM user (modelarts:userName, modelarts:password, " +
      "modelarts:domainName) works too, each credential set with --secret",
  );
  return undefined;
}

function settingName(field: keyof SettingsInput): string {
  return `modelarts:${field}`;
}

function notSet(field: keyof SettingsInput, why: string): string {
  return `${settingName(field)} is not set (${why})`;
}

/**
 * The ways a user can set a field: the config command (with --secret and their placeholder for credentials, with
 * `example` for the rest) and the environment.
 */
function howToSet(field: keyof SettingsInput, example = "<value>"): string {
  const command = isCredentialSetting(field)
    ? secretConfigCommand(field)
    : `pulumi config set modelarts:${field} ${example}`;
  return `run \`${command}\`, or set ${ENV_NAMES[field].join(" or ")}`;
}

function mustLookLikeRegion(value: string): string {
  return `must look like "cn-north-4" or "ap-southeast-1" (got ${JSON.stringify(sanitizeServiceText(value).slice(0, 64))})`;
}

export function mustLookLikeProjectId(value: string): string {
  return (
    "must be 32 hexadecimal characters in lower case, as IAM gives it " +
    `(got ${JSON.stringify(sanitizeServiceText(value).slice(0, 64))})`
  );
}

/** `https://modelarts.{region}.myhuaweicloud.com`, except ap-southeast-1 which ends in `.cn` [demanager §8.1]. */
export function defaultModelArtsEndpoint(region: string): string {
  return derivedEndpoint("modelarts", region);
}

/**
 * A URL made from the region: the region must have the documented form, and the URL's host must be exactly the
 * host it was meant to be, so no input can redirect a derived URL (and the credentials sent to it) elsewhere.
 */
export function derivedEndpoint(service: "modelarts" | "iam", region: string): string {
  if (!REGION_PATTERN.test(region)) {
    throw new ConfigurationError(`ModelArts region ${mustLookLikeRegion(region)}`, "InvalidRegion");
  }
  const domain = service === "modelarts" && region === "ap-southeast-1" ? "myhuaweicloud.cn" : "myhuaweicloud.com";
  const host = `${service}.${region}.${domain}`;
  const url = `https://${host}`;
  if (new URL(url).host !== host) {
    throw new ConfigurationError(`the ${service} endpoint derived from the region is not ${host}`, "InvalidRegion");
  }
  return url;
}

/**
 * Endpoints are https; plain http is only for loopback (the emulator), so no credential crosses a network in
 * clear. A problem is added to `problems`. A value that does not parse as an http(s) URL is never echoed, not
 * even in part: where its user info ends cannot be told (`https://user:pa/ss@host`), and its "scheme" may be a
 * user name or a key (`AK:SK`); the message names the setting and the rule instead.
 */
export function checkEndpoint(
  value: string,
  from: string,
  service: "modelarts" | "iam",
  problems: string[],
): string | undefined {
  const example = `https://${service}.cn-north-4.myhuaweicloud.com`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    problems.push(
      `the endpoint from ${from} is not a URL: it must be an https:// URL such as ${example} ` +
        "(the value is not shown: it may hold a password)",
    );
    return undefined;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    problems.push(
      `the endpoint from ${from} must be an https:// URL such as ${example} (plain http only for loopback addresses)`,
    );
    return undefined;
  }
  if (url.protocol === "http:" && !isLoopbackUrl(value)) {
    problems.push(
      `the endpoint from ${from} uses plain http, which is allowed only for loopback addresses (got host "${url.hostname}")`,
    );
    return undefined;
  }
  if (url.username || url.password || url.search || url.hash) {
    problems.push(`the endpoint from ${from} must not carry credentials, a query or a fragment`);
    return undefined;
  }
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, "")}`;
}

export function isLoopbackUrl(value: string): boolean {
  try {
    const host = new URL(value).hostname;
    return host === "localhost" || host === "[::1]" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
  } catch {
    return false;
  }
}

function nonEmpty(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== "";
}
