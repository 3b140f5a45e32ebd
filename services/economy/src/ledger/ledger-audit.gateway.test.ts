import { queryDatabase } from '@helhed/testing';
import { economy, startEconomyKit, type EconomyKit } from '../__tests__/economy-kit';

/**
 * The operation audit of the ledger's changes through the gateway (`operation-audit.ts`):
 * a manual line is ECONOMY data of the member it concerns, or of every member of the family.
 */
let kit: EconomyKit;

beforeAll(async () => {
  kit = await startEconomyKit();
}, 120_000);

afterAll(async () => {
  await kit?.close();
});

describe('the audit of manual ledger lines', () => {
  it("writes a manual line's change for the member it concerns, and a family line's for every member", async () => {
    const db = kit.stack.databases.economy.url;
    const [{ max }] = await queryDatabase(db, 'SELECT coalesce(max(id), 0)::int AS max FROM audit_event');
    const two = await kit.createFamily('AUD-1', '2026-01-05', 1, 1);
    const [mother, child] = two.memberIds as [string, string];
    const manual = (personId: string | null) =>
      kit.stack.graph.request(
        economy,
        `mutation($input: RecordManualCostInput!) { recordManualCost(input: $input) { id } }`,
        {
          input: {
            familyId: two.id,
            personId,
            department: 'FAMILY',
            costType: 'CONTACT_PERSON',
            month: '2025-03',
            quantity: 2,
            unit: 'HOUR',
            unitPriceOre: 40_000,
            note: 'Fra sagen',
          },
        },
      );
    const { recordManualCost: ofFamily } = await manual(null);
    await manual(child);
    const REMOVE = `mutation($id: ID!) { removeManualCost(id: $id) }`;
    await kit.stack.graph.request(economy, REMOVE, { id: ofFamily.id });
    // A failed removal (gone already, or no such id): nothing written, nothing recorded.
    for (const id of [ofFamily.id, 'not-an-id']) {
      const res = await kit.stack.post(economy, REMOVE, { id });
      expect(res.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([['BAD_USER_INPUT', 'id']]);
    }
    const names: Record<string, string> = { [mother]: 'mother', [child]: 'child' };
    const rows = await queryDatabase(
      db,
      `SELECT user_id, person_id, category, operation, field_paths, request_id FROM audit_event WHERE id > $1 ORDER BY id`,
      [max],
    );
    expect(rows.every((r) => r.user_id === economy.userId && r.category === 'ECONOMY')).toBe(true);
    expect(
      rows.map((r) => [names[r.person_id as string] ?? r.person_id, r.operation, r.field_paths].join(' ')).sort(),
    ).toEqual(
      [
        'mother CREATE recordManualCost',
        'child CREATE recordManualCost',
        'child CREATE recordManualCost',
        'mother DELETE removeManualCost',
        'child DELETE removeManualCost',
      ].sort(),
    );
    expect(new Set(rows.map((r) => r.request_id)).size).toBe(3);
  });
});
