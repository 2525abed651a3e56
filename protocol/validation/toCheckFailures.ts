import type { ErrorObject } from "ajv";
import { getSchemaDocument } from "./schemaDocument.js";

/**
 * One validation problem, shaped like Pulumi's `CheckFailure` (`property`, `reason`), plus the ajv keyword that
 * failed (`required`, `type`, `pattern`, ...) for callers that map problems to API error codes.
 */
export interface ValidationIssue {
  /** Path of the offending value in the data's own spelling: `storage.path`, `extendStorage[0].path`, `""` = root. */
  property: string;
  /** Sentence naming the property, the rule and the value: `name must be at most 64 characters (got 70)`. */
  reason: string;
  keyword: string;
}

export interface ToCheckFailuresOptions {
  /** Word used in reasons when the root value itself is wrong (default `"value"`). */
  rootLabel?: string;
}

type RuleText = string | ((error: ErrorObject, parentPath: string) => string);

// Custom wording for rules whose generic ajv message would mean nothing to a user. Keyed by the JSON pointer of the
// schema object holding the keyword (matched by identity with ajv's `parentSchema`, which does not depend on how ajv
// inlined a $ref) and by the keyword.
const RULES: ReadonlyArray<readonly [pointer: string, keyword: string, rule: RuleText]> = [
  ["/$defs/InstanceName", "pattern", 'may contain only letters, digits, "-" and "_"'],
  ["/$defs/InstanceId", "pattern", 'must be a notebook instance id such as "DE-<uuid>" or a UUID'],
  ["/$defs/Description", "pattern", "must not contain any of & < > \" ' /"],
  ["/$defs/GoDuration", "pattern", 'must be a positive duration such as "30s", "30m", "1h" or "1h30m"'],
  [
    "/$defs/PrintableText",
    "pattern",
    "must not contain control or invisible formatting characters (such as NUL, ESC, line breaks or right-to-left overrides)",
  ],
  [
    "/$defs/PathWithoutDotSegments",
    "not",
    'must not contain a "." or ".." segment, a backslash, or a percent-encoded ".", "/" or "\\"',
  ],
  [
    "/$defs/FlavorId",
    "pattern",
    'must be a flavor id such as "modelarts.vm.cpu.2u" (letters, digits, ".", "_" and "-")',
  ],
  ["/$defs/KeyPairName", "pattern", 'may contain only letters, digits, ".", "_" and "-" (an ECS key pair name)'],
  [
    "/$defs/HostIpv4Address",
    "pattern",
    'must be an IPv4 address such as "203.0.113.10": the API takes addresses, not CIDR ranges or IPv6 (leave ' +
      "allowedAccessIps out to allow any address)",
  ],
  [
    "/$defs/HostIpv4Address",
    "not",
    'must be the address of a host, not "0.0.0.0" or "255.255.255.255" (leave allowedAccessIps out to allow any address)',
  ],
  [
    "/$defs/NotebookTagsInput",
    "maxProperties",
    (e) =>
      `must have at most ${String((e.params as { limit?: unknown }).limit)} entries: the service keeps 20 tags per ` +
      "notebook, one of them the provider's owner tag",
  ],
  ["/$defs/Timestamp13", "pattern", "must be a 13-digit epoch-milliseconds string"],
  ["/$defs/ListResponse/properties/total_count", "pattern", "must be a number or a string of digits"],
  ["/$defs/ObsPathWithoutScheme", "not", 'must be a path such as "/bucket/dir/", without a scheme such as "obs://"'],
  ["/$defs/PathStartsWithSlash", "pattern", 'must start with "/"'],
  ["/$defs/PathEndsWithSlash", "pattern", 'must end with "/"'],
  ["/$defs/PathWithoutEmptySegments", "not", 'must not contain "//"'],
  [
    "/$defs/ObsPathNotBucketRoot",
    "pattern",
    'must be a directory inside a bucket such as "/bucket/dir/", not the bucket root',
  ],
  ["/$defs/AutoStopDurationSeconds", "minimum", (e) => between(e, "seconds")],
  ["/$defs/AutoStopDurationSeconds", "maximum", (e) => between(e, "seconds")],
  ["/$defs/AutoStopInput/then", "required", (_e, parent) => `is required when ${joinKey(parent, "enabled")} is true`],
  ["/$defs/StorageInput/properties/type", "const", 'must be "obs", the only storage type of the demanager API'],
  ["/$defs/NotebookName", "pattern", 'may contain only letters, digits, "-" and "_"'],
  ["/$defs/NotebookDescription", "pattern", "must not contain any of & < > \" ' /"],
  ["/$defs/NotebookWorkspaceId", "pattern", 'must be "0" or 32 lower-case letters and digits'],
  [
    "/$defs/NotebookTag/properties/key",
    "pattern",
    "may contain only letters, digits, spaces and _ . : = + - @, must not start or end with a space, and must not start with _sys_",
  ],
  ["/$defs/NotebookTag/properties/value", "pattern", "may contain only letters, digits, spaces and _ . : = + - @ /"],
  ["/$defs/Uuid", "pattern", 'must be a UUID such as "0b5c7a3e-1f2d-4c6b-8a9e-3d4f5a6b7c8d"'],
  [
    "/$defs/NotebookStorageMountInputs/properties/mountPath",
    "pattern",
    'must be a directory directly under /data/, ending in "/", such as "/data/datasets/" (letters, digits, "_" and "-")',
  ],
];

