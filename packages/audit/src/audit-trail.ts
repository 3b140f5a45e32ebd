import type { DataCategory, Identity } from '@helhed/identity';

export type AuditOperation = 'READ' | 'SEARCH' | 'CREATE' | 'UPDATE' | 'DELETE' | 'EXPORT';

/** One row of the audit log: who touched which category of whose data, how, in which request. */
export interface AuditEvent {
  userId: string;
  roles: string[];
  department: string;
  municipalityCode: string;
  personId: string;
  category: DataCategory;
  fieldPaths: string[];
  operation: AuditOperation;
  requestId: string;
  purpose: string | null;
}

/**
 * Collects what one request did with persons' data: one event per person,
 * category and operation however many fields, aliases or entities touched it,
 * written in one insert when the request ends. A refused read records nothing:
 * record only after the authorisation point said yes.
 */
export class AuditTrail {
  private readonly events = new Map<string, AuditEvent>();

  constructor(
    private readonly identity: Identity,
    private readonly requestId: string,
    private readonly purpose: string | null = null,
  ) {}

  record(entry: { personId: string; category: DataCategory; fieldPath: string; operation: AuditOperation }): void {
    const key = `${entry.personId}|${entry.category}|${entry.operation}`;
    let event = this.events.get(key);
    if (!event) {
      event = {
        userId: this.identity.userId,
        roles: [...this.identity.roles],
        department: this.identity.department,
        municipalityCode: this.identity.municipality,
        personId: entry.personId,
        category: entry.category,
        fieldPaths: [],
        operation: entry.operation,
        requestId: this.requestId,
        purpose: this.purpose,
      };
      this.events.set(key, event);
    }
    if (!event.fieldPaths.includes(entry.fieldPath)) event.fieldPaths.push(entry.fieldPath);
  }

  /** The events so far, and forgets them (so a flush writes each once). */
  take(): AuditEvent[] {
    const all = [...this.events.values()];
    this.events.clear();
    return all;
  }
}

/** A field's path without list indices, e.g. `_entities.healthAssessments` for `_entities.0.healthAssessments`. */
export function fieldPathOf(path: { prev: unknown; key: string | number } | undefined): string {
  const keys: string[] = [];
  for (let p = path; p; p = p.prev as typeof path) if (typeof p.key === 'string') keys.unshift(p.key);
  return keys.join('.');
}
