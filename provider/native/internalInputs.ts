/**
 * The internal inputs the dynamic SDK classes add for the provider (`__urn`, `__ownerKey`, `__ownerNonce`, a default
 * `namePrefix`), made here from the request's URN and the engine's random seed instead, so the verbs see what they
 * see under the dynamic host. Internal keys (`__*`) go back to the engine only as the owner mark a resource keeps in
 * its state (recordedMark.ts).
 */
import { randomBytes } from "node:crypto";
import { OWNER_KEY_INPUT, URN_INPUT } from "../base/internalInputs.js";
import type { NativeResource } from "./registry.js";

type Props = Record<string, unknown>;

export interface ParsedUrn {
  stack: string;
  project: string;
  /** The qualified type (parent types `$`-joined, then the type). */
  type: string;
  name: string;
}

/** `urn:pulumi:<stack>::<project>::<qualified type>::<name>`; the name may itself contain `::`. */
export function parseUrn(urn: string): ParsedUrn {
  const match = /^urn:pulumi:(.*?)::(.*?)::(.*?)::(.*)$/s.exec(urn);
  if (!match) throw new Error(`not a Pulumi URN: ${JSON.stringify(urn)}`);
  const [, stack, project, type, name] = match;
  return { stack: stack!, project: project!, type: type!, name: name! };
}

/** The owner key the SDK class gives a resource (`<project>/<stack>/<name>`), so both hosts mark objects alike. */
export function ownerKeyOf(urn: string): string {
  const { project, stack, name } = parseUrn(urn);
  return `${project}/${stack}/${name}`;
}

/** Inputs as a verb expects them: the URN for progress lines, the owner key, and the generated name's prefix. */
export function withInternalInputs(resource: NativeResource, urn: string, inputs: Props): Props {
  const result: Props = { ...inputs, [URN_INPUT]: urn };
  if (resource.ownerKey) result[OWNER_KEY_INPUT] = ownerKeyOf(urn);
  if (resource.generatedName && result.name === undefined && result.namePrefix === undefined) {
    result.namePrefix = parseUrn(urn).name;
  }
  return result;
}

/** What a verb returned, without the internal keys. */
export function withoutInternalKeys(props: Props): Props {
  return Object.fromEntries(Object.entries(props).filter(([key]) => !key.startsWith("__")));
}

/**
 * The owner mark's random part of a new object, from the engine's random seed of its check: 16 hex digits (64 bits),
 * as the SDK class makes it. An engine that sends no seed (an empty one) gets 64 random bits.
 */
export function ownerNonceOf(randomSeed: Uint8Array): string {
  const bytes = randomSeed.length >= 8 ? randomSeed.subarray(0, 8) : randomBytes(8);
  return Buffer.from(bytes).toString("hex");
}
