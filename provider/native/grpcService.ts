/**
 * Pulumi's ResourceProvider gRPC service for the `modelarts` package: each RPC unpacks its request into plain
 * values, runs the handler (resourceHandlers.ts, providerConfig.ts, the registry's functions) and packs the answer.
 * RPCs not listed here (Construct, Call, Parameterize, Attach, GetMapping, Handshake) answer UNIMPLEMENTED, which the
 * engine treats as "not supported".
 */
import { readFileSync } from "node:fs";
import { PartialFailureError } from "../base/errors.js";
import { packageVersion, schemaFile } from "./packageFiles.js";
import { checkConfig, configure, configureValues, diffConfig } from "./providerConfig.js";
import { structSafe, type Props } from "./propertyValues.js";
import { FUNCTIONS } from "./registry.js";
import * as resources from "./resourceHandlers.js";
import { protoStubs } from "./protoStubs.js";

/* eslint-disable @typescript-eslint/no-explicit-any -- generated protobuf messages are untyped JavaScript */
type Call = { request: any };
type Callback = (err: unknown, response?: any) => void;

const GRPC_UNKNOWN = 2;

function toStruct(value: Props): any {
  return protoStubs().struct.Struct.fromJavaScript(structSafe(value));
}

function fromStruct(struct: any): Props | undefined {
  return struct ? (struct.toJavaScript() as Props) : undefined;
}

/**
 * A create or update that made the object and then failed: the engine records the resource with the reasons as
 * its init errors instead of losing it ([pulumi §4]); the detail travels in the status trailer.
 */
function initFailedError(err: PartialFailureError, properties: Props): unknown {
  const { provider, status, any, grpc } = protoStubs();
  const detail = new provider.ErrorResourceInitFailed();
  detail.setId(err.id);
  detail.setProperties(toStruct(properties));
  detail.setReasonsList(err.reasons);
  const packed = new any.Any();
  packed.pack(detail.serializeBinary(), "pulumirpc.ErrorResourceInitFailed");
  const rpcStatus = new status.Status();
  rpcStatus.setCode(GRPC_UNKNOWN);
  rpcStatus.setMessage(err.message);
  rpcStatus.addDetails(packed);
  const metadata = new grpc.Metadata();
  metadata.add("grpc-status-details-bin", Buffer.from(rpcStatus.serializeBinary()));
  return { code: GRPC_UNKNOWN, details: err.message, metadata };
}

function toGrpcError(err: unknown): unknown {
  if (err instanceof resources.ResourceInitFailed) return initFailedError(err.cause, err.properties);
  const message = err instanceof Error ? err.message : String(err);
  return { code: GRPC_UNKNOWN, details: message };
}

function unary(run: (request: any) => Promise<any> | any) {
  return (call: Call, callback: Callback) => {
    Promise.resolve()
      .then(() => run(call.request))
      .then(
        (response) => callback(null, response),
        (err: unknown) => callback(toGrpcError(err)),
      );
  };
}

function failuresOf(failures: resources.CheckFailure[]): any[] {
  return failures.map(({ property, reason }) => {
    const failure = new (protoStubs().provider.CheckFailure)();
    failure.setProperty(property);
    failure.setReason(reason);
    return failure;
  });
}

function diffResponse(answer: {
  changes: boolean;
  replaces: string[];
  diffs: string[];
  detailedDiff: Record<string, string>;
  deleteBeforeReplace: boolean;
}): any {
  const { provider } = protoStubs();
  const response = new provider.DiffResponse();
  response.setChanges(
    answer.changes ? provider.DiffResponse.DiffChanges.DIFF_SOME : provider.DiffResponse.DiffChanges.DIFF_NONE,
  );
  response.setReplacesList(answer.replaces);
  response.setDiffsList(answer.diffs);
  response.setDeletebeforereplace(answer.deleteBeforeReplace);
  response.setHasdetaileddiff(true);
  const detailed = response.getDetaileddiffMap();
  for (const [path, kind] of Object.entries(answer.detailedDiff)) {
    const propertyDiff = new provider.PropertyDiff();
    propertyDiff.setKind(provider.PropertyDiff.Kind[kind]);
    detailed.set(path, propertyDiff);
  }
  return response;
}

