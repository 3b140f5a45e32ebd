import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DeliveryStatus } from './email-delivery';

/** A row of `email_delivery` (the table is created by migrations only). */
@Entity({ name: 'email_delivery' })
export class EmailDeliveryEntity {
  @PrimaryColumn({ name: 'delivery_key', type: 'text' })
  deliveryKey: string;

  @Column({ type: 'text' })
  recipient: string;

  @Column({ type: 'text' })
  subject: string;

  @Column({ type: 'text' })
  status: DeliveryStatus;

  @Column({ type: 'integer' })
  attempts: number;

  @Column({ name: 'message_id', type: 'text', nullable: true })
  messageId: string | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
