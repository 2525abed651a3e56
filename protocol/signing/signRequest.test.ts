import { createHash } from "node:crypto";
import { inspect } from "node:util";
import fc from "fast-check";
import { encodeRfc3986, wireQueryString } from "./canonical.js";
import { signRequest, type SignRequestInput } from "./signRequest.js";
import { vectorSources } from "./testdata/signingVectors.js";

// An external copy of the vectors may carry more than the repo copy ([signing §4]), so it is run too when present.
const sources = vectorSources();

const AK = "HPUAEXAMPLEACCESSKEY";
const SK = "exampleSecretKey0123456789abcdefghijklmn";
const DATE = "20240115T083000Z";
const BASE = "https://modelarts.cn-north-4.myhuaweicloud.com";

function sign(overrides: Partial<SignRequestInput> & Pick<SignRequestInput, "url">) {
  return signRequest({ method: "GET", accessKey: AK, secretKey: SK, date: DATE, ...overrides });
}

describe.each(sources)("signing vectors from %s", (_file, data) => {
  const conformance = data.vectors.filter((v) => v.conformance);

  it("has conformance vectors", () => {
    expect(conformance.length).toBeGreaterThanOrEqual(13);
  });

  it.each(conformance.map((v) => [v.id, v] as const))("%s", (_id, vector) => {
    const { input, expected } = vector;
    const signed = signRequest({
      method: input.method,
      url: input.url,
      headers: input.headers,
      body: input.body,
      accessKey: input.ak,
      secretKey: input.sk,
      date: new Date(input.isoDate),
      ...(input.signHost === undefined ? {} : { signHost: input.signHost }),
    });
    expect(signed.canonicalRequest).toBe(expected.canonicalRequest);
    expect(signed.stringToSign).toBe(expected.stringToSign);
    expect(signed.signedHeaders).toBe(expected.signedHeaders);
    expect(signed.signature).toBe(expected.signature);
    expect(signed.authorization).toBe(expected.authorization);
    if (expected.headersAddedBySigner) expect(signed.headers).toMatchObject(expected.headersAddedBySigner);
  });

  it.each(data.encodingVectors.map((v) => [v.source, v] as const))("encoding vector %s", (_source, vector) => {
    expect(wireQueryString(vector.query)).toBe(vector.canonicalQuery);
    // The same rule applied to a URL built from the pairs in wire order.
    const wire = vector.query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&");
    const canonicalLine = sign({ url: `https://example.com/p?${wire}` }).canonicalRequest.split("\n")[2];
    expect(canonicalLine).toBe(vector.canonicalQuery);
  });
});

