import { DEFAULT_RETRY_OPTIONS } from "../api/retryStrategy.js";
import { retryDelaysFromEnv } from "./retryDelaysFromEnv.js";

test("the environment can shrink the retry delays, and only those", () => {
  expect(retryDelaysFromEnv({ MODELARTS_RETRY_BASE_DELAY_MS: "5", MODELARTS_RETRY_MAX_DELAY_MS: "20" })).toEqual({
    baseDelayMs: 5,
    maxDelayMs: 20,
  });
  expect(retryDelaysFromEnv({ MODELARTS_RETRY_BASE_DELAY_MS: "0" })).toEqual({ baseDelayMs: 0 });
});

test("unset, empty or invalid values keep the defaults", () => {
  expect(retryDelaysFromEnv({})).toEqual({});
  expect(retryDelaysFromEnv({ MODELARTS_RETRY_BASE_DELAY_MS: "", MODELARTS_RETRY_MAX_DELAY_MS: "-1" })).toEqual({});
  expect(retryDelaysFromEnv({ MODELARTS_RETRY_BASE_DELAY_MS: "soon" })).toEqual({});
  expect({ ...DEFAULT_RETRY_OPTIONS, ...retryDelaysFromEnv({}) }).toEqual(DEFAULT_RETRY_OPTIONS);
});
