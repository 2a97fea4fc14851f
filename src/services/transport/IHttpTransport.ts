/**
 * The only code that differs between SharePoint and the local workbench: how a request reaches the server.
 * In SharePoint it is SPHttpClient / AadHttpClient (which add credentials and tokens); in the workbench it is
 * window.fetch against the emulator. Both answer with this minimal Response shape.
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
  body?: Blob | string;
}

export interface IHttpTransport {
  /** Resolves with any HTTP answer, including errors; rejects only when no answer arrived (network, token). */
  fetch(url: string, request?: IHttpRequest): Promise<IHttpResponse>;
}