describe("signRequest rules beyond the public vectors", () => {
  const lines = (url: string, extra: Partial<SignRequestInput> = {}) =>
    sign({ url, ...extra }).canonicalRequest.split("\n");

  it("decodes then re-encodes non-ASCII path segments with uppercase hex", () => {
    expect(lines(`${BASE}/v1/项目/notebooks`)[1]).toBe("/v1/%E9%A1%B9%E7%9B%AE/notebooks/");
    expect(lines(`${BASE}/v1/%e6%96%87/x`)[1]).toBe("/v1/%E6%96%87/x/");
  });

  it("escapes reserved characters inside a segment and keeps an encoded slash in its segment", () => {
    expect(lines(`${BASE}/v1/a:b@c!$'()*+,;=d/e`)[1]).toBe("/v1/a%3Ab%40c%21%24%27%28%29%2A%2B%2C%3B%3Dd/e/");
    expect(lines(`${BASE}/v1/a%2Fb/c`)[1]).toBe("/v1/a%2Fb/c/");
    expect(lines(`${BASE}/v1/a%20b/~x_y-z.w`)[1]).toBe("/v1/a%20b/~x_y-z.w/");
    expect(lines(`${BASE}/v1/100%25`)[1]).toBe("/v1/100%25/");
    // A stray % is signed as a literal percent rather than failing.
    expect(lines(`${BASE}/v1/5%zz`)[1]).toBe("/v1/5%25zz/");
  });

  it("signs the root path as /", () => {
    expect(lines(`${BASE}`)[1]).toBe("/");
    expect(lines(`${BASE}/`)[1]).toBe("/");
  });

  it("keeps explicit non-default ports in host and drops default ones", () => {
    expect(sign({ url: "https://10.0.0.1:8443/v1/x" }).headers["host"]).toBe("10.0.0.1:8443");
    expect(lines("https://10.0.0.1:8443/v1/x")).toContain("host:10.0.0.1:8443");
    expect(sign({ url: "https://example.com:443/v1/x" }).headers["host"]).toBe("example.com");
    expect(sign({ url: "http://example.com:80/v1/x" }).headers["host"]).toBe("example.com");
    expect(sign({ url: "http://127.0.0.1:8080/v1/x" }).headers["host"]).toBe("127.0.0.1:8080");
  });

  it("leaves host out with signHost: false", () => {
    const signed = sign({ url: `${BASE}/v1/x`, signHost: false });
    expect(signed.signedHeaders).toBe("x-sdk-date");
    expect(signed.headers).not.toHaveProperty("host");
  });

  it("signs and returns X-Security-Token for temporary credentials", () => {
    const signed = sign({ url: `${BASE}/v1/x`, securityToken: "tok+en/==" });
    expect(signed.signedHeaders).toBe("host;x-sdk-date;x-security-token");
    expect(signed.canonicalRequest).toContain("\nx-security-token:tok+en/==\n");
    expect(signed.headers["X-Security-Token"]).toBe("tok+en/==");
    // Same token given both ways is fine; a different one is an error that does not show either token.
    expect(sign({ url: `${BASE}/v1/x`, securityToken: "a", headers: { "x-security-token": "a" } }).signature).toBe(
      sign({ url: `${BASE}/v1/x`, securityToken: "a" }).signature,
    );
    expect(() => sign({ url: `${BASE}/v1/x`, securityToken: "a", headers: { "X-Security-Token": "b" } })).toThrow(
      /securityToken differs/,
    );
  });

  it("signs content-type byte for byte, charset included", () => {
    const signed = sign({
      url: `${BASE}/v1/x`,
      method: "POST",
      headers: { "Content-Type": "application/json;charset=UTF-8" },
      body: "{}",
    });
    expect(signed.canonicalRequest).toContain("\ncontent-type:application/json;charset=UTF-8\n");
    expect(signed.signedHeaders).toBe("content-type;host;x-sdk-date");
  });

  it("lower-cases names, trims values and sorts headers", () => {
    const signed = sign({ url: `${BASE}/v1/x`, headers: { "X-B": "  two  ", "x-a": "\tone", "X-Project-Id": "p" } });
    expect(signed.canonicalRequest).toContain("\nhost:modelarts.cn-north-4.myhuaweicloud.com\nx-a:one\nx-b:two\n");
    expect(signed.signedHeaders).toBe("host;x-a;x-b;x-project-id;x-sdk-date");
  });

  it("uses a preset X-Sdk-Date header in any case over the date option", () => {
    const signed = sign({ url: `${BASE}/v1/x`, headers: { "x-sdk-date": "20200101T000000Z" }, date: DATE });
    expect(signed.stringToSign.split("\n")[1]).toBe("20200101T000000Z");
    expect(signed.headers["X-Sdk-Date"]).toBe("20200101T000000Z");
    expect(signed.signedHeaders).toBe("host;x-sdk-date");
  });

  it("accepts the date as a Date or a string and defaults to now", () => {
    const url = `${BASE}/v1/x`;
    expect(sign({ url, date: new Date("2024-01-15T08:30:00.987Z") }).signature).toBe(sign({ url }).signature);
    const before = Math.floor(Date.now() / 1000) * 1000;
    const stamp = signRequest({ method: "GET", url, accessKey: AK, secretKey: SK }).headers["X-Sdk-Date"] ?? "";
    const after = Date.now();
    const signedAt = Date.parse(stamp.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, "$1-$2-$3T$4:$5:$6Z"));
    expect(signedAt).toBeGreaterThanOrEqual(before);
    expect(signedAt).toBeLessThanOrEqual(after);
  });

  it("hashes Buffer and string bodies by their bytes, and honours UNSIGNED-PAYLOAD", () => {
    const url = `${BASE}/v1/x`;
    const fromString = sign({ url, method: "POST", body: "中文" });
    const fromBuffer = sign({ url, method: "POST", body: Buffer.from("中文", "utf8") });
    expect(fromBuffer.signature).toBe(fromString.signature);
    const hash = createHash("sha256").update(Buffer.from("中文", "utf8")).digest("hex");
    expect(fromString.canonicalRequest.endsWith(`\n${hash}`)).toBe(true);
    const unsigned = sign({ url, method: "PUT", body: "x", headers: { "x-sdk-content-sha256": "UNSIGNED-PAYLOAD" } });
    expect(unsigned.canonicalRequest.endsWith("\nUNSIGNED-PAYLOAD")).toBe(true);
  });

  it("treats + in the query as a literal plus, not a space, and keeps k= for empty values", () => {
    expect(lines(`${BASE}/v1/x?b=1+2&a=&c`)[2]).toBe("a=&b=1%2B2&c=");
    expect(lines(`${BASE}/v1/x?q=a%20b&q=a+b`)[2]).toBe("q=a%20b&q=a%2Bb");
  });

  it("does not mutate its inputs", () => {
    const headers = Object.freeze({ "X-Project-Id": "p" });
    expect(() => sign({ url: `${BASE}/v1/x`, headers })).not.toThrow();
  });

  it("rejects bad input without revealing secrets", () => {
    const secret = "sup3r-secret-key-value";
    const token = "secret-token-value";
    const valid = { method: "GET", url: `${BASE}/x`, accessKey: AK, secretKey: secret };
    const attempts: (() => unknown)[] = [
      { url: "not a url" },
      { accessKey: "" },
      { accessKey: "A K" },
      { secretKey: "" },
      { method: "GE T" },
      { date: "2024-01-15" },
      { date: new Date(NaN) },
      { securityToken: `${token}\n` },
      { headers: { "X-A": "1", "x-a": "2" } },
      { headers: { "bad name": "1" } },
    ].map((change) => () => signRequest({ ...valid, ...change } as Parameters<typeof signRequest>[0]));
    for (const attempt of attempts) {
      let thrown: unknown;
      try {
        attempt();
      } catch (err) {
        thrown = err;
      }
      expect(thrown).toBeInstanceOf(Error);
      const shown = `${String(thrown)} ${JSON.stringify(thrown)} ${inspect(thrown)}`;
      expect(shown).not.toContain(secret);
      expect(shown).not.toContain(token);
      expect(shown).not.toContain(AK);
    }
  });
});

