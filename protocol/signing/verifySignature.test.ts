import fc from "fast-check";
import { wireQueryString } from "./canonical.js";
import { signRequest } from "./signRequest.js";
import { REPO_COPY, readVectorFile } from "./testdata/signingVectors.js";
import { verifySignature, type VerifySignatureInput } from "./verifySignature.js";

const AK = "HPUAEXAMPLEACCESSKEY";
const SK = "exampleSecretKey0123456789abcdefghijklmn";
const NOW = new Date("2024-01-15T08:30:00Z");
const lookupSecret = (ak: string) => (ak === AK ? SK : undefined);

/** What a Node server would see for a request that went out with these headers (names lower-cased). */
function received(
  url: string,
  headers: Record<string, string>,
  body: string | Buffer = "",
  method = "GET",
): Omit<VerifySignatureInput, "lookupSecret"> {
  const parsed = new URL(url);
  const incoming: Record<string, string> = { host: parsed.host };
  for (const [name, value] of Object.entries(headers)) incoming[name.toLowerCase()] = value;
  return {
    method,
    path: parsed.pathname,
    rawQuery: parsed.search.slice(1),
    headers: incoming,
    body: Buffer.isBuffer(body) ? body : Buffer.from(body, "utf8"),
    now: NOW,
  };
}

function signedRequest(url: string, extra: Record<string, string> = {}, body = "", method = "GET") {
  const signed = signRequest({ method, url, headers: extra, body, accessKey: AK, secretKey: SK, date: NOW });
  return { signed, request: received(url, { ...extra, ...signed.headers }, body, method) };
}

