import { createHash } from 'node:crypto';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { openDatabase, type DataSource } from '@helhed/db';
import { createTestDatabase, identity, type TestDatabase } from '@helhed/testing';
import { addAuditCriterion, appendAuditEvents, createAuditTable, verifyAuditChain } from './audit-log';
import { auditRetentionYears, createAuditCutTable, deleteAuditEventsBefore } from './audit-retention';
import { AuditTrail, describeCriterion, fieldPathOf, maskCprNumbers } from './audit-trail';

class CreateAudit1764700000000 implements MigrationInterface {
  name = 'CreateAudit1764700000000';
  async up(q: QueryRunner) {
    await createAuditTable(q);
    await createAuditCutTable(q);
    await addAuditCriterion(q);
  }
  async down() {}
}

describe('AuditTrail', () => {
  it('keeps one event per person, category and operation, with every field path', () => {
    const trail = new AuditTrail(identity('HEALTH'), 'req-1');
    trail.record({ personId: 'p1', category: 'HEALTH', fieldPath: '_entities.healthAssessments', operation: 'READ' });
    trail.record({ personId: 'p1', category: 'HEALTH', fieldPath: 'alias.healthAssessments', operation: 'READ' });
    trail.record({ personId: 'p1', category: 'HEALTH', fieldPath: '_entities.healthAssessments', operation: 'READ' });
    trail.record({ personId: 'p2', category: 'HEALTH', fieldPath: '_entities.healthAssessments', operation: 'READ' });
    const events = trail.take();
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({
      personId: 'p1',
      fieldPaths: ['_entities.healthAssessments', 'alias.healthAssessments'],
      department: 'HEALTH',
      municipalityCode: '630',
      requestId: 'req-1',
    });
    expect(trail.take()).toEqual([]);
  });

  it('keeps each search criterion of a person once', () => {
    const trail = new AuditTrail(identity('FAMILY'), 'req-1');
    const search = { personId: 'p1', category: 'BASIC' as const, fieldPath: 'a', operation: 'SEARCH' as const };
    trail.record({ ...search, criterion: 'x(a: 1)' });
    trail.record({ ...search, fieldPath: 'b', criterion: 'x(a: 2)' });
    trail.record({ ...search, criterion: 'x(a: 1)' });
    trail.record({ ...search, operation: 'READ' });
    const [found, read] = trail.take();
    expect(found).toMatchObject({ operation: 'SEARCH', fieldPaths: ['a', 'b'], criterion: 'x(a: 1); x(a: 2)' });
    expect(read).toMatchObject({ operation: 'READ', criterion: null });
  });

  it('describes a criterion with every CPR number masked', () => {
    expect(describeCriterion('familiesByMemberCpr', { cpr: '1205881234' })).toBe(
      'familiesByMemberCpr(cpr: "120588-XXXX")',
    );
    expect(describeCriterion('families', { filter: { status: 'ACTIVE', q: '120588-1234' }, first: 10 })).toBe(
      'families(filter.status: "ACTIVE", filter.q: "120588-XXXX", first: 10)',
    );
    // A UUID's or a case reference's digits are not a CPR number.
    expect(maskCprNumbers('VEJ-2026-0001 3fa85f64-5717-4562-b3fc-2c963f66afa6')).toBe(
      'VEJ-2026-0001 3fa85f64-5717-4562-b3fc-2c963f66afa6',
    );
  });

  it('writes field paths without list indices', () => {
    const path = { prev: { prev: { prev: undefined, key: '_entities' }, key: 0 }, key: 'healthAssessments' };
    expect(fieldPathOf(path)).toBe('_entities.healthAssessments');
  });
});

