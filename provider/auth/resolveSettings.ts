import { ConfigurationError } from "../api/errors.js";

/**
 * Settings a caller may pass explicitly; every field may also come from stack config (`modelarts:<field>`)
 * or the environment. Field names are the stack config keys.
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
  iamEndpoint: string;
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

interface Found {
  value: string;
  from: string;
}

/**
 * Resolves settings field by field: explicit options, then stack config `modelarts:*`, then the Huawei SDK
 * variables, then Terraform's. A missing setting is a ConfigurationError naming every place looked at.
 * Error messages name places, never values.
 */
export function resolveSettings(sources: SettingsSources): ResolvedSettings {
  const env = sources.env ?? process.env;
  const find = (field: keyof SettingsInput): Found | undefined => {
    const explicit = sources.explicit?.[field];
    if (nonEmpty(explicit)) return { value: explicit, from: `option ${field}` };
    const configured = sources.config?.(field);
    if (nonEmpty(configured)) return { value: configured, from: `stack config modelarts:${field}` };
    for (const name of ENV_NAMES[field]) {
      const value = env[name];
      if (nonEmpty(value)) return { value, from: `environment ${name}` };
    }
    return undefined;
  };
  const places = (field: keyof SettingsInput): string =>
    [`the ${field} option`, `stack config modelarts:${field}`, ...ENV_NAMES[field].map((n) => `$${n}`)].join(", ");

  const region = find("region")?.value;
  const projectId = find("projectId")?.value;
  const endpointFound = find("endpoint");

  let endpoint: string;
  if (endpointFound) {
    endpoint = checkEndpoint(endpointFound.value, endpointFound.from);
  } else if (region) {
    endpoint = defaultModelArtsEndpoint(region);
  } else {
    throw new ConfigurationError(
      `ModelArts region is not set: looked in ${places("region")} (or set the endpoint in ${places("endpoint")})`,
      "MissingRegion",
    );
  }

  const iamFound = find("iamEndpoint");
  let iamEndpoint: string;
  if (iamFound) {
    iamEndpoint = checkEndpoint(iamFound.value, iamFound.from);
  } else if (endpointFound && isLoopbackUrl(endpoint)) {
    // A loopback ModelArts endpoint is the local emulator, which serves the IAM calls too.
    iamEndpoint = endpoint;
  } else if (region) {
    iamEndpoint = `https://iam.${region}.myhuaweicloud.com`;
  } else {
    iamEndpoint = "https://iam.myhuaweicloud.com";
  }

  if (!projectId && !region) {
    throw new ConfigurationError(
      `ModelArts project id is not set and cannot be looked up without a region: looked in ${places("projectId")}; ` +
        `and for the region in ${places("region")}`,
      "MissingProjectId",
    );
  }

  return { region, projectId, endpoint, iamEndpoint, credentials: resolveCredentials(find, places) };
}

function resolveCredentials(
  find: (field: keyof SettingsInput) => Found | undefined,
  places: (field: keyof SettingsInput) => string,
): Credentials {
  const accessKey = find("accessKey");
  const secretKey = find("secretKey");
  if (accessKey || secretKey) {
    if (!accessKey) throw missing("access key", places("accessKey"), `a secret key was found in ${secretKey!.from}`);
    if (!secretKey) throw missing("secret key", places("secretKey"), `an access key was found in ${accessKey.from}`);
    const securityToken = find("securityToken")?.value;
    return { kind: "aksk", accessKey: accessKey.value, secretKey: secretKey.value, securityToken };
  }
  const token = find("authToken");
  if (token) return { kind: "token", token: token.value };
  const userName = find("userName");
  const password = find("password");
  if (userName || password) {
    if (!userName) throw missing("IAM user name", places("userName"), `a password was found in ${password!.from}`);
    if (!password) throw missing("IAM password", places("password"), `a user name was found in ${userName.from}`);
    const domainName = find("domainName");
    if (!domainName) throw missing("IAM account (domain) name", places("domainName"), "it is needed for password auth");
    return { kind: "password", userName: userName.value, password: password.value, domainName: domainName.value };
  }
  throw new ConfigurationError(
    "No ModelArts credentials found. Looked for an access key in " +
      places("accessKey") +
      "; a secret key in " +
      places("secretKey") +
      "; a token in " +
      places("authToken") +
      "; an IAM user in " +
      places("userName") +
      " with " +
      places("password") +
      " and " +
      places("domainName"),
    "MissingCredentials",
  );
}

function missing(what: string, where: string, why: string): ConfigurationError {
  return new ConfigurationError(`ModelArts ${what} is not set (${why}): looked in ${where}`, "MissingCredentials");
}

/** `https://modelarts.{region}.myhuaweicloud.com`, except ap-southeast-1 which ends in `.cn` (§8.1). */
export function defaultModelArtsEndpoint(region: string): string {
  if (!/^[a-z0-9-]+$/.test(region)) {
    throw new ConfigurationError(`ModelArts region must look like "cn-north-4" (got "${region}")`, "InvalidRegion");
  }
  const domain = region === "ap-southeast-1" ? "myhuaweicloud.cn" : "myhuaweicloud.com";
  return `https://modelarts.${region}.${domain}`;
}

/** Endpoints are https; plain http is only for loopback (the emulator), so no credential crosses a network in clear. */
export function checkEndpoint(value: string, from: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigurationError(`ModelArts endpoint from ${from} is not a URL (got "${value}")`, "InvalidEndpoint");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new ConfigurationError(
      `ModelArts endpoint from ${from} must be https (got "${url.protocol}")`,
      "InvalidEndpoint",
    );
  }
  if (url.protocol === "http:" && !isLoopbackUrl(value)) {
    throw new ConfigurationError(
      `ModelArts endpoint from ${from} uses plain http, which is allowed only for loopback addresses (got host "${url.hostname}")`,
      "InvalidEndpoint",
    );
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new ConfigurationError(
      `ModelArts endpoint from ${from} must not carry credentials, a query or a fragment`,
      "InvalidEndpoint",
    );
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
