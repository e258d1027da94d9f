import { writeFile } from 'node:fs/promises';

/**
 * The demo's people act through the responder API, as people would, each
 * with a token of their own. A refusal stops the demo with the API's own
 * problem text, which names what was wrong and never carries internals.
 */

export class ApiCallError extends Error {
  constructor(
    readonly status: number,
    method: string,
    path: string,
    problem: string,
  ) {
    super(`${method} ${path} answered ${status}: ${problem}`);
    this.name = 'ApiCallError';
  }
}

export interface ApiCaller {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
  /** Writes a binary answer (an evidence bundle) to `file`; answers its headers. */
  download(path: string, file: string): Promise<Headers>;
}

async function problemText(response: Response): Promise<string> {
  const text = await response.text();
  try {
    const problem = JSON.parse(text) as { message?: string; details?: { field: string; problem: string }[] };
    const details = (problem.details ?? []).map((detail) => `${detail.field} ${detail.problem}`);
    return [problem.message, ...details].filter(Boolean).join('; ') || text;
  } catch {
    return text;
  }
}

export function apiCaller(baseUrl: string, token: string): ApiCaller {
  async function send(method: string, path: string, body?: unknown): Promise<Response> {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new ApiCallError(response.status, method, path, await problemText(response));

    return response;
  }

  return {
    get: async <T>(path: string) => (await (await send('GET', path)).json()) as T,
    post: async <T>(path: string, body: unknown) => (await (await send('POST', path, body)).json()) as T,
    async download(path, file) {
      const response = await send('GET', path);
      await writeFile(file, Buffer.from(await response.arrayBuffer()));
      return response.headers;
    },
  };
}
