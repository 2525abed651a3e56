/**
 * A `__proto__` input key (an own one, or one that already replaced the object's prototype on the way in) is
 * refused at check for every resource: copied into an object by assignment it would change that object's prototype.
 */
export function prototypeFailure(values: object): { property: string; reason: string } | undefined {
  const prototype: unknown = Object.getPrototypeOf(values);
  const replaced = prototype !== Object.prototype && prototype !== null;
  if (!Object.prototype.hasOwnProperty.call(values, "__proto__") && !replaced) return undefined;
  return { property: "__proto__", reason: "__proto__ is not an input" };
}