/**
 * Turns ajv errors (from an instance with `allErrors` and `verbose`) into one `{property, reason}` per problem:
 * `if` echoes are dropped, the branches of a failed `anyOf`/`oneOf` become one issue, and repeats are removed.
 * `data` is the validated value; it tells array indices from object keys in property paths.
 */
export function toCheckFailures(
  errors: readonly ErrorObject[] | null | undefined,
  data?: unknown,
  options: ToCheckFailuresOptions = {},
): ValidationIssue[] {
  const rootLabel = options.rootLabel ?? "value";
  const all = (errors ?? []).filter((e) => e.keyword !== "if");
  const combinators = all.filter((e) => e.keyword === "anyOf" || e.keyword === "oneOf");
  const isBranchError = (e: ErrorObject): boolean =>
    combinators.some((c) => c !== e && e.schemaPath.startsWith(c.schemaPath + "/"));

  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  for (const error of all) {
    if (isBranchError(error)) continue;
    const issue =
      error.keyword === "anyOf" || error.keyword === "oneOf"
        ? describeCombinator(
            error,
            all.filter((e) => e.schemaPath.startsWith(error.schemaPath + "/")),
            data,
            rootLabel,
          )
        : toIssue(error, data, rootLabel);
    const key = `${issue.property}\u0000${issue.reason}`;
    if (!seen.has(key)) {
      seen.add(key);
      issues.push(issue);
    }
  }
  return issues;
}

interface Explained {
  property: string;
  rule: string;
  got?: string;
}

function toIssue(e: ErrorObject, root: unknown, rootLabel: string): ValidationIssue {
  const { property, rule, got } = explain(e, root);
  return { property, reason: sentence(property, rootLabel, rule, got), keyword: e.keyword };
}

