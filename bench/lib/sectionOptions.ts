/**
 * What the runner (run.ts) gives every section of the bench, from its settings and flags: one type, so that a
 * setting added there reaches each section that declares it with the same meaning.
 */
export interface SectionOptions {
  /** The Pulumi CLI (scripts/get-pulumi.sh). */
  bin: string;
  /** Resources in the stack. */
  count: number;
  /** The emulator's lifecycle speed (0.02: 50 times as fast as the real service). */
  timeScale: number;
  /** `pulumi --parallel`. */
  parallel: number;
  /** How long one CLI run may take before it counts as hung. */
  timeoutMs: number;
  /** More environment for the provider host (experiments: `--provider-env=`). */
  providerEnv?: Record<string, string>;
  log: (line: string) => void;
}
