import { prototypeFailure } from "../frame/prototypeGuard.js";
import { validateInputs } from "../../protocol/validation/validators.js";
import { UNKNOWN_VALUE as UNKNOWN } from "../base/unknownValue.js";
import { generateName } from "../base/autoName.js";
import { applyOwnerInputs, ownerMarkOf, resolveOwnerInputs } from "../frame/ownerMark.js";
import { checkTimeouts } from "../frame/timeouts.js";
import { withDefaults } from "../frame/fieldCatalogue.js";
import { INPUT_FIELDS } from "./fields.js";
import type { NotebookInstanceInputs } from "./types.js";

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
  const owner = resolveOwnerInputs(olds, news);
  const failures = [
    ...validateInputs("NotebookInstanceInputs", news, { unknown: UNKNOWN }),
    ...checkTimeouts(news.timeouts),
    ...(owner.failure ? [owner.failure] : []),
    ...(news.adoptOwnedBy !== undefined && news.adoptId === undefined
      ? [
          {
            property: "adoptOwnedBy",
            reason: "adoptOwnedBy is only for adoptId (it names the owner of the instance being adopted)",
          },
        ]
      : []),
  ];
  if (failures.length > 0) return { inputs: asCheckedInputs(news), failures };

  const inputs: Inputs = withDefaults(INPUT_FIELDS, news);
  applyOwnerInputs(inputs, owner);
  const name = resolveName(olds, news, owner);
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
 * The declared name, or a generated one. A generated name is kept across updates (the old inputs carry it). A
 * new one derives from the owner mark (core/ownerMark.ts), unique to this deployment of the resource, so two
 * stacks of the same name on different state backends never generate the same name; while the mark's random
 * part is unknown (the `pulumi preview` of a new resource or of a replacement) so is the name, so preview never
 * shows a name `up` would not use. A replacement is checked again without old inputs and gets a new mark, hence
 * a new name. Without a random part (a resource recorded before it existed, or in-process use) the name derives
 * from the inputs, as it did then.
 */
function resolveName(olds: Inputs | undefined, news: Inputs, owner: { key?: unknown; nonce?: unknown }): unknown {
  if (news.name !== undefined) return news.name;
  // An adopted instance keeps its own name: none is generated, so none can ever differ from it.
  if (news.adoptId !== undefined) return undefined;
  const prefix = news.namePrefix;
  if (prefix === UNKNOWN || owner.nonce === UNKNOWN || owner.key === UNKNOWN) return UNKNOWN;
  if (olds && typeof olds.name === "string" && olds.namePrefix === prefix && olds.namePrefix !== undefined) {
    return olds.name;
  }
  const namePrefix = typeof prefix === "string" ? prefix : "notebook";
  if (typeof owner.nonce === "string" && typeof owner.key === "string") {
    return generateName(namePrefix, ownerMarkOf({ __ownerKey: owner.key, __ownerNonce: owner.nonce }, undefined));
  }
  // The URN only says where the resource sits in the program: it must not change generated names.
  const {
    name: _name,
    timeouts: _timeouts,
    __provider: _provider,
    __urn: _urn,
    __ownerNonce: _nonce,
    ...identity
  } = news;
  return generateName(
    namePrefix,
    stableJson({ ...identity, ...(owner.key !== undefined && { __ownerKey: owner.key }) }),
  );
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
