import { lastDayOfMonth } from '@helhed/calendar';
import { NotFoundError, UnauthenticatedError, UserInputError } from '@helhed/errors';
import { authorizeEvaluatorDataset } from '@helhed/identity';
import { requirePlannedFetch } from '@helhed/server';
import type { FamilyContext } from '../context';
import { isUuid } from '../ids';
import { monthIndicators } from '../registration/progression';
import {
  datasetRows,
  memberInMonth,
  validateRange,
  type Indicator,
  type Subject,
  type SubjectIndicators,
} from './evaluator-export';

export interface DatasetRef {
  projectId: string;
  from: string;
  to: string;
  jobcenterValues?: SubjectIndicators[];
  healthValues?: SubjectIndicators[];
}

/** Checks the caller and the range; returns the project. */
async function checked(ctx: FamilyContext, ref: DatasetRef) {
  if (!ctx.identity) throw new UnauthenticatedError();
  if (!isUuid(ref.projectId)) throw new UserInputError('projectId', 'Not a project id');
  const project = await ctx.loaders.project.load(ref.projectId);
  if (!project) throw new NotFoundError('No such project');
  authorizeEvaluatorDataset(ctx.identity, [project.municipalityCode]);
  const months = validateRange(ref.from, ref.to, ctx.today);
  return { project, months };
}

/** The dataset's person-months and the family part's values, loaded once per request and dataset. */
const cache = new WeakMap<object, Map<string, ReturnType<typeof load>>>();
export function datasetOf(ctx: FamilyContext, ref: DatasetRef) {
  let byKey = cache.get(ctx);
  if (!byKey) cache.set(ctx, (byKey = new Map()));
  const key = `${ref.projectId}|${ref.from}|${ref.to}`;
  if (!byKey.has(key)) byKey.set(key, load(ctx, ref));
  return byKey.get(key)!;
}

async function load(ctx: FamilyContext, ref: DatasetRef) {
  const { project, months } = await checked(ctx, ref);
  const enrolments = await ctx.stores.registrations.enrolmentsInMonth(
    ref.projectId,
    `${ref.from}-01`,
    lastDayOfMonth(ref.to),
  );
  const familyIds = [...new Set(enrolments.map((e) => e.familyId))];
  // Current and former members: a person who left keeps the months they were a member of an enrolled family.
  const [members, formerMembers] = await Promise.all([
    Promise.all(familyIds.map((id) => ctx.loaders.membersOfFamily.load(id))),
    Promise.all(familyIds.map((id) => ctx.loaders.formerMembersOfFamily.load(id))),
  ]);
  const membersOf = new Map(familyIds.map((id, i) => [id, [...members[i]!, ...formerMembers[i]!]]));
  const subjects: Subject[] = [];
  const seen = new Set<string>();
  for (const month of months) {
    const first = `${month}-01`;
    const last = lastDayOfMonth(month);
    for (const e of enrolments) {
      if (e.enrolledOn > last || (e.endedOn !== null && e.endedOn < first)) continue;
      for (const p of membersOf.get(e.familyId) ?? []) {
        if (!memberInMonth(p, first)) continue;
        if (seen.has(`${p.id}|${month}`)) continue;
        seen.add(`${p.id}|${month}`);
        subjects.push({
          personId: p.id,
          familyId: e.familyId,
          month,
          municipalityCode: project.municipalityCode,
          birthDate: p.birthDate,
          sex: p.sex,
          role: p.role,
        });
      }
    }
  }
  const registrations = await Promise.all(
    subjects.map((s) => ctx.loaders.familyRegistration.load(`${s.personId}|${s.month}`)),
  );
  const familyValues = new Map<string, Indicator[]>();
  subjects.forEach((s, i) => {
    const r = registrations[i];
    if (r) familyValues.set(`${s.personId}|${s.month}`, monthIndicators(r));
  });
  const key = await ctx.stores.evaluatorKeys.keyOf(ref.projectId);
  return { subjects, familyValues, key };
}

/**
 * The evaluators' dataset: the family subgraph lists the person-months (members
 * of the families enrolled in each month), hands them to the jobcenter and the
 * health coordinator through `@requires`, and returns the rows with keyed
 * pseudonyms. Person ids stay in the `@inaccessible` fields between subgraphs:
 * `subjects` is answered only to a fetch the gateway planned, never to a caller
 * who sends a signed identity straight here (a national monitor may have the
 * pseudonymised rows of any municipality's project, not its person ids).
 */
export const evaluatorExportResolvers = {
  Query: {
    evaluatorDataset: async (_: unknown, args: DatasetRef, ctx: FamilyContext) => {
      await checked(ctx, args);
      return { projectId: args.projectId, from: args.from, to: args.to };
    },
  },
  EvaluatorDataset: {
    __resolveReference: async (ref: DatasetRef, ctx: FamilyContext) => {
      await checked(ctx, ref);
      return ref;
    },
    subjects: async (ref: DatasetRef, _: unknown, ctx: FamilyContext) => {
      requirePlannedFetch(ctx, "The evaluators' dataset's person-months");
      return (await datasetOf(ctx, ref)).subjects.map((s) => ({
        personId: s.personId,
        month: s.month,
        municipalityCode: s.municipalityCode,
      }));
    },
    rows: async (ref: DatasetRef, _: unknown, ctx: FamilyContext) => {
      const { subjects, familyValues, key } = await datasetOf(ctx, ref);
      return datasetRows(key, subjects, familyValues, [ref.jobcenterValues ?? [], ref.healthValues ?? []]);
    },
  },
};
