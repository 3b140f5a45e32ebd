import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { recordSuiteMail } from './suite-log/suite-mail';

export interface CapturedMail {
  from: string;
  to: string[];
  raw: string;
}

export interface SmtpCapture {
  port: number;
  url: string;
  mails: CapturedMail[];
  /** Resolves when `count` mails have arrived (or rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<CapturedMail[]>;
  close(): Promise<void>;
}

/** A refusal of one message: a 4xx reply is temporary, a 5xx reply permanent. */
export interface SmtpRefusal {
  responseCode: number;
  message: string;
}

export interface SmtpCaptureOptions {
  /**
   * Called for each message after its data arrived and before the server
   * answers (`attempt` counts every message offered, from 1). Return a refusal
   * to reject it (it is then not kept); it may also wait, to hold the answer back.
   */
  beforeReply?: (attempt: number, raw: string) => SmtpRefusal | undefined | Promise<SmtpRefusal | undefined>;
}

/** A real SMTP server on a free local port that keeps every message it receives (and accepts). */
export async function startSmtpCapture(options: SmtpCaptureOptions = {}): Promise<SmtpCapture> {
  let attempts = 0;
  const mails: CapturedMail[] = [];
  const waiters: Array<() => void> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        void (async () => {
          attempts += 1;
          const refusal = await options.beforeReply?.(attempts, raw);
          if (refusal) {
            const error = Object.assign(new Error(refusal.message), { responseCode: refusal.responseCode });
            return callback(error);
          }
          mails.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw,
          });
          // Every mail the suite's servers accept is checked for personal data at the suite's end (suite-log/).
          recordSuiteMail(raw, 'smtp');
          waiters.splice(0).forEach((w) => w());
          callback();
        })();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    mails,
    waitFor(count, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const deadline = setTimeout(() => reject(new Error(`expected ${count} mails, got ${mails.length}`)), timeoutMs);
        const check = () => {
          if (mails.length >= count) {
            clearTimeout(deadline);
            resolve(mails);
          } else waiters.push(check);
        };
        check();
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
