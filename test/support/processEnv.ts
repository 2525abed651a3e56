/**
 * Sets (or, for `undefined`, removes) environment variables of this process and returns what restores them: code
 * that runs in a Pulumi program's process (the SDK's lookups) reads its settings from `process.env`.
 */
export function withProcessEnv(changes: Record<string, string | undefined>): () => void {
  const saved = Object.keys(changes).map((name) => [name, process.env[name]] as const);
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  return () => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}