function explain(e: ErrorObject, root: unknown): Explained {
  const parentPath = formatPath(e.instancePath, root);
  const params = e.params as Record<string, unknown>;
  const data: unknown = e.data;
  let property = parentPath;
  let rule: string;
  let got: string | undefined;

  switch (e.keyword) {
    case "required":
      property = joinKey(parentPath, String(params.missingProperty));
      rule = "is required";
      break;
    case "additionalProperties": {
      const key = String(params.additionalProperty);
      property = joinKey(parentPath, key);
      rule = "is not a known property" + suggestion(key, e.parentSchema);
      break;
    }
    case "type":
      rule = `must be ${String(params.type).split(",").map(typeName).join(" or ")}`;
      got = describeValue(data);
      break;
    case "const":
      rule = `must be ${JSON.stringify(params.allowedValue)}`;
      got = describeValue(data);
      break;
    case "enum": {
      const allowed = Array.isArray(params.allowedValues) ? (params.allowedValues as unknown[]) : [];
      const lower = typeof data === "string" ? data.toLowerCase() : undefined;
      const near = allowed.find((a) => typeof a === "string" && a.toLowerCase() === lower);
      rule = `must be one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}`;
      got = near === undefined ? describeValue(data) : `${describeValue(data)}; did you mean ${JSON.stringify(near)}?`;
      break;
    }
    case "maxLength":
      rule = `must be at most ${String(params.limit)} characters`;
      got = typeof data === "string" ? String([...data].length) : undefined;
      break;
    case "minLength":
      if (params.limit === 1) {
        rule = "must not be empty";
      } else {
        rule = `must be at least ${String(params.limit)} characters`;
        got = typeof data === "string" ? String([...data].length) : undefined;
      }
      break;
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum":
      rule = between(e);
      got = describeValue(data);
      break;
    case "pattern":
      rule = `must match the pattern ${String(params.pattern)}`;
      got = describeValue(data);
      break;
    case "maxProperties":
    case "maxItems":
      rule = `must have at most ${String(params.limit)} entries`;
      got = countOf(data);
      break;
    case "minProperties":
    case "minItems":
      rule = `must have at least ${String(params.limit)} entries`;
      got = countOf(data);
      break;
    case "uniqueItems": {
      rule = "must not list a value twice";
      const twice = Array.isArray(data) ? (data as unknown[])[Number(params.i)] : undefined;
      got = twice === undefined ? undefined : `${describeValue(twice) ?? "a value"} twice`;
      break;
    }
    case "not":
      rule = "must not have this form";
      got = describeValue(data);
      break;
    default:
      rule = e.message ?? `must satisfy the "${e.keyword}" rule`;
      got = describeValue(data);
  }

  const custom = customRule(e);
  if (custom !== undefined) rule = typeof custom === "string" ? custom : custom(e, parentPath);
  return { property, rule, got };
}

function describeCombinator(
  e: ErrorObject,
  branchErrors: readonly ErrorObject[],
  root: unknown,
  rootLabel: string,
): ValidationIssue {
  const parentPath = formatPath(e.instancePath, root);
  const branches = branchErrors.map((b) => explain(b, root));
  if (branches.length > 0 && branchErrors.every((b) => b.keyword === "required")) {
    const names = [...new Set(branches.map((b) => b.property))];
    return { property: names[0] ?? parentPath, reason: `${names.join(" or ")} is required`, keyword: e.keyword };
  }
  const rules = [...new Set(branches.map((b) => (b.property === parentPath ? b.rule : `${b.property} ${b.rule}`)))];
  const rule = rules.length > 0 ? `must satisfy one of: ${rules.join("; or ")}` : "must match one of the allowed forms";
  return {
    property: parentPath,
    reason: sentence(parentPath, rootLabel, rule, describeValue(e.data)),
    keyword: e.keyword,
  };
}

function sentence(property: string, rootLabel: string, rule: string, got: string | undefined): string {
  return `${property === "" ? rootLabel : property} ${rule}${got === undefined ? "" : ` (got ${got})`}`;
}

function between(e: ErrorObject, unit?: string): string {
  const s = (e.parentSchema ?? {}) as Record<string, unknown>;
  const suffix = unit === undefined ? "" : ` ${unit}`;
  if (typeof s.minimum === "number" && typeof s.maximum === "number") {
    return `must be between ${s.minimum} and ${s.maximum}${suffix}`;
  }
  const limit = String((e.params as { limit?: unknown }).limit);
  switch (e.keyword) {
    case "minimum":
      return `must be at least ${limit}${suffix}`;
    case "maximum":
      return `must be at most ${limit}${suffix}`;
    case "exclusiveMinimum":
      return `must be greater than ${limit}${suffix}`;
    default:
      return `must be less than ${limit}${suffix}`;
  }
}

