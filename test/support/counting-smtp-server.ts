import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server (smtp-server) that keeps no files: it counts the
 * messages it accepts by Message-ID, so a test can tell a duplicate from a
 * new message, and it can refuse recipients with the reply code a rule
 * picks (a 550 bounce, a 451 try-later), as a real relay does at RCPT TO.
 */

export interface CountingSmtpServer {
  url: string;
  /** Messages accepted, by Message-ID. */
  received: Map<string, number>;
  /** Every message accepted, duplicates included. */
  total(): number;
  /** Accepted more than once: total minus distinct Message-IDs. */
  duplicates(): number;
  /** Decides the reply to each RCPT TO: a code to refuse with, or undefined to accept. */
  refuse: (address: string) => number | undefined;
  close(): Promise<void>;
}

const MESSAGE_ID = /^message-id:\s*(\S+)/im;

function refusal(code: number): Error {
  return Object.assign(new Error(code >= 500 ? 'No such user here' : 'Try again later'), { responseCode: code });
}

export async function startCountingSmtpServer(): Promise<CountingSmtpServer> {
  const received = new Map<string, number>();
  const counter: CountingSmtpServer = {
    url: '',
    received,
    total: () => [...received.values()].reduce((sum, n) => sum + n, 0),
    duplicates: () => counter.total() - received.size,
    refuse: () => undefined,
    close: () => Promise.resolve(),
  };

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const code = counter.refuse(address.address);
      callback(code === undefined ? undefined : refusal(code));
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const id = MESSAGE_ID.exec(Buffer.concat(chunks).toString('utf8'))?.[1] ?? '(none)';
        received.set(id, (received.get(id) ?? 0) + 1);
        callback();
      });
    },
  });
  // A client killed mid-message resets its connection; that is the point of some tests, not a server fault.
  server.on('error', () => undefined);
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', () => listening()));
  const { port } = server.server.address() as AddressInfo;

  counter.url = `smtp://127.0.0.1:${port}`;
  counter.close = () => new Promise<void>((closed) => server.close(() => closed()));
  return counter;
}
