/**
 * The internal inputs: set by the SDK's classes (or by the native host from the request), kept by check, never an
 * API field, never part of a diff, never shown to users as inputs. Their names, in one place.
 */

/** The readable part of the owner mark, `<project>/<stack>/<resource>` (frame/ownerMark.ts). */
export const OWNER_KEY_INPUT = "__ownerKey";
/** The random part of the owner mark, unique to one deployment of the resource (frame/ownerMark.ts). */
export const OWNER_NONCE_INPUT = "__ownerNonce";
/** The URN the engine gives the resource, for progress lines on its row (frame/engineLogSink.ts). */
export const URN_INPUT = "__urn";
/** Pulumi's own: the serialized provider shim of a dynamic resource; it must travel with a partial failure. */
export const PROVIDER_INPUT = "__provider";

/** Every internal input a resource's stored properties keep (read's input part, a partial failure's). */
export const KEPT_INTERNAL_INPUTS = [OWNER_KEY_INPUT, OWNER_NONCE_INPUT, URN_INPUT] as const;
