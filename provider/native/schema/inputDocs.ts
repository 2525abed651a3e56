/**
 * The documentation users read for an input, the same in the TypeScript SDK (scripts/generate/ writes it into the
 * argument types' TSDoc) and in the package schema (the other languages' SDKs): schema.json's `description`, then
 * the default check fills in (schema.json's `default`), then what a change does (the field catalogue's change
 * kind). `$comment`, the developers' note, is left out.
 */
import type { ChangeRule, InputField } from "../../frame/fieldCatalogue.js";

/** What a resource tells about its inputs: its name and how each change reaches the API. */
export interface InputDocSource {
  /** `NotebookInstance`: "Changing it replaces the notebook instance". */
  readonly resourceName: string;
  readonly catalogue: Readonly<Record<string, InputField>>;
  /** The default of each operation's timeout (`{ create: "30m", ... }`), said on the `timeouts` input. */
  readonly defaultTimeouts: Readonly<Record<string, string>>;
  /**
   * Who reads it, for what the `timeouts` input says of Pulumi's `customTimeouts`: the native plugin receives them
   * and lets them win (frame/timeouts.ts); the engine never sends them to a dynamic provider.
   */
  readonly host: "native" | "dynamic";
}

/**
 * The change kind of the input at `path` (`["volume", "capacityGb"]`): the part's own kind when the catalogue
 * gives one, else its field's. Undefined for a path the catalogue does not know.
 */
export function changeOf(catalogue: InputDocSource["catalogue"], path: readonly string[]): ChangeRule | undefined {
  const field = catalogue[path[0] ?? ""];
  if (field === undefined) return undefined;
  return path.length > 1 ? (field.parts?.[path[1]!] ?? field.change) : field.change;
}

/** What a change of an input does, in words. */
export function changeSentence(change: ChangeRule, resourceName: string): string {
  const noun = resourceName.replace(/(?<=[a-z])(?=[A-Z])/g, " ").toLowerCase();
  switch (change) {
    case "replace":
      return `Changing it replaces the ${noun}.`;
    case "restart":
      return `Changed in place: a running ${noun} is stopped, changed and started again.`;
    case "update":
    case "action":
      return "Changed in place.";
    case "record":
      return "Changed in place: an update records it, and sends ModelArts nothing for it.";
    case "none":
      return "Changing it never calls the API.";
  }
}

/** A value as a program would write it: `"0"`, `true`, `{ enabled: false, prompt: true }`. */
export function literalText(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(literalText).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).map(([key, v]) => `${key}: ${literalText(v)}`);
    return entries.length === 0 ? "{}" : `{ ${entries.join(", ")} }`;
  }
  return JSON.stringify(value);
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** How the `timeouts` input meets Pulumi's `customTimeouts` resource option, in each host. */
const CUSTOM_TIMEOUTS: Readonly<Record<InputDocSource["host"], string>> = {
  native: "Pulumi's `customTimeouts` resource option, when set for an operation, wins over it.",
  dynamic: "Pulumi's `customTimeouts` resource option has no effect on these classes: set this instead.",
};

/**
 * The documentation of the input at `path` (schema node `node`): its description, its default, the timeouts'
 * defaults and how they meet Pulumi's `customTimeouts`, and what a change does. A part of a field whose change never calls the API says nothing of changes: its
 * field does; nor do the timeouts' parts, one shape every resource shares (a mount's update records new timeouts,
 * the others' never call): the `timeouts` input says it.
 */
export function inputDoc(
  node: Readonly<Record<string, unknown>>,
  path: readonly string[],
  source: InputDocSource,
): string {
  const parts: string[] = [];
  if (typeof node.description === "string") parts.push(sentence(node.description));
  if (node.default !== undefined) parts.push(`Default \`${literalText(node.default)}\`.`);
  if (path.length === 1 && path[0] === "timeouts") {
    const defaults = Object.entries(source.defaultTimeouts).map(([operation, limit]) => `${operation} ${limit}`);
    parts.push(`Defaults: ${defaults.join(", ")}.`);
    parts.push(CUSTOM_TIMEOUTS[source.host]);
  }
  const change = changeOf(source.catalogue, path);
  if (change !== undefined && !(path.length > 1 && (change === "none" || path[0] === "timeouts"))) {
    parts.push(changeSentence(change, source.resourceName));
  }
  return parts.join(" ");
}
