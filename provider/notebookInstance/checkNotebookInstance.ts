import { prototypeFailure } from "../core/prototypeGuard.js";
import { validateInputs } from "../../protocol/validation/validators.js";
import { generateName } from "../core/autoName.js";
import { checkTimeouts } from "../core/timeouts.js";
import { withDefaults } from "../core/fieldCatalogue.js";
import { INPUT_FIELDS } from "./fields.js";
import { UNKNOWN, type NotebookInstanceInputs } from "./types.js";

export interface CheckFailure {
  property: string;
  reason: string;
}

export interface CheckResult {
  inputs: NotebookInstanceInputs;
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
export function checkNotebookInstance(oldValues: object | undefined, newValues: object): CheckResult {
  const olds = oldValues as Inputs | undefined;
  const news = newValues as Inputs;
  const protoFailure = prototypeFailure(news);
  if (protoFailure) return { inputs: asCheckedInputs({}), failures: [protoFailure] };
  const failures = [
    ...validateInputs("NotebookInstanceInputs", news, { allowUnknowns: true }),
    ...checkTimeouts(news.timeouts),
  ];
  if (failures.length > 0) return { inputs: asCheckedInputs(news), failures };

  const inputs: Inputs = withDefaults(INPUT_FIELDS, news);
  const name = resolveName(olds, news);
  if (name === undefined) delete inputs.name;
  else inputs.name = name;
  // namePrefix is kept only for generated names: its presence is how diff knows a name was not declared.
  if (news.name !== undefined) delete inputs.namePrefix;
  if (isPlainObject(inputs.storage) && inputs.storage.type === undefined) {
    inputs.storage = { ...inputs.storage, type: "obs" };
  }
  // The service fills auto_stop {enable: false, prompt: true} when none is sent [demanager §2.1].
  if (inputs.autoStop === undefined) {
    inputs.autoStop = { enabled: false, prompt: true };
  } else if (isPlainObject(inputs.autoStop) && inputs.autoStop.prompt === undefined) {
    inputs.autoStop = { ...inputs.autoStop, prompt: true };
  }
  return { inputs: asCheckedInputs(inputs), failures: [] };
}

/**
 * The one place untyped values become typed inputs: they have just been validated against schema.json's
 * `NotebookInstanceInputs` (during preview any of them may still be Pulumi's unknown sentinel). When there are
 * failures the engine does not use the inputs.
 */
function asCheckedInputs(inputs: Inputs): NotebookInstanceInputs {
  return inputs as unknown as NotebookInstanceInputs;
}

/**
 * The declared name, or a generated one. A generated name is kept across updates (the old inputs carry it);
 * on a replacement the engine checks again without old inputs, so the new instance gets a new name (derived
 * from the new inputs, so preview and up agree on it).
 */
function resolveName(olds: Inputs | undefined, news: Inputs): unknown {
  if (news.name !== undefined) return news.name;
  // An adopted instance keeps its own name: none is generated, so none can ever differ from it.
  if (news.adoptId !== undefined) return undefined;
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
