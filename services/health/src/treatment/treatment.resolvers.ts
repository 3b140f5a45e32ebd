import type { HealthContext } from '../context';
import { isUuid } from '../ids';
import { auditWrite, authorizeHealth } from '../person/health-access';
import type { TreatmentDetailsEntity } from './treatment-details.entity';
import {
  attendancePercent,
  normaliseId,
  validateTreatmentDetails,
  validateTreatmentSessions,
  type TreatmentDetailsInput,
  type TreatmentSessionsInput,
} from './treatment';

/** An activity's treatment changed: the request's loader reads it again. */
function treatmentChanged(ctx: HealthContext, row: TreatmentDetailsEntity): TreatmentDetailsEntity {
  ctx.loaders.treatmentOfActivity.clear(row.planActivityId).prime(row.planActivityId, row);
  return row;
}

export const treatmentResolvers = {
  Mutation: {
    recordTreatmentDetails: async (_: unknown, args: { input: TreatmentDetailsInput }, ctx: HealthContext) => {
      authorizeHealth(ctx, 'write', 'treatment details');
      const activityId = normaliseId(args.input.planActivityId);
      const activities = await ctx.directory.activities(isUuid(activityId) ? [activityId] : [], ctx);
      const activity = activities.get(activityId);
      const valid = validateTreatmentDetails(args.input, activity);
      const { row, created } = await ctx.stores.treatments.recordDetails(valid, {
        municipalityCode: ctx.identity.municipality,
        familyId: activity!.familyId,
        recordedBy: ctx.identity.userId,
      });
      auditWrite(ctx, row.personId, 'recordTreatmentDetails', created ? 'CREATE' : 'UPDATE');
      treatmentChanged(ctx, row);
      return { id: row.planActivityId };
    },
    recordTreatmentSessions: async (_: unknown, args: { input: TreatmentSessionsInput }, ctx: HealthContext) => {
      authorizeHealth(ctx, 'write', 'treatment sessions');
      const valid = validateTreatmentSessions(args.input);
      const row = await ctx.stores.treatments.recordSessions(
        ctx.identity.municipality,
        isUuid(valid.planActivityId) ? valid.planActivityId : '00000000-0000-0000-0000-000000000000',
        valid,
        ctx.identity.userId,
      );
      auditWrite(ctx, row.personId, 'recordTreatmentSessions', 'UPDATE');
      treatmentChanged(ctx, row);
      return { id: row.planActivityId };
    },
  },
  PlanActivity: {
    /** Plan activities are owned by the family subgraph; here an activity is just the id treatment hangs on. */
    __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
    /** Attendance is the team summary view's, provider and frequency clinical: the declared policy guards each. */
    treatment: (activity: { id: string }, _: unknown, ctx: HealthContext) =>
      isUuid(activity.id) ? ctx.loaders.treatmentOfActivity.load(activity.id.toLowerCase()) : null,
  },
  TreatmentDetails: {
    person: (row: TreatmentDetailsEntity) => ({ id: row.personId }),
    attendancePercent: (row: TreatmentDetailsEntity) => attendancePercent(row.sessionsPlanned, row.sessionsAttended),
  },
};
