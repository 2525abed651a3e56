import { validateInputs } from "../../protocol/validation/validators.js";
import { generateName } from "./autoName.js";
import { DEFAULT_WORKSPACE_ID } from "./fieldTables.js";
import { UNKNOWN } from "./types.js";

export interface CheckFailure {
  property: string;
  reason: string;
}

export interface CheckResult {
  inputs: Record<string, unknown>;
  failures: CheckFailure[];
}

type Inputs = Record<string, unknown>;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Validates the declared inputs against schema.json and fills the defaults the service would fill, so that
 * later diffs compare like with like. Pure: never touches the network. Any value may be Pulumi's unknown
 * sentinel during preview; such values are left for the real run to check.
 */
export function checkNotebookInstance(olds: Inputs | undefined, news: Inputs): CheckResult {
  const failures = validateInputs(news, { allowUnknowns: true });
  if (failures.length > 0) return { inputs: news, failures };

  const inputs: Inputs = { ...news };
  inputs.name = resolveName(olds, news);
  // namePrefix is kept only for generated names: its presence is how diff knows a name was not declared.
  if (news.name !== undefined) delete inputs.namePrefix;
  if (inputs.description === undefined) inputs.description = "";
  if (inputs.workspaceId === undefined) inputs.workspaceId = DEFAULT_WORKSPACE_ID;
  if (isPlainObject(inputs.storage) && inputs.storage.type === undefined) {
    inputs.storage = { ...inputs.storage, type: "obs" };
  }
  // The service fills auto_stop {enable: false, prompt: true} when none is sent (§2.1).
  if (inputs.autoStop === undefined) {
    inputs.autoStop = { enabled: false, prompt: true };
  } else if (isPlainObject(inputs.autoStop) && inputs.autoStop.prompt === undefined) {
    inputs.autoStop = { ...inputs.autoStop, prompt: true };
  }
  return { inputs, failures: [] };
}

/**
 * The declared name, or a generated one. A generated name is kept across updates (the old inputs carry it);
 * on a replacement the engine checks again without old inputs, so the new instance gets a new name (derived
 * from the new inputs, so preview and up agree on it).
 */
function resolveName(olds: Inputs | undefined, news: Inputs): unknown {
  if (news.name !== undefined) return news.name;
  const prefix = news.namePrefix;
  if (prefix === UNKNOWN) return UNKNOWN;
  if (olds && typeof olds.name === "string" && olds.namePrefix === prefix && olds.namePrefix !== undefined) {
    return olds.name;
  }
  // The URN only says where the resource sits in the program: it must not change generated names.
  const { name: _name, timeouts: _timeouts, __provider: _provider, __urn: _urn, ...identity } = news;
  return generateName(typeof prefix === "string" ? prefix : "notebook", stableJson(identity));
}

/** JSON with sorted keys, so the seed does not depend on property order. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (isPlainObject(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson(value[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
