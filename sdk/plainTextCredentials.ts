/**
 * A credential set in stack config without `--secret` (`pulumi config set modelarts:secretKey …`, a hand-edited
 * stack file, the Automation API's `setConfig` with `secret: false`) is kept in plain text: in the stack's config
 * file, and in the state, because Pulumi stores a dynamic provider's configuration (the whole stack config) there.
 * Nothing fails, so the user is told once, at `pulumi preview`, with the command that fixes it.
 *
 * The warning comes from the program's process, not the provider's: the engine does send secret config values to
 * the provider host marked as secrets, but the Node.js dynamic-provider host unwraps every value before
 * `configure` sees it [pulumi §10]. The program knows: the language host hands it the names of the secret keys
 * (`PULUMI_CONFIG_SECRET_KEYS`, also set by the Automation API), which @pulumi/pulumi reads with
 * `runtime.isConfigSecret`.
 */
import * as pulumi from "@pulumi/pulumi";
import {
  CREDENTIAL_SETTINGS,
  secretConfigCommand,
  type CredentialSetting,
} from "../provider/settings/resolveSettings.js";
import { CONFIG_NAMESPACE } from "../provider/settings/stackConfig.js";

/** Internal in @pulumi/pulumi (3.139 to 3.276 at least) though exported at run time; absent means "cannot tell". */
type IsConfigSecret = (fullKey: string) => boolean;

/**
 * One line per credential set in the running program's stack config but not as a secret. Nothing when the
 * @pulumi/pulumi in use cannot say which keys are secret: a warning that may be wrong is worse than none.
 */
export function plainTextCredentialWarnings(): string[] {
  const isConfigSecret = (pulumi.runtime as { isConfigSecret?: IsConfigSecret }).isConfigSecret;
  if (typeof isConfigSecret !== "function") return [];
  return CREDENTIAL_SETTINGS.filter((field) => {
    const key = `${CONFIG_NAMESPACE}:${field}`;
    const value = pulumi.runtime.getConfig(key);
    return value !== undefined && value.trim() !== "" && !isConfigSecret(key);
  }).map(warningFor);
}

function warningFor(field: CredentialSetting): string {
  return (
    `${CONFIG_NAMESPACE}:${field} is set in stack config without --secret, so Pulumi keeps it unencrypted in ` +
    `the stack's configuration file and in the state: run \`${secretConfigCommand(field)}\` to store it encrypted`
  );
}

/** Warnings already given by this process: each is given once, however many resources and lookups ask. */
const given = new Set<string>();

/**
 * Logs each plain-text credential warning on the engine (a warning of the stack at `pulumi preview` and
 * `pulumi up`), once per process. Called when a resource of this package is declared and before a lookup.
 */
export function warnOfPlainTextCredentials(): void {
  for (const warning of plainTextCredentialWarnings()) {
    if (given.has(warning)) continue;
    given.add(warning);
    void pulumi.log.warn(warning);
  }
}
