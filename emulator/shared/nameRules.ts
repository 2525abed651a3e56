/**
 * The characters ModelArts refuses in a name or a description, in both API families: a name of letters, digits, `-`
 * and `_`, a description without `&<>"'/` [demanager §2.1], [notebooks §4.1]. Both answer 6334 [demanager §7.3].
 */
import { errors } from "./errors.js";

const NAME_CHAR = /[A-Za-z0-9_-]/;
const DESCRIPTION_FORBIDDEN = /[&<>"'/]/;

/** 6334 naming the first character a name may not hold; a name of another type is another check's. */
export function checkName(name: unknown): void {
  if (typeof name !== "string") return;
  const bad = [...name].find((c) => !NAME_CHAR.test(c));
  if (bad !== undefined) throw errors.badCharacter(bad);
}

/** 6334 naming the first character a description may not hold. */
export function checkDescription(description: unknown): void {
  if (typeof description !== "string") return;
  const bad = DESCRIPTION_FORBIDDEN.exec(description);
  if (bad) throw errors.badCharacter(bad[0]);
}
