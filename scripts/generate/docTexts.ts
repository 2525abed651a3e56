/** The documentation generated files carry: developers' (with `$comment`) and users' (inputDocs.ts). */
import { literalText } from "../../provider/native/schema/inputDocs.js";
import { sentences } from "./docComments.js";
import type { SchemaNode } from "./schemaNodes.js";

/** For the code: the description, the default check fills in, and the developers' note. */
export function developerDoc(node: SchemaNode): string | undefined {
  const text = sentences(
    node.description as string | undefined,
    node.default === undefined ? undefined : `Default \`${literalText(node.default)}\``,
    node.$comment as string | undefined,
  );
  return text === "" ? undefined : text;
}

/** For users of an output: its description and its default, without the developers' note. */
export function outputDoc(node: SchemaNode): string | undefined {
  const text = sentences(
    node.description as string | undefined,
    node.default === undefined ? undefined : `Default \`${literalText(node.default)}\``,
  );
  return text === "" ? undefined : text;
}