describe("signRequest properties", () => {
  const segment = fc.string({ unit: "grapheme", minLength: 1, maxLength: 8 });
  const pathArb = fc
    .array(segment, { minLength: 1, maxLength: 4 })
    .map((segments) => "/" + segments.map(encodeRfc3986).join("/"));
  const pairArb = fc.tuple(
    fc.string({ unit: "grapheme", maxLength: 6 }),
    fc.string({ unit: "grapheme", maxLength: 6 }),
  );
  const headerArb = fc
    .dictionary(
      fc.stringMatching(/^X-[A-Za-z0-9]{1,8}$/).filter((n) => n.toLowerCase() !== "x-sdk-date"),
      fc.stringMatching(/^[\x21-\x7e]{0,12}$/),
      { maxKeys: 3 },
    )
    .filter((h) => new Set(Object.keys(h).map((k) => k.toLowerCase())).size === Object.keys(h).length);
  const rawQuery = (pairs: readonly (readonly [string, string])[]) =>
    pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&");

  it("is deterministic", () => {
    fc.assert(
      fc.property(pathArb, fc.array(pairArb, { maxLength: 5 }), headerArb, fc.string(), (p, q, headers, body) => {
        const input = { method: "POST", url: `${BASE}${p}?${rawQuery(q)}`, headers, body };
        expect(sign(input)).toEqual(sign(input));
      }),
    );
  });

  it("gives the same signature with and without a trailing slash", () => {
    fc.assert(
      fc.property(pathArb, fc.array(pairArb, { maxLength: 3 }), (p, q) => {
        const query = q.length ? `?${rawQuery(q)}` : "";
        expect(sign({ url: `${BASE}${p}/${query}` }).signature).toBe(sign({ url: `${BASE}${p}${query}` }).signature);
      }),
    );
  });

  it("does not depend on query parameter order on the wire", () => {
    fc.assert(
      fc.property(
        fc
          .array(pairArb, { maxLength: 6 })
          .chain((pairs) =>
            fc.tuple(
              fc.constant(pairs),
              fc.shuffledSubarray(pairs, { minLength: pairs.length, maxLength: pairs.length }),
            ),
          ),
        ([pairs, shuffled]) => {
          expect(sign({ url: `${BASE}/v1/x?${rawQuery(shuffled)}` }).signature).toBe(
            sign({ url: `${BASE}/v1/x?${rawQuery(pairs)}` }).signature,
          );
        },
      ),
    );
  });

  it("sends exactly the canonical query when the URL is built with wireQueryString", () => {
    fc.assert(
      fc.property(fc.array(pairArb, { maxLength: 6 }), (pairs) => {
        const wire = wireQueryString(pairs);
        const url = new URL(`${BASE}/v1/x?${wire}`);
        expect(url.search.slice(1)).toBe(wire);
        expect(sign({ url: url.href }).canonicalRequest.split("\n")[2]).toBe(wire);
      }),
    );
  });
});
