import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";

/** One vector of signing-vectors.json (see [signing §4] for the fields). */
export interface SigningVector {
  id: string;
  conformance: boolean;
  input: {
    method: string;
    url: string;
    headers: Record<string, string>;
    body: string;
    ak: string;
    sk: string;
    date: string;
    isoDate: string;
    signHost?: boolean;
  };
  expected: {
    canonicalRequest: string;
    stringToSign: string;
    signedHeaders: string;
    signature: string;
    authorization: string;
    headersAddedBySigner?: Record<string, string>;
  };
}

export interface SigningVectorFile {
  encodingVectors: { source: string; query: [string, string][]; canonicalQuery: string }[];
  vectors: SigningVector[];
}

/** The repo copy: keeps the tests self-contained. */
export const REPO_COPY = path.join(__dirname, "signing-vectors.json");
/** An optional larger copy kept outside the repository (held-back vectors, [signing §4]); run too when present. */
export const SHARED_REFERENCE = path.resolve(
  __dirname,
  "..",
  "..",
  "..",
  "..",
  "shared",
  "reference",
  "signing-vectors.json",
);

export function readVectorFile(file: string): SigningVectorFile {
  return JSON.parse(readFileSync(file, "utf8")) as SigningVectorFile;
}

/** [file, contents] of the repo copy, and of the external copy when it is present. */
export function vectorSources(): [string, SigningVectorFile][] {
  const sources: [string, SigningVectorFile][] = [[REPO_COPY, readVectorFile(REPO_COPY)]];
  if (existsSync(SHARED_REFERENCE)) sources.push([SHARED_REFERENCE, readVectorFile(SHARED_REFERENCE)]);
  return sources;
}