describe('the audit log', () => {
  let testDb: TestDatabase;
  let db: DataSource;
  beforeAll(async () => {
    testDb = await createTestDatabase('audit');
    db = await openDatabase({ url: testDb.url, entities: [], migrations: [CreateAudit1764700000000] });
  });
  afterAll(async () => {
    await db?.destroy();
    await testDb?.drop();
  });

  const eventsFor = (request: string, persons: string[]) => {
    const trail = new AuditTrail(identity('HEALTH'), request);
    for (const personId of persons) trail.record({ personId, category: 'HEALTH', fieldPath: 'x', operation: 'READ' });
    return trail.take();
  };

  it('appends a request in one insert and keeps the chain verifiable across requests', async () => {
    await appendAuditEvents(db, eventsFor('r1', ['a', 'b']));
    await Promise.all([
      appendAuditEvents(db, eventsFor('r2', ['c'])),
      appendAuditEvents(db, eventsFor('r3', ['d', 'e'])),
    ]);
    const rows = await db.query('SELECT person_id FROM audit_event ORDER BY id');
    expect(rows).toHaveLength(5);
    await expect(verifyAuditChain(db)).resolves.toBeNull();
  });

  it('hashes a row without a criterion as before the criterion existed, so old chains still verify', async () => {
    await appendAuditEvents(db, eventsFor('r4', ['f']));
    const [row] = await db.query(
      `SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at, user_id, roles, department,
              municipality_code, person_id, category, field_paths, operation, purpose, request_id, prev_hash, hash
         FROM audit_event ORDER BY id DESC LIMIT 1`,
    );
    // The content list as it was hashed before `criterion` was added.
    const before = JSON.stringify([
      row.at,
      row.user_id,
      row.roles,
      row.department,
      row.municipality_code,
      row.person_id,
      row.category,
      row.field_paths,
      row.operation,
      row.purpose,
      row.request_id,
    ]);
    expect(createHash('sha256').update(row.prev_hash).update(before).digest()).toEqual(row.hash);
  });

  it('chains a search criterion: a changed criterion is found', async () => {
    const trail = new AuditTrail(identity('FAMILY'), 'r5');
    trail.record({ personId: 'g', category: 'BASIC', fieldPath: 'q', operation: 'SEARCH', criterion: 'q(x: 1)' });
    await appendAuditEvents(db, trail.take());
    await expect(verifyAuditChain(db)).resolves.toBeNull();
    const [{ id }] = await db.query(`SELECT id FROM audit_event WHERE request_id = 'r5'`);
    await db.transaction(async (tx) => {
      await tx.query('ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only');
      await tx.query(`UPDATE audit_event SET criterion = 'q(x: 2)' WHERE id = $1`, [id]);
      await tx.query('ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only');
    });
    await expect(verifyAuditChain(db)).resolves.toBe(String(id));
    await db.transaction(async (tx) => {
      await tx.query('ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only');
      await tx.query(`UPDATE audit_event SET criterion = 'q(x: 1)' WHERE id = $1`, [id]);
      await tx.query('ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only');
    });
    await expect(verifyAuditChain(db)).resolves.toBeNull();
  });

  it('refuses UPDATE and DELETE', async () => {
    await expect(db.query(`UPDATE audit_event SET user_id = 'someone else'`)).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM audit_event')).rejects.toThrow(/append-only/);
  });

  it('finds an altered or removed row', async () => {
    const [{ id }] = await db.query('SELECT id FROM audit_event ORDER BY id OFFSET 2 LIMIT 1');
    await db.transaction(async (tx) => {
      await tx.query('ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only');
      await tx.query(`UPDATE audit_event SET person_id = 'tampered' WHERE id = $1`, [id]);
      await tx.query('ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only');
    });
    await expect(verifyAuditChain(db)).resolves.toBe(String(id));
  });

  it('deletes the rows before the retention cut, records the anchor, and keeps the chain verifiable', async () => {
    await db.query('TRUNCATE audit_event');
    await appendAuditEvents(db, eventsFor('old-1', ['a', 'b']));
    await appendAuditEvents(db, eventsFor('old-2', ['c']));
    const [{ cut }] = await db.query('SELECT clock_timestamp() AS cut');
    await appendAuditEvents(db, eventsFor('kept', ['d', 'e']));

    expect(await deleteAuditEventsBefore(db, cut)).toBe(3);
    expect((await db.query('SELECT request_id FROM audit_event')).map((r: any) => r.request_id)).toEqual([
      'kept',
      'kept',
    ]);
    expect(await db.query('SELECT deleted FROM audit_cut')).toEqual([{ deleted: 3 }]);
    await expect(verifyAuditChain(db)).resolves.toBeNull();
    await expect(db.query('DELETE FROM audit_cut')).rejects.toThrow(/append-only/);

    // Removing the oldest kept row outside a recorded cut is found.
    const [{ id }] = await db.query('SELECT id FROM audit_event ORDER BY id LIMIT 1');
    await db.transaction(async (tx) => {
      await tx.query(`SET LOCAL helhed.audit_retention = 'on'`);
      await tx.query('DELETE FROM audit_event WHERE id = $1', [id]);
    });
    await expect(verifyAuditChain(db)).resolves.toBe(String(Number(id) + 1));
  });

  it('keeps 5 years unless AUDIT_RETENTION_YEARS says otherwise', () => {
    expect(auditRetentionYears({})).toBe(5);
    expect(auditRetentionYears({ AUDIT_RETENTION_YEARS: '10' })).toBe(10);
    expect(() => auditRetentionYears({ AUDIT_RETENTION_YEARS: '0' })).toThrow(/whole number/);
  });
});
