import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';
import { simpleParser, type AddressObject } from 'mailparser';
import nodemailer, { type Transporter } from 'nodemailer';

/** A message as the in-process server received it, parsed. */
export interface ReceivedMail {
  /** Envelope sender and recipients (MAIL FROM / RCPT TO). */
  envelopeFrom: string;
  envelopeTo: string[];
  from: string;
  to: string[];
  cc: string[];
  subject: string;
  text: string;
  html: string;
  messageId: string;
  /** Every header, lower-cased name → raw value as it appeared on the wire (unfolded). */
  headers: Record<string, string>;
}

export interface TestSmtpServer {
  /** smtp://127.0.0.1:<port>, for SMTP_URL. */
  readonly url: string;
  readonly port: number;
  /** Every message accepted so far, in order. */
  readonly messages: ReceivedMail[];
  /** Whether it is listening (false during a simulated outage). */
  readonly running: boolean;
  /** A nodemailer transport to this server, as runtime/mailer builds it from SMTP_URL. */
  transport(): Transporter;
  /** Refuse these recipient addresses with a permanent 550 at RCPT TO. */
  rejectRecipients(addresses: string[]): void;
  /** Answer these recipient addresses with a temporary 451 ("try again later") at RCPT TO. */
  deferRecipients(addresses: string[]): void;
  /** Accept these addresses again. */
  acceptRecipients(addresses: string[]): void;
  /** Stop listening: connections are refused until `start()` (an outage). */
  stop(): Promise<void>;
  /** Listen again on the same port. */
  start(): Promise<void>;
  /** Wait until at least `n` messages have arrived (or fail after `timeoutMs` of real time). */
  waitForMessages(n: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  /** Messages sent to an address (To or Cc, case-insensitive). */
  messagesTo(address: string): ReceivedMail[];
  close(): Promise<void>;
}

const addresses = (a: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(a) ? a : a ? [a] : []).flatMap((o) => o.value.map((v) => (v.address ?? '').toLowerCase())).filter(Boolean);

/**
 * A real SMTP server in this process (smtp-server), recording every message it accepts (parsed with
 * mailparser). It can be stopped and started again on the same port, and can refuse given addresses.
 */
export async function startSmtpServer(opts: { rejectRecipients?: string[] } = {}): Promise<TestSmtpServer> {
  const messages: ReceivedMail[] = [];
  const rejected = new Set((opts.rejectRecipients ?? []).map((a) => a.toLowerCase()));
  const deferred = new Set<string>();
  const waiters = new Set<() => void>();
  let server: SMTPServer | undefined;
  let port = 0;

  const create = () =>
    new SMTPServer({
      authOptional: true,
      // Plain SMTP on localhost: no certificate to trust, so no STARTTLS offer either.
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      closeTimeout: 2000,
      onRcptTo(address: SMTPServerAddress, _session, callback) {
        if (rejected.has(address.address.toLowerCase())) {
          const err = Object.assign(new Error(`5.1.1 <${address.address}>: Recipient address rejected: User unknown`), { responseCode: 550 });
          callback(err);
          return;
        }
        if (deferred.has(address.address.toLowerCase())) {
          callback(Object.assign(new Error(`4.7.1 <${address.address}>: Mailbox temporarily unavailable, try again later`), { responseCode: 451 }));
          return;
        }
        callback();
      },
      onData(stream, session, callback) {
        simpleParser(stream)
          .then((parsed) => {
            const headers: Record<string, string> = {};
            for (const line of parsed.headerLines) headers[line.key] = line.line.slice(line.line.indexOf(':') + 1).replace(/\r?\n\s+/g, ' ').trim();
            messages.push({
              envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              envelopeTo: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
              from: addresses(parsed.from)[0] ?? '',
              to: addresses(parsed.to),
              cc: addresses(parsed.cc),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: parsed.html || '',
              messageId: parsed.messageId ?? '',
              headers,
            });
            for (const wake of waiters) wake();
            callback();
          })
          .catch((err: Error) => callback(err));
      },
    });

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = create();
      s.on('error', () => {});
      s.server.once('error', reject);
      s.listen(port, '127.0.0.1', () => {
        port = (s.server.address() as AddressInfo).port;
        server = s;
        resolve();
      });
    });

  const stop = () =>
    new Promise<void>((resolve) => {
      const s = server;
      server = undefined;
      if (!s) return resolve();
      s.close(() => resolve());
    });

  await listen();

  return {
    get url() {
      return `smtp://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    messages,
    get running() {
      return server !== undefined;
    },
    transport() {
      return nodemailer.createTransport({ url: `smtp://127.0.0.1:${port}`, connectionTimeout: 5000, greetingTimeout: 5000, socketTimeout: 10_000 });
    },
    rejectRecipients(list) {
      for (const a of list) rejected.add(a.toLowerCase());
    },
    deferRecipients(list) {
      for (const a of list) deferred.add(a.toLowerCase());
    },
    acceptRecipients(list) {
      for (const a of list) {
        rejected.delete(a.toLowerCase());
        deferred.delete(a.toLowerCase());
      }
    },
    stop,
    start: () => (server ? Promise.resolve() : listen()),
    waitForMessages(n, timeoutMs = 20_000) {
      if (messages.length >= n) return Promise.resolve(messages.slice());
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`expected ${n} messages, got ${messages.length} within ${timeoutMs} ms`));
        }, timeoutMs);
        const check = () => {
          if (messages.length < n) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(messages.slice());
        };
        waiters.add(check);
      });
    },
    messagesTo(address) {
      const a = address.toLowerCase();
      return messages.filter((m) => m.to.includes(a) || m.cc.includes(a));
    },
    close: stop,
  };
}
