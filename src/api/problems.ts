/**
 * The errors the API answers with on purpose: a status, a stable code and a
 * sentence. Anything else that escapes a handler is answered as a plain 500
 * (see error-handler.ts); its message and stack never leave the server.
 */
export class ApiProblem extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: readonly { field: string; problem: string }[],
  ) {
    super(message);
    this.name = 'ApiProblem';
  }

  static unauthorized(): ApiProblem {
    return new ApiProblem(401, 'unauthorized', 'A valid API token is required (Authorization: Bearer <token>)');
  }

  static forbidden(roles: readonly string[]): ApiProblem {
    return new ApiProblem(403, 'forbidden', `This needs one of the roles: ${roles.join(', ')}`);
  }

  static notFound(what: string): ApiProblem {
    return new ApiProblem(404, 'not-found', `No such ${what}`);
  }

  static conflict(message: string): ApiProblem {
    return new ApiProblem(409, 'conflict', message);
  }

  /** A workflow turned the request down (wrong phase, already done); the message is the workflow's own reason. */
  static refused(message: string): ApiProblem {
    return new ApiProblem(409, 'refused', message);
  }

  /** A well-formed request that names something that is not there (an artifact of another incident). */
  static unprocessable(message: string, details: readonly { field: string; problem: string }[]): ApiProblem {
    return new ApiProblem(422, 'unprocessable', message, details);
  }

  static invalid(message: string, details: readonly { field: string; problem: string }[]): ApiProblem {
    return new ApiProblem(400, 'invalid-request', message, details);
  }
}
