/**
 * What a resource declares to the frame, once: its type, catalogue, client, statuses, mapping, the rules that are
 * its own, and its verbs as functions of a step and plain inputs. The frame (resourceVerbs.ts) owns everything
 * around them, the same for every resource: validation, defaults, owner marks and generated names, the settings
 * check, the one diff, the replacement guard, context, client, deadline, the engine's URN, operation errors,
 * partial failures, read's input part; and it builds the dynamic provider object (dynamicProvider.ts) and the
 * native host's entries from it (provider/native/registry.ts).
 */
import type { SchemaDefName } from "../../protocol/validation/validators.js";
import type { ApiConnection } from "../api/createClient.js";
import type { Subject } from "../base/operationError.js";
import type { Deadline } from "../wait/Deadline.js";
import type { ChangePlan, StatusRules } from "./changePlan.js";
import type { Catalogue } from "./fieldCatalogue.js";
import type { InputErrorCodes } from "./namedInputError.js";
import type { Step } from "./Step.js";
import type { TimeoutsInput } from "../base/sharedInputs.js";

export type Props = Record<string, unknown>;

export interface CheckFailure {
  property: string;
  reason: string;
}

/**
 * Which reported outputs an in-place update may change, so the native host's preview of an update returns every
 * other output as it is (known): `anyCall` when the update calls the API at all, `restart` when a field of change
 * kind `restart` changed (a stop and a start), `byField` per changed field (its first path segment).
 */
export interface PreviewUnknowns {
  readonly anyCall: readonly string[];
  readonly restart: readonly string[];
  readonly byField: Readonly<Record<string, readonly string[]>>;
}

/**
 * A resource: `I` its checked inputs, `O` its outputs (the inputs as applied plus what the service reports), `T` the
 * API's object, `C` the API client its verbs use.
 */
export interface ResourceDefinition<I extends object, O extends I, T, C> {
  /**
   * `Notebook`: dynamic type token `pulumi-nodejs:dynamic/modelarts:Notebook`, native `modelarts:index:Notebook`;
   * its shapes are schema.json's `<type>Inputs` and `<type>Outputs` (inputsDefOf, outputsDefOf).
   */
  readonly type: string;
  /** What messages call one object: `create notebook "dev-x" (<id>): ...`. */
  readonly kind: string;
  /** Its folder under provider/ (`storageMount`): where `npm run generate` writes its `types.ts`. */
  readonly folder: string;
  /** The TypeScript names of its inputs and outputs in `types.ts`, when they are not the `$defs` names. */
  readonly typeNames?: { readonly inputs: string; readonly outputs: string };
  readonly catalogue: Catalogue;
  /** Outputs the service reports, besides the inputs as applied. */
  readonly reportedOutputs: readonly string[];
  readonly defaultTimeouts: Required<TimeoutsInput>;
  /** API error codes about one input, named in the error a user sees. */
  readonly inputErrorCodes?: InputErrorCodes;
  /**
   * Objects carry an owner mark (`__ownerKey`, `__ownerNonce`, frame/ownerMark.ts), and, without a declared
   * `name`, a name generated from `namePrefix` (`defaultPrefix` without one) and the mark, of at most `maxLength`
   * characters.
   */
  readonly owned?: { readonly maxLength: number; readonly defaultPrefix: string };
  /** Statuses that make the next `up` replace the object, or resume what an earlier run left. */
  readonly statuses?: StatusRules;
  /** The one set of the resource's in-place updates that the native host's preview cannot know. */
  readonly previewUnknowns: PreviewUnknowns;

  /** The API client the verbs use, on the operation's connection (its deadline included). */
  client(connection: ApiConnection & { deadline?: Deadline }): C;
  /** The name messages give the resource from its inputs or outputs (a mount: its path). */
  nameOf(props: Partial<O>): string | undefined;
  /** The object's id. */
  idOf(object: T): string;
  /** The object's own name, for messages once it is known (an adopted object keeps its own); optional. */
  objectName?(object: T): string | undefined;
  /**
   * What `adoptId` may take over: `offered` finds the object it names, and refuses it (ConflictError) when it does not
   * exist, or carries another owner mark than `mark` that `adoptOwnedBy` does not name (code `AdoptOwned`); `mark` is
   * undefined at preview, where any mark is another's. The frame asks it at preview for a new adoption, and names an
   * adoption by the object's id until the object is found (the declared name may not be its name).
   */
  readonly adoption?: { offered(client: C, inputs: I, mark: string | undefined): Promise<T> };
  /**
   * The owner an object's owner mark names (`<project>/<stack>/<resource>`, as a person reads it and `adoptOwnedBy`
   * must repeat it), or undefined when it carries none: `pulumi import` of a marked object is refused
   * (importOwned.ts), since another Pulumi resource manages it.
   */
  markOwner?(object: T): string | undefined;

  /** The resource's own rules across fields, on validated inputs with the catalogue's defaults (pure). */
  rules?(olds: Props | undefined, news: Props): CheckFailure[];
  /** Defaults the catalogue cannot state (a part of an object, one that depends on another field), in place. */
  fill?(inputs: Props): void;
  /** What deleting the object deletes with it (its own storage): a replacement is refused unless accepted. */
  replacementLoss?(olds: object): string | undefined;
  /** Whether a replacement deletes first (default: always, exactly one object per resource). */
  deleteBeforeReplace?(plan: ChangePlan): boolean;
  /** Diff's part of an in-place update before `up`: what preview must refuse or say (the notebook's flavor). */
  previewUpdate?(
    client: () => Promise<C>,
    subject: Subject,
    id: string,
    olds: O,
    news: I,
    plan: ChangePlan,
  ): Promise<void>;

  /** Makes exactly one object (or adopts or resumes one); `step.saw` it as soon as its id is known. */
  create(step: Step<C, T>, inputs: I): Promise<T>;
  /** An update's first read: undefined when the object is gone (the frame then fails with "no longer exists"). */
  find(step: Step<C, T>, id: string, olds: O): Promise<T | undefined>;
  /** Brings `current` to `news`; `step.saw` it before the first call that changes anything. */
  update(step: Step<C, T>, current: T, olds: O, news: I, plan: ChangePlan): Promise<T>;
  /** A refresh's or an import's read: undefined when the API says the object is gone. */
  read(step: Step<C, T>, id: string, stored: Partial<I>): Promise<T | undefined>;
  delete(step: Step<C, T>, id: string, props: Partial<O>): Promise<void>;

  /** The outputs: the inputs as applied and what the service reports. */
  toOutputs(object: T, inputs: I): O;
  /** The inputs as the object shows them: what is applied (refresh, and a partial failure's record). */
  observedInputs(object: T, declared: I): I;
  /** What a program must declare to match the object, for a read with no stored inputs (`pulumi import`). */
  importedInputs?(object: T): I;
}

/** A definition whatever its types, as registries and hosts hold it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a registry holds definitions of every type
export type AnyDefinition = ResourceDefinition<any, any, any, any>;

/** schema.json's `$defs` entry of a resource's inputs, `<type>Inputs`: what check validates. */
export const inputsDefOf = (def: { readonly type: string }) => `${def.type}Inputs` as SchemaDefName;
/** schema.json's `$defs` entry of a resource's outputs, `<type>Outputs` (the native package schema's). */
export const outputsDefOf = (def: { readonly type: string }) => `${def.type}Outputs` as SchemaDefName;