function customRule(e: ErrorObject): RuleText | undefined {
  if (e.parentSchema === undefined) return undefined;
  const document = getSchemaDocument();
  for (const [pointer, keyword, rule] of RULES) {
    if (keyword === e.keyword && resolvePointer(document, pointer) === e.parentSchema) return rule;
  }
  return undefined;
}

function resolvePointer(doc: unknown, pointer: string): unknown {
  let node = doc;
  for (const token of pointer.split("/").slice(1)) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[decodeToken(token)];
  }
  return node;
}

function decodeToken(token: string): string {
  return token.replace(/~1/g, "/").replace(/~0/g, "~");
}

/** `/extendStorage/0/path` → `extendStorage[0].path`, using `root` to tell array indices from object keys. */
function formatPath(instancePath: string, root: unknown): string {
  if (instancePath === "") return "";
  let path = "";
  let node: unknown = root;
  for (const token of instancePath.split("/").slice(1).map(decodeToken)) {
    const isIndex = /^(0|[1-9][0-9]*)$/.test(token) && (Array.isArray(node) || node === undefined);
    path = isIndex ? `${path}[${token}]` : joinKey(path, token);
    node = node !== null && typeof node === "object" ? (node as Record<string, unknown>)[token] : undefined;
  }
  return path;
}

function joinKey(parent: string, key: string): string {
  if (!/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key)) return `${parent}[${JSON.stringify(key)}]`;
  return parent === "" ? key : `${parent}.${key}`;
}

/** "; did you mean profileId?" for a key in another case style, cut short, or off by a letter or two. */
function suggestion(key: string, parentSchema: unknown): string {
  const properties = ((parentSchema ?? {}) as { properties?: unknown }).properties;
  const known = properties !== null && typeof properties === "object" ? Object.keys(properties) : [];
  const norm = (k: string): string => k.replace(/[_-]/g, "").toLowerCase();
  const close = (k: string): boolean => {
    const [a, b] = [norm(k), norm(key)];
    return a.startsWith(b) || b.startsWith(a) || editDistance(a, b) <= 2;
  };
  const match = known.find((k) => norm(k) === norm(key)) ?? (key.length >= 4 ? known.find(close) : undefined);
  return match === undefined ? "" : `; did you mean ${match}?`;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2 || a.length > 64 || b.length > 64) return Infinity;
  let previous = Array.from({ length: b.length + 1 }, (_v, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}

function typeName(type: string): string {
  switch (type) {
    case "integer":
    case "object":
    case "array":
      return `an ${type}`;
    case "null":
      return "null";
    default:
      return `a ${type}`;
  }
}

const MAX_SHOWN = 60;

/** How many entries an object or array has, as a reason shows it. */
function countOf(value: unknown): string | undefined {
  if (Array.isArray(value)) return String(value.length);
  if (value !== null && typeof value === "object") return String(Object.keys(value).length);
  return describeValue(value);
}

/**
 * Characters JSON.stringify leaves as they are but a terminal acts on or hides (DEL, C1 controls, bidi overrides
 * and isolates, zero-width and other format characters, line and paragraph separators): escaped in a reason, so
 * an error shows the refused value as it was written.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu;

/** The value as a reason shows it; undefined when ajv ran without `verbose` (no data on errors). */
function describeValue(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  switch (typeof value) {
    case "string": {
      const chars = [...value];
      const shown = chars.length > MAX_SHOWN ? chars.slice(0, MAX_SHOWN - 1).join("") + "…" : value;
      return JSON.stringify(shown).replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
    }
    case "number":
    case "boolean":
    case "bigint":
      return String(value);
    case "object":
      return "an object";
    default:
      return typeof value;
  }
}
