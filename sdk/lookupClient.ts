import { createHash } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";
import { createNotebooksClient } from "../provider/api/createClient.js";
import type { NotebooksClient } from "../provider/api/NotebooksClient.js";
import { isCredentialSetting, resolveSettings, type SettingsInput } from "../provider/settings/resolveSettings.js";
import { CONFIG_NAMESPACE } from "../provider/settings/stackConfig.js";
import { warnOfPlainTextCredentials } from "./plainTextCredentials.js";

/**
 * The stack config of the running program, `modelarts:*`, read the way Pulumi expects for each kind of key.
 * Credentials are secrets when set with `pulumi config set --secret`: `Config.get` on a secret is what Pulumi
 * means to warn about (pulumi/pulumi#7127), and `Config.getSecret` gives an Output, which the synchronous settings
 * reader cannot use; the runtime's `getConfig` reads the same store without either, and the value goes no further
 * than the signer.
 */
function stackConfigReader(): (key: keyof SettingsInput) => string | undefined {
  const config = new pulumi.Config(CONFIG_NAMESPACE);
  return (key) => (isCredentialSetting(key) ? pulumi.runtime.getConfig(`${config.name}:${key}`) : config.get(key));
}

const clients = new Map<string, Promise<NotebooksClient>>();

/**
 * A notebooks API client for lookups in the Pulumi program's own process (not the provider host), with the
 * provider's settings: stack config `modelarts:*`, then the environment (resolveSettings). One client per
 * distinct settings, so a program with many lookups authenticates and finds its project once. The cache key is
 * a hash: it must not be a readable copy of the credentials.
 */
export function lookupClient(env: Record<string, string | undefined> = process.env): Promise<NotebooksClient> {
  warnOfPlainTextCredentials();
  const settings = resolveSettings({ config: stackConfigReader(), env });
  const key = createHash("sha256").update(JSON.stringify(settings)).digest("hex");
  let client = clients.get(key);
  if (client === undefined) {
    client = createNotebooksClient(settings);
    // A failed set-up (a wrong password, an unknown project) is not kept: the next lookup tries again.
    client.catch(() => {
      if (clients.get(key) === client) clients.delete(key);
    });
    clients.set(key, client);
  }
  return client;
}
