/**
 * One catalogue of a resource's inputs: how a change of each one reaches the service, its default, and how two of
 * its values compare. Check fills the defaults from it, the one diff engine (changePlan.ts) walks it, update takes
 * its calls from that diff, the native package schema marks replace-on-change from it, and the SDK registers its
 * outputs from it; a test holds it equal to schema.json and the SDK's argument types, so a new field fails a test
 * instead of silently missing diff or refresh.
 */

/**
 * - `replace`: the API cannot change it in place;
 * - `update`: changed in place by the update call (PUT);
 * - `restart`: changed in place by the update call, with a stop and a start when the object is running (the API's
 *   rule);
 * - `action`: changed in place by its own call (start/stop for a power state, tags, a lease);
 * - `record`: steers the provider in later operations (timeouts: a delete reads its limit from state), so a change is
 *   an update, which records it in state and sends nothing for it (the update only reads the object, and resumes
 *   what an earlier run left);
 * - `none`: steers the provider only now (adoptId, namePrefix, allowDataLossOnReplace); a change never calls the API.
 */
export type ChangeRule = "replace" | "update" | "restart" | "action" | "record" | "none";

type Props = Record<string, unknown>;

export interface InputField {
  readonly change: ChangeRule;
  /**
   * What check fills in when the input is absent: the service's own default, so diffs compare like with like (an
   * absent value and the default are the same to the diff).
   */
  readonly default?: unknown;
  /** How two values compare when not by `same` (base/compareInputs.ts): the service's own rules for the field. */
  readonly same?: (a: unknown, b: unknown) => boolean;
  /** Whether the field changed, when that depends on more than its two values (a generated name, a power state). */
  readonly differs?: (olds: Props, news: Props) => boolean;
  /**
   * The parts of an object field whose change differs from the field's (`volume.capacityGb` grows in place while
   * the rest of `volume` needs a new object): the diff then compares the field part by part.
   */
  readonly parts?: Readonly<Record<string, ChangeRule>>;
}

/** Exactly one entry per input of `I` (internal `__` inputs excluded). */
export type InputCatalogue<I> = { readonly [K in PublicKeys<I>]-?: InputField };

/** The user-facing inputs of `I`: not the internal `__provider`, `__ownerKey`. */
export type PublicKeys<I> = Exclude<keyof I, `__${string}`> & string;

/** Any resource's catalogue. */
export type Catalogue = Readonly<Record<string, InputField>>;

/** Fills absent inputs with their catalogue defaults (a copy; the argument is not changed). */
export function withDefaults(catalogue: Catalogue, inputs: Props): Props {
  const filled = { ...inputs };
  for (const [key, field] of Object.entries(catalogue)) {
    if (field.default !== undefined && filled[key] === undefined) filled[key] = structuredClone(field.default);
  }
  return filled;
}

/** The parts of each `replace` field that change in place (`{ volume: ["capacityGb"] }`), for the package schema. */
export function inPlaceParts(catalogue: Catalogue): Record<string, string[]> {
  const parts: Record<string, string[]> = {};
  for (const [key, field] of Object.entries(catalogue)) {
    if (field.change !== "replace" || field.parts === undefined) continue;
    parts[key] = Object.entries(field.parts)
      .filter(([, rule]) => rule !== "replace")
      .map(([part]) => part);
  }
  return parts;
}

/** The inputs whose change follows one of `rules`, in catalogue order. */
export function inputsWith<C extends Record<string, InputField>>(
  catalogue: C,
  ...rules: ChangeRule[]
): (keyof C & string)[] {
  return Object.entries(catalogue)
    .filter(([, field]) => rules.includes(field.change))
    .map(([key]) => key);
}

/** The keys of a catalogue whose change follows `R` (a type: so a comparator table can be required per rule). */
export type FieldsWith<C, R extends ChangeRule> = {
  [K in keyof C]: C[K] extends { readonly change: R } ? K : never;
}[keyof C];
