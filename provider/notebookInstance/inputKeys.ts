import { OWNER_KEY_INPUT, OWNER_NONCE_INPUT } from "../base/internalInputs.js";
import { INPUT_FIELDS } from "./fields.js";
import type { NotebookInstanceInputs } from "./types.js";

/** Every input key, so that outputs (which repeat the inputs) can be split back into inputs on refresh. */
export const INPUT_KEYS = Object.keys(INPUT_FIELDS) as (keyof typeof INPUT_FIELDS)[];

/**
 * The input part of stored outputs, with the internal owner mark. Only named keys are copied (never a key taken
 * from the data, such as `__proto__`, which would change the object's prototype).
 */
export function inputsOf(props: Partial<NotebookInstanceInputs>): NotebookInstanceInputs {
  const inputs: Record<string, unknown> = {};
  for (const key of [...INPUT_KEYS, OWNER_KEY_INPUT, OWNER_NONCE_INPUT] as const) {
    if (Object.prototype.hasOwnProperty.call(props, key) && props[key] !== undefined) inputs[key] = props[key];
  }
  // A read without declared inputs (NotebookInstance.get) has none of the required ones: observedInputs fills them.
  return inputs as unknown as NotebookInstanceInputs;
}