/** The service implementation, for `server.addService(ResourceProviderService, ...)`. */
export function resourceProviderService(): Record<string, unknown> {
  const { provider, plugin, empty } = protoStubs();
  return {
    getPluginInfo: unary(() => {
      const info = new plugin.PluginInfo();
      info.setVersion(packageVersion());
      return info;
    }),

    getSchema: unary((request) => {
      if (request.getVersion() > 0 && request.getSubpackageName()) {
        throw new Error(`this provider has no subpackage ${JSON.stringify(request.getSubpackageName())}`);
      }
      const response = new provider.GetSchemaResponse();
      response.setSchema(readFileSync(schemaFile(), "utf8"));
      return response;
    }),

    checkConfig: unary((request) => {
      const response = new provider.CheckResponse();
      // The engine's own values go back (secret marks included); only the failures are ours.
      response.setInputs(request.getNews());
      response.setFailuresList(failuresOf(checkConfig(fromStruct(request.getNews()) ?? {})));
      return response;
    }),

    diffConfig: unary((request) => {
      const changed = diffConfig(fromStruct(request.getOlds()) ?? {}, fromStruct(request.getNews()) ?? {});
      return diffResponse({
        changes: changed.length > 0,
        replaces: [],
        diffs: changed,
        detailedDiff: Object.fromEntries(changed.map((key) => [key, "UPDATE"])),
        deleteBeforeReplace: false,
      });
    }),

    configure: unary((request) => {
      configure(configureValues(new Map(request.getVariablesMap().entries()), fromStruct(request.getArgs())));
      const response = new provider.ConfigureResponse();
      response.setAcceptsecrets(true);
      response.setSupportspreview(true);
      response.setAcceptresources(false);
      response.setAcceptoutputs(false);
      return response;
    }),

    invoke: unary(async (request) => {
      const fn = FUNCTIONS.get(request.getTok());
      if (!fn) {
        throw new Error(
          `unknown function ${JSON.stringify(request.getTok())} (this provider serves ${[...FUNCTIONS.keys()].join(", ")})`,
        );
      }
      const result = await fn.run(resources.plainArgs(fromStruct(request.getArgs())));
      const response = new provider.InvokeResponse();
      response.setReturn(toStruct(result as Props));
      return response;
    }),

    check: unary(async (request) => {
      const { inputs, failures } = await resources.check(
        request.getType() || typeOfUrn(request.getUrn()),
        request.getUrn(),
        fromStruct(request.getOlds()),
        fromStruct(request.getNews()) ?? {},
        request.getRandomseed_asU8(),
      );
      const response = new provider.CheckResponse();
      response.setInputs(toStruct(inputs));
      response.setFailuresList(failuresOf(failures));
      return response;
    }),

    diff: unary(async (request) =>
      diffResponse(
        await resources.diff(
          request.getType() || typeOfUrn(request.getUrn()),
          request.getUrn(),
          request.getId(),
          fromStruct(request.getOlds()) ?? {},
          fromStruct(request.getNews()) ?? {},
        ),
      ),
    ),

    create: unary(async (request) => {
      const { id, properties } = await resources.create(
        request.getType() || typeOfUrn(request.getUrn()),
        request.getUrn(),
        fromStruct(request.getProperties()) ?? {},
        request.getPreview(),
        request.getTimeout(),
      );
      const response = new provider.CreateResponse();
      response.setId(id);
      response.setProperties(toStruct(properties));
      return response;
    }),

    read: unary(async (request) => {
      const result = await resources.read(
        request.getType() || typeOfUrn(request.getUrn()),
        request.getUrn(),
        request.getId(),
        fromStruct(request.getProperties()),
        fromStruct(request.getInputs()),
        readTimeout(request),
      );
      const response = new provider.ReadResponse();
      response.setId(result.id);
      if (result.properties) response.setProperties(toStruct(result.properties));
      if (result.inputs) response.setInputs(toStruct(result.inputs));
      return response;
    }),

    update: unary(async (request) => {
      const properties = await resources.update(
        request.getType() || typeOfUrn(request.getUrn()),
        request.getUrn(),
        request.getId(),
        fromStruct(request.getOlds()) ?? {},
        fromStruct(request.getNews()) ?? {},
        request.getPreview(),
        request.getTimeout(),
      );
      const response = new provider.UpdateResponse();
      response.setProperties(toStruct(properties));
      return response;
    }),

    delete: unary(async (request) => {
      await resources.remove(
        request.getType() || typeOfUrn(request.getUrn()),
        request.getUrn(),
        request.getId(),
        fromStruct(request.getProperties()) ?? {},
        request.getTimeout(),
      );
      return new empty.Empty();
    }),

    // Each operation runs to its end (a half-done create would lose its object); the engine stops sending new ones.
    cancel: unary(() => new empty.Empty()),
  };
}

/**
 * A ReadRequest's `timeout` (the engine's `customTimeouts.read`, seconds): the stubs of @pulumi/pulumi before the
 * field existed have no getter, and their reader drops the field, so the read keeps its default limit there.
 */
function readTimeout(request: any): number | undefined {
  return typeof request.getTimeout === "function" ? (request.getTimeout() as number) : undefined;
}

/** Older engines send no `type` field: the URN's last type segment is the type token. */
function typeOfUrn(urn: string): string {
  const qualified = urn.split("::")[2] ?? "";
  return qualified.slice(qualified.lastIndexOf("$") + 1);
}
/* eslint-enable @typescript-eslint/no-explicit-any */
