import { verifyAuditChain } from '@helhed/audit';
import { openDatabase } from '@helhed/db';
import { startTestStack, type TestStack } from '@helhed/devstack';
import { identity, queryDatabase } from '@helhed/testing';

/** Reads of persons' data in the family subgraph are audited: one row per person and category per request. */
let stack: TestStack;
const admin = identity('FAMILY', { roles: ['ADMIN'] });
const family = identity('FAMILY');
let familyId: string;
let parentId: string;
let childId: string;

beforeAll(async () => {
  stack = await startTestStack();
  await stack.graph.request(admin, `mutation { registerMunicipality(input: { code: "630", name: "Vejle" }) { code } }`);
  const { createFamily } = await stack.graph.request(
    family,
    `mutation($input: CreateFamilyInput!) { createFamily(input: $input) { id members { id role } } }`,
    {
      input: {
        caseReference: 'AUD-1',
        enrolmentDate: '2026-01-05',
        members: [
          { cpr: '1205881234', firstName: 'Mette', lastName: 'A', role: 'PARENT' },
          { cpr: '0303124567', firstName: 'Emil', lastName: 'A', role: 'CHILD' },
        ],
      },
    },
  );
  familyId = createFamily.id;
  parentId = createFamily.members.find((m: { role: string }) => m.role === 'PARENT').id;
  childId = createFamily.members.find((m: { role: string }) => m.role === 'CHILD').id;
});

afterAll(async () => {
  await stack?.close();
});

it('writes one row per person and category per request, aliases and all, and keeps the chain intact', async () => {
  const db = stack.databases.family.url;
  const [{ max }] = await queryDatabase(db, 'SELECT coalesce(max(id), 0)::int AS max FROM audit_event');
  await stack.graph.request(family, `query($id: ID!) { family(id: $id) { members { firstName lastName } } }`, {
    id: familyId,
  });
  await stack.graph.request(
    family,
    `query($id: ID!) { person(id: $id) { firstName name: firstName civilSocietyParticipations { id } } }`,
    { id: parentId },
  );
  const rows = await queryDatabase(
    db,
    `SELECT person_id, category, operation, field_paths, request_id FROM audit_event WHERE id > $1 ORDER BY id`,
    [max],
  );
  const name = (id: unknown) => (id === parentId ? 'parent' : id === childId ? 'child' : String(id));
  expect(
    rows.map((r) => [name(r.person_id), r.category, r.operation, [...(r.field_paths as string[])].sort()]),
  ).toEqual([
    ['parent', 'BASIC', 'READ', ['family.members.firstName', 'family.members.lastName']],
    ['child', 'BASIC', 'READ', ['family.members.firstName', 'family.members.lastName']],
    ['parent', 'BASIC', 'READ', ['person.firstName', 'person.name']],
    ['parent', 'SOCIAL', 'READ', ['person.civilSocietyParticipations']],
  ]);
  expect(new Set(rows.map((r) => r.request_id)).size).toBe(2);

  const ds = await openDatabase({ url: db, entities: [], migrations: [] });
  try {
    await expect(verifyAuditChain(ds)).resolves.toBeNull();
    // Tampering (as the owner, bypassing the append-only trigger) is found.
    const [{ id }] = await ds.query('SELECT min(id) AS id FROM audit_event WHERE id > $1', [max]);
    await ds.transaction(async (tx) => {
      await tx.query('ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only');
      await tx.query(`UPDATE audit_event SET category = 'HEALTH' WHERE id = $1`, [id]);
      await tx.query('ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only');
    });
    await expect(verifyAuditChain(ds)).resolves.toBe(String(id));
  } finally {
    await ds.destroy();
  }
});
