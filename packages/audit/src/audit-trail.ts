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
  /**
   * For a SEARCH: the criterion the person was found by (e.g.
   * `familyByCaseReference(caseReference: "VEJ-2026-0001")`), with every CPR
   * number masked (`describeCriterion`); several searches in one request that
   * found the same person are joined with "; ". Null for other operations.
   */
  criterion: string | null;
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

  record(entry: {
    personId: string;
    category: DataCategory;
    fieldPath: string;
    operation: AuditOperation;
    criterion?: string | null;
  }): void {
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
        criterion: null,
      };
      this.events.set(key, event);
    }
    if (!event.fieldPaths.includes(entry.fieldPath)) event.fieldPaths.push(entry.fieldPath);
    const criterion = entry.criterion ?? null;
    if (criterion !== null) {
      const known = event.criterion === null ? [] : event.criterion.split('; ');
      if (!known.includes(criterion)) event.criterion = [...known, criterion].join('; ');
    }
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

const CPR_IN_TEXT = /(?<!\d)(\d{6})-?\d{4}(?!\d)/g;

/**
 * A search's criterion as the audit log keeps it: the root field and its
 * arguments, with every CPR number masked to `DDMMYY-XXXX` (the form the graph
 * shows). The data-protection officer sees what was searched for and whose
 * birth date it named, never a whole CPR number; the person found is the row's
 * `person_id`, so the full number is not needed to answer a citizen.
 */
export function describeCriterion(field: string, args: Record<string, unknown>): string {
  const parts = Object.entries(flatten(args))
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`);
  return maskCprNumbers(`${field}(${parts.join(', ')})`);
}

/** Replaces every CPR-shaped run of digits (DDMMYYSSSS or DDMMYY-SSSS) with `DDMMYY-XXXX`. */
export function maskCprNumbers(text: string): string {
  return text.replace(CPR_IN_TEXT, (_, birth: string) => `${birth}-XXXX`);
}

function flatten(value: Record<string, unknown>, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object' && !Array.isArray(v)) Object.assign(out, flatten(v as Record<string, unknown>, key));
    else out[key] = v;
  }
  return out;
}
