import { inspect } from "node:util";
import { ApiError, InvalidResponseError, OperationError, WaitError } from "./errors.js";
import { forgetSecretsForTests, registerSecret } from "./redact.js";
import { toApiError } from "../api/RequestExecutor.js";

const SECRET = "EchoedSecretValue-0123456789";

beforeEach(() => {
  forgetSecretsForTests();
  registerSecret(SECRET);
});

function answer(status: number, body: unknown, headers: Record<string, string> = {}): ApiError {
  return toApiError("GET", "/v1/p/notebooks/x", { status, headers, body: JSON.stringify(body) }, 0);
}

/** Every place an error's text can be seen: its message, its properties, `util.inspect`, JSON. */
function everyView(err: Error): string[] {
  return [err.message, String(err.stack), inspect(err), JSON.stringify(err), JSON.stringify({ ...err })];
}

function expectClean(err: Error, ...absent: string[]): void {
  for (const view of everyView(err)) {
    // eslint-disable-next-line no-control-regex -- what must never reach a terminal
    expect(view).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    for (const text of [SECRET, ...absent]) expect(view).not.toContain(text);
  }
}

describe("error_code is a code of the form X.1234, or absent", () => {
  test.each(["ModelArts.6309", "APIG.0101", "APIGW.0301", "IAM.0004"])("%s is kept", (code) => {
    const err = answer(400, { error_code: code, error_msg: "m" });
    expect(err.errorCode).toBe(code);
    expect(err.code).toBe(code);
    expect(err.message).toContain(`GET /v1/p/notebooks/x: HTTP 400 ${code}: m`);
  });

  test.each([
    ["an escape sequence", "\u001b[2JModelArts.6309"],
    ["a line break", "ModelArts.6309\r\nwarning: fake line"],
    ["an echoed secret", SECRET],
    ["a code of another form", "ModelArts.63O9"],
    ["a long code", `ModelArts.${"1".repeat(40)}`],
    ["a number", 6309],
  ])("with %s is treated as absent, and its raw value is not shown", (_label, code) => {
    const err = answer(400, { error_code: code, error_msg: "m" });
    expect(err.errorCode).toBeUndefined();
    expect(err.code).toBe("HTTP.400");
    expect(err.message).toBe("GET /v1/p/notebooks/x: HTTP 400: m");
    expectClean(err, "63O9", "1".repeat(40), "fake line");
  });
});

describe("request ids are sanitised wherever they show", () => {
  test.each([
    ["an escape sequence and a line break", "req-1\u001b[31m\r\nwarning: fake", "req-1[31m warning: fake"],
    ["an echoed secret", `req-${SECRET}`, "req-<redacted>"],
  ])("in the body, with %s", (_label, requestId, shown) => {
    const err = answer(500, { error_code: "ModelArts.6200", error_msg: "m", request_id: requestId });
    expect(err.requestId).toBe(shown);
    expect(err.message).toBe(`GET /v1/p/notebooks/x: HTTP 500 ModelArts.6200: m (request id ${shown})`);
    expectClean(err);
  });

  test("in the X-Request-Id header, cut short", () => {
    const err = answer(502, "bad gateway", { "x-request-id": `\u001b]0;title\u0007${"r".repeat(500)}` });
    expect(err.requestId).toBe(`]0;title${"r".repeat(112)}…`);
    expectClean(err);
  });
});

test("a non-2xx answer's message and properties come through sanitised", () => {
  const err = answer(400, { error_code: "ModelArts.6400", error_msg: `bad\u001b[31m value ${SECRET}\r\nnext` });
  expect(err.apiMessage).toBe("bad[31m value <redacted> next");
  expectClean(err);
});

test("an answer that is not the documented one: the problem is sanitised", () => {
  const err = new InvalidResponseError({
    method: "GET",
    path: "/v1/p/notebooks/x",
    status: 200,
    problem: `it does not match NotebookObject (status\u001b[2J: ${SECRET}\r\n)`,
    retryable: false,
  });
  expect(err.message).toBe(
    "GET /v1/p/notebooks/x: HTTP 200 with an answer that is not the documented one: " +
      "it does not match NotebookObject (status[2J: <redacted> )",
  );
  expectClean(err);
});

test("a wait's last seen object (the service's answer, with its token) is not shown by util.inspect", () => {
  const lastSeen = { id: "nb-1", status: "CREATE_FAILED", token: "NotebookOwnToken-0001" };
  const wait = new WaitError("create notebook: CREATE_FAILED", "failed", lastSeen, []);
  const operation = new OperationError('create notebook "nb": failed', wait);
  expect(wait.lastSeen).toBe(lastSeen);
  for (const err of [wait, operation]) expectClean(err, "NotebookOwnToken-0001");
});

test("a wait's failure reasons (the service's fail_reason) are sanitised in the message and the reasons", () => {
  const reason = `ModelArts.6320: Access obs error\u001b[31m\r\nwarning: fake line ${SECRET}`;
  const err = new WaitError(`create notebook "nb": CREATE_FAILED; ${reason}`, "failed", undefined, [reason]);
  expect(err.reasons).toEqual(["ModelArts.6320: Access obs error[31m warning: fake line <redacted>"]);
  expect(err.message).toBe(
    'create notebook "nb": CREATE_FAILED; ModelArts.6320: Access obs error[31m warning: fake line <redacted>',
  );
  expectClean(err);
});

test("our own multi-line messages keep their line breaks, and lose every other control character", () => {
  const err = new OperationError(`first line\u001b[2J\r\nsecond line ${SECRET}\u202e`);
  expect(err.message).toBe("first line[2J\nsecond line <redacted>");
});
