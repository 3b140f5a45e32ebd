/** One email to one caseworker: plain text, and HTML as an alternative when given. */
export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** A fixed Message-ID (e.g. derived from the delivery key); nodemailer makes one when left out. */
  messageId?: string;
  /** The delivery key, carried in a header and in the file name so a message can be traced to its record. */
  reference: string;
}

export interface SentEmail {
  /** The Message-ID the message was sent with. */
  messageId: string;
}

/** Sends mail. Implementations: SMTP (production) and .eml files (development without SMTP). */
export interface Mailer {
  readonly kind: 'smtp' | 'file';
  send(email: OutgoingEmail): Promise<SentEmail>;
  close(): Promise<void>;
}

/** The header that carries an email's delivery key. */
export const DELIVERY_KEY_HEADER = 'X-Helhed-Delivery-Key';
