import type { MigrationInterface, QueryRunner } from 'typeorm';
import { openDatabase, type DataSource } from '@helhed/db';
import { createTestDatabase, identity, type TestDatabase } from '@helhed/testing';
import { appendAuditEvents, createAuditTable, verifyAuditChain } from './audit-log';
import { auditRetentionYears, createAuditCutTable, deleteAuditEventsBefore } from './audit-retention';
import { AuditTrail, fieldPathOf } from './audit-trail';

class CreateAudit1764700000000 implements MigrationInterface {
  name = 'CreateAudit1764700000000';
  async up(q: QueryRunner) {
    await createAuditTable(q);
    await createAuditCutTable(q);
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