describe("verifySignature", () => {
  const url = "https://modelarts.cn-north-4.myhuaweicloud.com/v1/p/notebooks?limit=10&offset=0";

  it("accepts the official vectors (the server side agrees with three independent signers)", () => {
    const data = readVectorFile(REPO_COPY);
    const vectors = data.vectors.filter((v) => v.conformance);
    expect(vectors.length).toBeGreaterThan(0);
    for (const v of vectors) {
      const headers = {
        ...v.input.headers,
        ...v.expected.headersAddedBySigner,
        Authorization: v.expected.authorization,
      };
      const input = { ...received(v.input.url, headers, v.input.body, v.input.method), now: new Date(v.input.isoDate) };
      if (!v.expected.headersAddedBySigner) delete (input.headers as Record<string, string>)["host"];
      const result = verifySignature({ ...input, lookupSecret: (ak) => (ak === v.input.ak ? v.input.sk : undefined) });
      expect({ id: v.id, result }).toEqual({ id: v.id, result: { ok: true, accessKey: v.input.ak } });
    }
  });

  it("accepts what signRequest produces, with a body and a security token", () => {
    const signed = signRequest({
      method: "POST",
      url,
      headers: { "Content-Type": "application/json", "X-Project-Id": "p" },
      body: '{"name":"中文"}',
      accessKey: AK,
      secretKey: SK,
      securityToken: "tok",
      date: NOW,
    });
    const request = received(
      url,
      { "Content-Type": "application/json", "X-Project-Id": "p", ...signed.headers },
      '{"name":"中文"}',
      "POST",
    );
    expect(verifySignature({ ...request, lookupSecret })).toEqual({ ok: true, accessKey: AK });
  });

  it("accepts the sent path with or without the trailing slash and the query in any order", () => {
    const { request } = signedRequest(url);
    expect(verifySignature({ ...request, path: request.path + "/", lookupSecret }).ok).toBe(true);
    expect(verifySignature({ ...request, rawQuery: "offset=0&limit=10", lookupSecret }).ok).toBe(true);
  });

  it("rejects a tampered request and returns the server's canonical request", () => {
    const { signed, request } = signedRequest(url, { "X-Project-Id": "p" });
    const tampered: Partial<VerifySignatureInput>[] = [
      { path: "/v1/p/notebooks/other" },
      { rawQuery: "limit=11&offset=0" },
      { method: "DELETE" },
      { body: Buffer.from("x") },
      { headers: { ...request.headers, "x-project-id": "q" } },
      { headers: { ...request.headers, host: "evil.example.com" } },
    ];
    for (const change of tampered) {
      const result = verifySignature({ ...request, ...change, lookupSecret });
      expect(result).toMatchObject({ ok: false, code: "SIGNATURE_MISMATCH", reason: "verify aksk signature fail" });
      if (result.ok) throw new Error("unreachable");
      expect(result.canonicalRequest).toBeDefined();
      expect(result.canonicalRequest).not.toBe(signed.canonicalRequest);
      expect(JSON.stringify(result)).not.toContain(SK);
    }
    const wrongKey = verifySignature({ ...request, lookupSecret: () => "another-secret" });
    expect(wrongKey).toMatchObject({
      ok: false,
      code: "SIGNATURE_MISMATCH",
      canonicalRequest: signed.canonicalRequest,
    });
  });

  it("honours UNSIGNED-PAYLOAD only when the client signed it", () => {
    const { request } = signedRequest(url, { "X-Sdk-Content-Sha256": "UNSIGNED-PAYLOAD" }, "abc", "PUT");
    expect(verifySignature({ ...request, body: Buffer.from("other"), lookupSecret }).ok).toBe(true);
    const plain = signedRequest(url, {}, "abc", "PUT").request;
    const sneaky = { ...plain, headers: { ...plain.headers, "x-sdk-content-sha256": "UNSIGNED-PAYLOAD" } };
    expect(verifySignature({ ...sneaky, body: Buffer.from("other"), lookupSecret }).ok).toBe(false);
  });

  it("checks the clock skew (15 minutes by default)", () => {
    const { request } = signedRequest(url);
    const at = (ms: number) => new Date(NOW.getTime() + ms);
    expect(verifySignature({ ...request, now: at(15 * 60_000), lookupSecret }).ok).toBe(true);
    expect(verifySignature({ ...request, now: at(-15 * 60_000), lookupSecret }).ok).toBe(true);
    expect(verifySignature({ ...request, now: at(15 * 60_000 + 1000), lookupSecret })).toMatchObject({
      ok: false,
      code: "SIGNATURE_EXPIRED",
    });
    expect(verifySignature({ ...request, now: at(-16 * 60_000), lookupSecret }).ok).toBe(false);
    expect(verifySignature({ ...request, now: at(61_000), maxSkewMs: 60_000, lookupSecret }).ok).toBe(false);
  });

  it("explains every other kind of failure", () => {
    const { signed, request } = signedRequest(url, { "X-Project-Id": "p" });
    const withHeaders = (headers: Record<string, string | undefined>) =>
      verifySignature({ ...request, headers: { ...request.headers, ...headers }, lookupSecret });
    const auth = signed.authorization;

    expect(withHeaders({ authorization: undefined })).toMatchObject({ code: "MISSING_AUTHORIZATION" });
    expect(withHeaders({ authorization: "Bearer x" })).toMatchObject({ code: "MALFORMED_AUTHORIZATION" });
    expect(withHeaders({ authorization: auth.replace(/Signature=\w+/, "Signature=ABC") })).toMatchObject({
      code: "MALFORMED_AUTHORIZATION",
    });
    expect(withHeaders({ authorization: auth.replace("host;x-project-id", "x-project-id;host") })).toMatchObject({
      code: "MALFORMED_AUTHORIZATION",
    });
    expect(withHeaders({ authorization: auth.replace("host;", "Host;") })).toMatchObject({
      code: "MALFORMED_AUTHORIZATION",
    });
    expect(withHeaders({ authorization: auth.replace(";x-sdk-date", "") })).toMatchObject({ code: "DATE_NOT_SIGNED" });
    expect(withHeaders({ "x-sdk-date": undefined })).toMatchObject({ code: "INVALID_SDK_DATE" });
    expect(withHeaders({ "x-sdk-date": "20241301T000000Z" })).toMatchObject({ code: "INVALID_SDK_DATE" });
    expect(withHeaders({ "x-project-id": undefined })).toMatchObject({
      code: "SIGNED_HEADER_MISSING",
      reason: 'signed header "x-project-id" is not in the request',
    });
    expect(withHeaders({ authorization: auth.replace(AK, "OTHERAK") })).toMatchObject({ code: "UNKNOWN_ACCESS_KEY" });
  });

  it("accepts a minimal signed-header set (x-sdk-date only), like the gateway", () => {
    const signed = signRequest({ method: "GET", url, accessKey: AK, secretKey: SK, date: NOW, signHost: false });
    const request = received(url, signed.headers);
    expect(signed.signedHeaders).toBe("x-sdk-date");
    expect(verifySignature({ ...request, lookupSecret }).ok).toBe(true);
  });

  it("joins repeated incoming header values the way Node does", () => {
    const { request } = signedRequest(url, { "X-Tag": "a, b" });
    const headers = { ...request.headers, "x-tag": ["a", "b"] };
    expect(verifySignature({ ...request, headers, lookupSecret }).ok).toBe(true);
  });

  it("round-trips arbitrary paths, queries, headers and bodies", () => {
    const text = fc.string({ unit: "grapheme", maxLength: 8 });
    fc.assert(
      fc.property(
        fc.array(
          text.filter((s) => s !== "" && s !== "." && s !== ".."),
          { minLength: 1, maxLength: 3 },
        ),
        fc.array(fc.tuple(text, text), { maxLength: 4 }),
        fc.stringMatching(/^[\x21-\x7e]{1,12}$/),
        fc.uint8Array({ maxLength: 64 }),
        (segments, query, headerValue, body) => {
          const wire = wireQueryString(query);
          const target = `https://h.example.com/${segments.map(encodeURIComponent).join("/")}${wire ? "?" + wire : ""}`;
          const headers = { "X-Value": headerValue };
          const signed = signRequest({
            method: "POST",
            url: target,
            headers,
            body,
            accessKey: AK,
            secretKey: SK,
            date: NOW,
          });
          const request = received(target, { ...headers, ...signed.headers }, Buffer.from(body), "POST");
          expect(verifySignature({ ...request, lookupSecret })).toEqual({ ok: true, accessKey: AK });
        },
      ),
    );
  });
});
