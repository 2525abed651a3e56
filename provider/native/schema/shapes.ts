/** The shape of a value as the package schema needs it, read from schema.json's `$defs` (JsonSchemaShapes.ts). */
export type Shape =
  | { kind: "string" | "number" | "integer" | "boolean" | "any"; description?: string }
  | { kind: "enum"; name: string; values: string[]; description?: string }
  | { kind: "array"; items: Shape; description?: string }
  | { kind: "map"; values: Shape; description?: string }
  | { kind: "object"; name: string; properties: Record<string, PropertyShape>; description?: string };

export interface PropertyShape {
  shape: Shape;
  description?: string;
  required: boolean;
}

export type ObjectShape = Extract<Shape, { kind: "object" }>;

export const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A type's name without the suffix that says which side it is on (`NotebookVolumeInput` -> `NotebookVolume`). */
export function typeNameOf(name: string): string {
  return name.replace(/(Inputs?|Outputs?|Args)$/, "") || name;
}
