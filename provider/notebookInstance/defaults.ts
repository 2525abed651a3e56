type Inputs = Record<string, unknown>;

const isPlainObject = (value: unknown): value is Inputs =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The defaults inside an input object, which the catalogue's defaults (whole fields) cannot state: the storage type
 * (`obs`, the only one this provider takes), and an auto-stop's `prompt`, which the service fills with `true`
 * [demanager §2.1], so later diffs compare like with like.
 */
export function fillInstanceDefaults(inputs: Inputs): void {
  if (isPlainObject(inputs.storage) && inputs.storage.type === undefined) {
    inputs.storage = { ...inputs.storage, type: "obs" };
  }
  if (isPlainObject(inputs.autoStop) && inputs.autoStop.prompt === undefined) {
    inputs.autoStop = { ...inputs.autoStop, prompt: true };
  }
}
