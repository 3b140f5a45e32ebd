import type { AddressInfo, Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { recordSuiteMail } from './suite-log/suite-mail';

export interface CapturedMail {
  from: string;
  to: string[];
  raw: string;
  /** The message's Message-ID header ('' when it has none): a resend carries the same one. */
  messageId: string;
}

export interface SmtpCapture {
  port: number;
  url: string;
  mails: CapturedMail[];
  /** Messages offered so far (accepted or refused). */
  readonly offered: number;
  /** Accepted messages per Message-ID: more than 1 is a duplicate. */
  acceptedById(): Map<string, number>;
  /** Resolves when `count` mails have arrived (or rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<CapturedMail[]>;
  /** The server goes away: it stops listening (connections are refused) and drops the open ones. */
  down(): Promise<void>;
  /** The server is back on the same port. */
  up(): Promise<void>;
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
  /** Called right after the server accepted a message (the reply is on its way to the client). */
  onAccepted?: (mail: CapturedMail) => void;
}

/** The Message-ID header of a raw message ('' when it has none). */
export function messageIdOf(raw: string): string {
  const head = raw.replace(/\r\n/g, '\n').split('\n\n', 1)[0] ?? '';
  return /^message-id:[ \t]*(.*(?:\n[ \t].*)*)/im.exec(head)?.[1]?.replace(/\s+/g, '') ?? '';
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
            messageId: messageIdOf(raw),
          });
          // Every mail the suite's servers accept is checked for personal data at the suite's end (suite-log/).
          recordSuiteMail(raw, 'smtp');
          waiters.splice(0).forEach((w) => w());
          callback();
          options.onAccepted?.(mails[mails.length - 1]!);
        })();
      });
    },
  });
  const sockets = new Set<Socket>();
  server.server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  let isDown = false;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    mails,
    get offered() {
      return attempts;
    },
    acceptedById() {
      const counts = new Map<string, number>();
      for (const m of mails) counts.set(m.messageId, (counts.get(m.messageId) ?? 0) + 1);
      return counts;
    },
    async down() {
      if (isDown) return;
      isDown = true;
      const closed = new Promise<void>((resolve) => server.server.close(() => resolve()));
      sockets.forEach((s) => s.destroy());
      await closed;
    },
    async up() {
      if (!isDown) return;
      await new Promise<void>((resolve, reject) => {
        server.server.once('error', reject);
        server.server.listen(port, '127.0.0.1', () => {
          server.server.off('error', reject);
          resolve();
        });
      });
      isDown = false;
    },
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
