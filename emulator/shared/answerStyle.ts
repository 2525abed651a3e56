/**
 * How the emulator writes the fields of its answers that are unset. `compact` (the default) leaves them out, as the
 * documented samples mostly do. `nulls` writes them the way Huawei's Java backends serialize their response objects
 * (Jackson without NON_NULL): every field the answer's shape declares and the answer lacks is written as `null`, and
 * an object field that is unset is written as that object with every field `null` (the issue-15 answer:
 * `"repository": {"id": null, "branch": null, …}`). Maps (annotations, labels) are not objects with fields and gain
 * nothing. The shapes are schema.json's, so the emulator and the provider's tolerant reader read the same contract.
 */
import { defNode, objectView, resolveRef, typesOf, type SchemaNode } from "../../protocol/validation/answerShapes.js";

export type AnswerStyle = "compact" | "nulls";

export const ANSWER_STYLES: readonly AnswerStyle[] = ["compact", "nulls"];

export const DEFAULT_ANSWER_STYLE: AnswerStyle = "compact";

/** Checks a style given at start-up, on the command line or through the admin API; throws naming the values. */
export function checkAnswerStyle(value: unknown): AnswerStyle {
  if (typeof value === "string" && (ANSWER_STYLES as readonly string[]).includes(value)) return value as AnswerStyle;
  throw new Error(`answer style must be one of ${ANSWER_STYLES.join(", ")} (got ${JSON.stringify(value)})`);
}

/** The body in the given style; `shape` is the `$defs` name of the answer (the route's `answer`). */
export function styledAnswer(style: AnswerStyle, shape: string | undefined, body: unknown): unknown {
  if (style === "compact" || shape === undefined) return body;
  return withNulls(defNode(shape), body);
}

function isDto(node: SchemaNode): boolean {
  const view = objectView(node);
  return view.properties.size > 0 && view.additional === undefined && (typesOf(node) ?? []).includes("object");
}

function withNulls(raw: SchemaNode, value: unknown): unknown {
  const node = resolveRef(raw);
  if (Array.isArray(value)) {
    return node.items === undefined ? value : value.map((item) => withNulls(node.items as SchemaNode, item));
  }
  if (value === null || typeof value !== "object" || !isDto(node)) return value;
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const [key, child] of objectView(node).properties) {
    out[key] = key in out ? withNulls(child, out[key]) : unsetValue(child);
  }
  return out;
}

/** What a Java backend writes for an unset field: null, or for an object field the object with every field null. */
function unsetValue(raw: SchemaNode): unknown {
  const node = resolveRef(raw);
  if (!isDto(node)) return null;
  return Object.fromEntries([...objectView(node).properties.keys()].map((key) => [key, null]));
}
