import type { DataSource } from 'typeorm';
import type { GrantInput, LineKind } from './grant';

export interface GrantRow {
  id: string;
  projectId: string;
  amountOre: number;
  startsOn: string;
  endsOn: string;
  lines: Array<{ kind: LineKind; amountOre: number }>;
  spending: Array<{ id: string; kind: LineKind; month: string; amountOre: number; note: string | null }>;
}

export class GrantStore {
  constructor(private readonly db: DataSource) {}

  /** The grants of some projects with their lines and spending: three statements however many. */
  async byProjects(municipalityCode: string, projectIds: readonly string[]): Promise<GrantRow[]> {
    const grants: Array<Record<string, string>> = await this.db.query(
      `SELECT id, project_id, amount_ore::text, to_char(starts_on, 'YYYY-MM-DD') AS starts_on,
              to_char(ends_on, 'YYYY-MM-DD') AS ends_on
       FROM grant_award WHERE municipality_code = $1 AND project_id = ANY($2::uuid[])`,
      [municipalityCode, projectIds],
    );
    if (grants.length === 0) return [];
    const ids = grants.map((g) => g.id);
    const lines: Array<Record<string, string>> = await this.db.query(
      `SELECT grant_id, kind, amount_ore::text FROM grant_budget_line WHERE grant_id = ANY($1::uuid[])`,
      [ids],
    );
    const spending: Array<Record<string, string | null>> = await this.db.query(
      `SELECT id, grant_id, kind, month, amount_ore::text, note FROM grant_spending
       WHERE grant_id = ANY($1::uuid[]) ORDER BY month, created_at, id`,
      [ids],
    );
    return grants.map((g) => ({
      id: g.id!,
      projectId: g.project_id!,
      amountOre: Number(g.amount_ore),
      startsOn: g.starts_on!,
      endsOn: g.ends_on!,
      lines: lines
        .filter((l) => l.grant_id === g.id)
        .map((l) => ({ kind: l.kind as LineKind, amountOre: Number(l.amount_ore) })),
      spending: spending
        .filter((s) => s.grant_id === g.id)
        .map((s) => ({
          id: s.id!,
          kind: s.kind as LineKind,
          month: s.month!,
          amountOre: Number(s.amount_ore),
          note: s.note ?? null,
        })),
    }));
  }

  /** Creates or replaces a project's grant and its lines, in one transaction. */
  async set(municipalityCode: string, input: GrantInput): Promise<void> {
    await this.db.transaction(async (tx) => {
      const [row] = await tx.query(
        `INSERT INTO grant_award (municipality_code, project_id, amount_ore, starts_on, ends_on)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (project_id) DO UPDATE SET amount_ore = EXCLUDED.amount_ore, starts_on = EXCLUDED.starts_on,
           ends_on = EXCLUDED.ends_on
         RETURNING id`,
        [municipalityCode, input.projectId, input.amountOre, input.startsOn, input.endsOn],
      );
      await tx.query('DELETE FROM grant_budget_line WHERE grant_id = $1', [row.id]);
      if (input.lines.length > 0) {
        await tx.query(
          `INSERT INTO grant_budget_line (grant_id, kind, amount_ore)
           SELECT $1, * FROM unnest($2::text[], $3::bigint[])`,
          [row.id, input.lines.map((l) => l.kind), input.lines.map((l) => l.amountOre)],
        );
      }
    });
  }

  async addSpending(
    grantId: string,
    s: { kind: LineKind; month: string; amountOre: number; note?: string | null },
    createdBy: string,
  ) {
    const [row] = await this.db.query(
      `INSERT INTO grant_spending (grant_id, kind, month, amount_ore, note, created_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [grantId, s.kind, s.month, s.amountOre, s.note ?? null, createdBy],
    );
    return { id: row.id as string, kind: s.kind, month: s.month, amountOre: s.amountOre, note: s.note ?? null };
  }
}
