import { Agent } from 'node:http';
import twilio from 'twilio';

type RequestOptions<T> = Parameters<InstanceType<typeof twilio.RequestClient>['request']>[0] & { data?: T };
type RequestClientOptions = ConstructorParameters<typeof twilio.RequestClient>[0];

/**
 * The SDK's own HTTP client, sending to another base URL than
 * https://api.twilio.com: the local fake in tests and the demo, or a proxy.
 * Passing an `httpClient` is the SDK's documented way to change how it
 * sends (twilio-node's "custom HTTP client"); the SDK still builds every
 * request, signs in and reads every answer itself.
 */
export class BaseUrlRequestClient extends twilio.RequestClient {
  private readonly base: URL;

  constructor(baseUrl: string, options: RequestClientOptions = {}) {
    super(options);
    this.base = new URL(baseUrl);
    // The SDK sets up an agent for https only; keep connections open to a plain-http base too.
    this.axios.defaults.httpAgent = new Agent({ keepAlive: options.keepAlive !== false });
  }

  override request<T>(options: RequestOptions<T>) {
    return super.request<T>({ ...options, uri: this.rebase(options.uri) });
  }

  /** Keeps the path and query Twilio's SDK chose; only scheme, host, port and any path prefix change. */
  private rebase(uri: string): string {
    const target = new URL(uri);
    const rebased = new URL(this.base);
    rebased.pathname = `${this.base.pathname.replace(/\/$/, '')}${target.pathname}`;
    rebased.search = target.search;

    return rebased.href;
  }
}
