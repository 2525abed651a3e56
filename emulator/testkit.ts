/** What tests and scripts that drive a whole emulator share, whichever API they call (each family has its own testkit). */
import type { Emulator } from "./index.js";
import { FAKE_NOTEBOOK_TOKEN, FAKE_OBS_CREDENTIAL, FAKE_REPOSITORY_ACCESS_TOKEN } from "./shared/defaults.js";
import { IAM_TOKEN_PREFIX } from "./tokens.js";

/**
 * Every secret an emulator knows or hands out, which nothing the provider writes may contain: its access keys
 * (AK, SK, security token), its IAM users' passwords and accepted tokens, the start of every IAM token it issues,
 * and the credentials its answers carry (OBS keys, the repository token, the notebook token).
 */
export function secretsOf(emulator: Pick<Emulator, "credentials">): string[] {
  const { accessKeys, users, tokens } = emulator.credentials;
  return [
    ...accessKeys.flatMap((k) => [k.accessKey, k.secretKey, ...(k.securityToken ? [k.securityToken] : [])]),
    ...users.map((u) => u.password),
    ...tokens,
    IAM_TOKEN_PREFIX,
    FAKE_OBS_CREDENTIAL.access_key,
    FAKE_OBS_CREDENTIAL.secret_key,
    FAKE_REPOSITORY_ACCESS_TOKEN,
    FAKE_NOTEBOOK_TOKEN,
  ];
}
