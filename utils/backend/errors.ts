// What can go wrong talking to the backend, one class per thing the user or the worker does
// differently about it: retry later (network, 5xx, 408/429), fix the token (401/403), read the
// server's reason (other 4xx), or distrust the answer (contract violation).

export class BackendError extends Error {
  /** Whether trying the same request again later may succeed. */
  readonly retryable: boolean;
  constructor(message: string, retryable: boolean, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.retryable = retryable;
  }
}

/** The backend could not be reached, or did not answer in time. */
export class NetworkError extends BackendError {
  constructor(url: string, cause: unknown) {
    super(`Cannot reach the alumni backend at ${url}: ${cause instanceof Error ? cause.message : String(cause)}`, true, { cause });
  }
}

/** 401 (token missing, wrong or revoked) or 403 (this role may not do that). */
export class AuthError extends BackendError {
  constructor(
    readonly status: 401 | 403,
    readonly reason: string,
  ) {
    super(status === 401 ? `The token was not accepted: ${reason}` : `Not allowed for this role: ${reason}`, false);
  }
}

/** Any other 4xx: the request itself was refused, with the server's reason (from its ApiError body). */
export class ApiError extends BackendError {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly reason: string,
  ) {
    // 408 Request Timeout and 429 Too Many Requests are the backend asking us to come back later.
    super(reason, status === 408 || status === 429);
  }
}

/** 5xx: the backend failed; worth retrying later. */
export class ServerError extends BackendError {
  constructor(
    readonly status: number,
    reason: string,
  ) {
    super(`The alumni backend failed (HTTP ${status}): ${reason}`, true);
  }
}

/** A 2xx answer that does not match the API contract: rejected whole, never stored. */
export class ContractError extends BackendError {
  constructor(
    readonly endpoint: string,
    readonly details: string,
  ) {
    super(`The backend's answer to ${endpoint} does not match the API contract: ${details}`, false);
  }
}
