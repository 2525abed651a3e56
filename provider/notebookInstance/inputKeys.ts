import type { NotebookInstanceInputs } from "./types.js";

/** Every input key, so that outputs (which repeat the inputs) can be split back into inputs on refresh. */
export const INPUT_KEYS = [
  "name",
  "namePrefix",
  "profileId",
  "flavor",
  "description",
  "storage",
  "extendStorage",
  "autoStop",
  "annotations",
  "workspaceId",
  "pool",
  "aiProjectId",
  "desiredStatus",
  "timeouts",
  "adoptId",
] as const satisfies readonly (keyof NotebookInstanceInputs)[];

/** The input part of stored outputs, internal `__` keys (the owner key) included. */
export function inputsOf(props: Record<string, unknown>): Record<string, unknown> {
  const inputs: Record<string, unknown> = {};
  for (const key of INPUT_KEYS) if (props[key] !== undefined) inputs[key] = props[key];
  for (const [key, value] of Object.entries(props)) {
    if (key.startsWith("__") && key !== "__provider" && value !== undefined) inputs[key] = value;
  }
  return inputs;
}
