import nodemailer from 'nodemailer';
import { DELIVERY_KEY_HEADER, type Mailer, type OutgoingEmail, type SentEmail } from './mailer';

/**
 * Sends over SMTP (smtp://host:port, or smtps://). Timeouts are short so an
 * unreachable server fails the attempt quickly and the queue retries it,
 * instead of holding a job for minutes.
 */
export function createSmtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport({
    url,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    kind: 'smtp',
    async send(email: OutgoingEmail): Promise<SentEmail> {
      const info = await transport.sendMail({
        from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        ...(email.html ? { html: email.html } : {}),
        ...(email.messageId ? { messageId: email.messageId } : {}),
        headers: { [DELIVERY_KEY_HEADER]: email.reference },
      });
      return { messageId: info.messageId };
    },
    async close() {
      transport.close();
    },
  };
}
