import { mintCallerToken } from '@helhed/identity';
import type { Logger } from '@helhed/server';
import type { GatewaySettings } from '../due/graph-due-source';
import { toCsv, type DatasetRow } from './csv';
import type { ExportStore } from './export-store';

const DATASET = `query EvaluatorDataset($projectId: ID!, $from: YearMonth!, $to: YearMonth!) {
  evaluatorDataset(projectId: $projectId, from: $from, to: $to) {
    rows { pseudonym familyPseudonym birthYear sex role month indicators { indicator department value } }
  }
}`;

/** Codes that no retry changes: the request is refused or wrong. */
const PERMANENT = new Set(['FORBIDDEN', 'UNAUTHENTICATED', 'BAD_USER_INPUT', 'NOT_FOUND', 'GRAPHQL_VALIDATION_FAILED']);

export class PermanentExportError extends Error {}

export interface ExportOutcome {
  exportId: string;
  status: 'DONE' | 'FAILED' | 'SKIPPED';
  rowCount?: number;
}

/**
 * Runs one evaluator export: reads the dataset through the gateway as the
 * requester (a token minted for the requester's own identity, valid 10 minutes —
 * the worker's SERVICE identity is never used or widened for it), writes the CSV
 * into the request's row and marks it DONE. A refusal (the requester may not
 * export the project) or bad input marks it FAILED at once; anything else is
 * retried by the queue, and marked FAILED on the last attempt.
 */
export async function runEvaluatorExport(
  deps: { store: ExportStore; gateway: GatewaySettings; logger: Logger },
  exportId: string,
  attempt: { made: number; of: number },
): Promise<ExportOutcome> {
  const request = await deps.store.byId(exportId);
  if (!request || !(await deps.store.start(exportId))) return { exportId, status: 'SKIPPED' };
  try {
    const token = await mintCallerToken(request.requester, {
      issuer: deps.gateway.JWT_ISSUER,
      audience: deps.gateway.JWT_AUDIENCE,
      secret: deps.gateway.JWT_SECRET,
      expiresIn: '10m',
    });
    const res = await fetch(deps.gateway.GATEWAY_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: DATASET,
        variables: { projectId: request.projectId, from: request.from, to: request.to },
      }),
    });
    const body = (await res.json().catch(() => ({}))) as {
      data?: { evaluatorDataset: { rows: DatasetRow[] } | null } | null;
      errors?: Array<{ message: string; extensions?: { code?: string } }>;
    };
    if (body.errors?.length || !body.data?.evaluatorDataset) {
      const message = body.errors?.map((e) => e.message).join('; ') ?? `the gateway answered ${res.status}`;
      if (body.errors?.some((e) => PERMANENT.has(e.extensions?.code ?? ''))) throw new PermanentExportError(message);
      throw new Error(message);
    }
    const rows = body.data.evaluatorDataset.rows;
    if (!(await deps.store.done(exportId, rows.length, toCsv(rows)))) return { exportId, status: 'SKIPPED' };
    deps.logger.info({ exportId, rows: rows.length }, 'evaluator export written');
    return { exportId, status: 'DONE', rowCount: rows.length };
  } catch (error) {
    const permanent = error instanceof PermanentExportError;
    if (permanent || attempt.made + 1 >= attempt.of) {
      await deps.store.failed(exportId, (error as Error).message);
      deps.logger.warn({ exportId, err: (error as Error).message }, 'evaluator export failed');
      if (permanent) return { exportId, status: 'FAILED' };
    }
    throw error;
  }
}
