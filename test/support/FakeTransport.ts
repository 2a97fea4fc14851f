import { IHttpRequest, IHttpResponse, IHttpTransport } from '../../src/services/transport/IHttpTransport';

export interface IFakeAnswer {
  status: number;
  headers?: Record<string, string>;
  /** A JSON-able object is sent as JSON text; a Blob or string as is. */
  body?: unknown;
}

interface IRoute {
  method: string;
  pattern: RegExp;
  /** Answers used in turn; the last one repeats. An Error makes the request fail with no answer. */
  answers: Array<IFakeAnswer | Error>;
}

export interface ISentRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: Blob | string | ArrayBuffer | undefined;
  cache: IHttpRequest['cache'];
}

/** A scripted IHttpTransport for service tests: answers by method and URL, and records what was sent. */
export class FakeTransport implements IHttpTransport {
  public readonly sent: ISentRequest[] = [];
  private readonly _routes: IRoute[] = [];

  public on(method: 'GET' | 'POST', pattern: RegExp, ...answers: Array<IFakeAnswer | Error>): this {
    this._routes.push({ method, pattern, answers });
    return this;
  }

  public async fetch(url: string, request: IHttpRequest = {}): Promise<IHttpResponse> {
    const method: string = request.method ?? 'GET';
    this.sent.push({ url, method, headers: request.headers ?? {}, body: request.body, cache: request.cache });
    const route: IRoute | undefined = this._routes.filter((r) => r.method === method && r.pattern.test(url))[0];
    if (!route) {
      throw new Error(`FakeTransport: no route for ${method} ${url}`);
    }
    const answer: IFakeAnswer | Error = route.answers.length > 1 ? route.answers.shift()! : route.answers[0];
    if (answer instanceof Error) {
      throw answer;
    }
    return toResponse(answer);
  }

  public count(method: string, pattern: RegExp): number {
    return this.sent.filter((r) => r.method === method && pattern.test(r.url)).length;
  }
}

/**
 * The answer as the part of a Fetch API Response that the services and pnpjs read (jest's Node environment has no
 * Response). A Blob can be read any number of times, so clone() can hand out the same answer.
 */
function toResponse(answer: IFakeAnswer): IHttpResponse {
  const headers: Record<string, string> = {};
  for (const name of Object.keys(answer.headers ?? {})) {
    headers[name.toLowerCase()] = answer.headers![name];
  }
  const body: unknown = answer.body;
  const blob: Blob = body instanceof Blob ? body : new Blob([typeof body === 'string' ? body : body === undefined ? '' : JSON.stringify(body)]);
  const response = {
    ok: answer.status >= 200 && answer.status < 300,
    status: answer.status,
    statusText: '',
    headers: {
      get: (name: string) => headers[name.toLowerCase()] ?? null,
      has: (name: string) => name.toLowerCase() in headers
    },
    text: () => blob.text(),
    json: async () => JSON.parse(await blob.text()),
    blob: async () => body instanceof Blob ? body : new Blob([await blob.arrayBuffer()], { type: headers['content-type'] ?? '' }),
    clone: () => response
  };
  return response;
}
