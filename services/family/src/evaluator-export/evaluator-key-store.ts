import type { DataSource } from 'typeorm';
import { newProjectKey } from './pseudonym';

/** The per-project pseudonym keys (table `evaluator_project_key`), created at first use. */
export class EvaluatorKeyStore {
  constructor(private readonly db: DataSource) {}

  /** The project's key; a new random one the first time (concurrent first uses agree on one). */
  async keyOf(projectId: string): Promise<Buffer> {
    await this.db.query(
      `INSERT INTO evaluator_project_key (project_id, secret) VALUES ($1, $2) ON CONFLICT (project_id) DO NOTHING`,
      [projectId, newProjectKey()],
    );
    const rows = (await this.db.query(`SELECT secret FROM evaluator_project_key WHERE project_id = $1`, [
      projectId,
    ])) as Array<{ secret: Buffer }>;
    return rows[0]!.secret;
  }
}
