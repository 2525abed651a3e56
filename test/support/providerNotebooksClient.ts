/**
 * A notebooks API client on the connection the in-process provider is configured with (providerOnEmulator.ts points
 * it at the file's emulator): what a provider test reads, or changes behind the provider's back, goes through the
 * same settings, signing and retries as the provider's own calls.
 */
import { NotebooksClient } from "../../provider/api/NotebooksClient.js";
import { getProviderContext } from "../../provider/frame/providerContext.js";

export async function providerNotebooksClient(): Promise<NotebooksClient> {
  return new NotebooksClient((await getProviderContext()).connection);
}
