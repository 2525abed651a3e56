/** What check is called on: a provider in-process (`LooseProvider`) or the provider host over gRPC (`ProviderHost`). */
export interface Checker {
  check(olds: object, news: object): Promise<{ inputs?: Record<string, unknown>; failures?: readonly unknown[] }>;
}

/**
 * `checked(olds, news)`: check as the engine runs it before a create (`olds` undefined) or an update, which must
 * accept the inputs (no failures); the checked inputs.
 */
export function checkedBy(
  checker: Checker,
): (olds: object | undefined, news: object) => Promise<Record<string, unknown>> {
  return async (olds, news) => {
    const result = await checker.check(olds ?? {}, news);
    expect(result.failures ?? []).toEqual([]);
    return result.inputs ?? {};
  };
}
