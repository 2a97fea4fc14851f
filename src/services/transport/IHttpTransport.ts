/**
 * How a service's request reaches the server: SPHttpClient (the user's SharePoint credentials) or AadHttpClient (a
 * token for Graph) in SharePoint and in the workbench alike; a scripted fake in unit tests. All answer with this
 * minimal Response shape.
 */
export interface IHttpResponse {
  ok: boolean;
  status: number;
  // Mirrors the Fetch API's Headers.get, which answers null for a missing header.
  // eslint-disable-next-line @rushstack/no-new-null
  headers: { get(name: string): string | null };
  text(): Promise<string>;
  blob(): Promise<Blob>;
}

export interface IHttpRequest {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: Blob | string | ArrayBuffer;
  /** The Fetch API's cache mode; 'no-cache' makes the browser ask the server instead of answering from its cache. */
  cache?: 'default' | 'no-cache' | 'no-store' | 'reload';
  /** Aborts the request (the Fetch API's AbortSignal). */
  signal?: AbortSignal;
}

export interface IHttpTransport {
  /** Resolves with any HTTP answer, including errors; rejects only when no answer arrived (network, token). */
  fetch(url: string, request?: IHttpRequest): Promise<IHttpResponse>;
}
