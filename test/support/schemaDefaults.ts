/**
 * What schema.json says check fills in (`default`), as the paths of the inputs that carry one: a resource's tests
 * hold its check to it, since the generated types count such an input as always present after check.
 */
import schema from "../../schema.json";

type Node = Record<string, unknown>;

const defs: Record<string, Node> = schema.$defs;

function resolved(node: Node): Node {
  const ref = node.$ref;
  return typeof ref === "string" ? resolved(defs[ref.slice("#/$defs/".length)]!) : node;
}

/** Every input of `defName` (at any depth of objects) with a `default`, and that default. */
export function schemaDefaults(defName: string): { path: string[]; value: unknown }[] {
  const found: { path: string[]; value: unknown }[] = [];
  const visit = (node: Node, at: string[]) => {
    for (const [key, property] of Object.entries((resolved(node).properties ?? {}) as Record<string, Node>)) {
      if (property.default !== undefined) found.push({ path: [...at, key], value: property.default });
      visit(property, [...at, key]);
    }
  };
  visit(defs[defName]!, []);
  return found;
}

/** `inputs` with the value at `path` removed (its parent kept, or made from `parents` when absent). */
export function without(inputs: Node, path: readonly string[], parents: Node = {}): Node {
  const [key, ...rest] = path;
  const copy = { ...inputs };
  if (rest.length === 0) {
    delete copy[key!];
    return copy;
  }
  const parent = (copy[key!] ?? parents[key!]) as Node | undefined;
  if (parent === undefined) throw new Error(`no ${key} to test its default ${path.join(".")} in`);
  copy[key!] = without(parent, rest, (parents[key!] ?? {}) as Node);
  return copy;
}

export function valueAt(inputs: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Node | undefined)?.[key], inputs);
}
