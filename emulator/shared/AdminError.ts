/** Admin API failures: answered as `{error}` with their status, never in a ModelArts shape. */
export class AdminError extends Error {
  constructor(
    readonly status: number,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export function asObject(body: unknown): Record<string, unknown> {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new AdminError(400, "JSON object body required");
  }
  return body as Record<string, unknown>;
}
