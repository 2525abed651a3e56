/**
 * An object that takes on the fields of what `start` resolves to, before the test file's first test (a jest
 * `beforeAll`), so a fixture made in beforeAll is destructured at the top of a file like a constant:
 * `const { emulator } = useProviderOnEmulator()`. `start` must resolve to a plain object whose methods are
 * closures (its own fields are copied), such as an `Emulator` or a `ProviderHost`. `stop` runs in `afterAll`.
 */
export function filledBeforeAll<T extends object>(start: () => Promise<T>, stop?: (value: T) => Promise<void>): T {
  const shell = {} as T;
  let started: T | undefined;
  beforeAll(async () => {
    started = await start();
    Object.assign(shell, started);
  }, 60_000);
  afterAll(async () => {
    if (started !== undefined) await stop?.(started);
  });
  return shell;
}
