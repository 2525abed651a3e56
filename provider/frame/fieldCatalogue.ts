/**
 * One catalogue of a resource's inputs: how a change of each one reaches the service. diff, update, check and the
 * SDK's output registration all read it, and a test holds it equal to schema.json and the SDK's argument types,
 * so a new field fails a test instead of silently missing diff or refresh.
 */

/**
 * - `replace`: the API cannot change it in place;
 * - `update`: changed in place by the update call (PUT);
 * - `restart`: changed in place, with a stop and a start when the object is running (the API's rule);
 * - `action`: changed in place by its own call (start/stop for a power state, tags, a lease);
 * - `none`: steers the provider only (timeouts, adoptId, namePrefix); a change never calls the API.
 */
export type ChangeRule = "replace" | "update" | "restart" | "action" | "none";

export interface InputField {
  readonly change: ChangeRule;
  /** What check fills in when the input is absent: the service's own default, so diffs compare like with like. */
  readonly default?: unknown;
  /** The parts of an object input whose change follows another rule than the field's (`volume.capacityGb`). */
  readonly parts?: Readonly<Record<string, ChangeRule>>;
}

/** Exactly one entry per input of `I` (internal `__` inputs excluded). */
export type InputCatalogue<I> = { readonly [K in PublicKeys<I>]-?: InputField };

/** The user-facing inputs of `I`: not the internal `__provider`, `__ownerKey`. */
export type PublicKeys<I> = Exclude<keyof I, `__${string}`> & string;

/** The inputs whose change follows one of `rules`, in catalogue order. */
export function inputsWith<C extends Record<string, InputField>>(
  catalogue: C,
  ...rules: ChangeRule[]
): (keyof C & string)[] {
  return Object.entries(catalogue)
    .filter(([, field]) => rules.includes(field.change))
    .map(([key]) => key);
}

/** Fills absent inputs with their catalogue defaults (a copy; the argument is not changed). */
export function withDefaults<C extends Record<string, InputField>>(
  catalogue: C,
  inputs: Record<string, unknown>,
): Record<string, unknown> {
  const filled = { ...inputs };
  for (const [key, field] of Object.entries(catalogue)) {
    if (field.default !== undefined && filled[key] === undefined) filled[key] = structuredClone(field.default);
  }
  return filled;
}

/** The keys of a catalogue whose change follows `R` (a type: so a comparator table can be required per rule). */
export type FieldsWith<C, R extends ChangeRule> = {
  [K in keyof C]: C[K] extends { readonly change: R } ? K : never;
}[keyof C];
