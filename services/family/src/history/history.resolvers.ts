import { toConnection, type PageArgs } from '@helhed/db';
import type { FamilyContext } from '../context';
import type { FamilyEntity } from '../family/family.entity';
import type { ChangeRecordEntity } from '@helhed/history';

export const historyResolvers = {
  Family: {
    history: async (family: FamilyEntity, args: PageArgs, ctx: FamilyContext) =>
      toConnection(await ctx.stores.history.ofFamily(family.id, args)),
  },
  ChangeRecord: {
    at: (c: ChangeRecordEntity) => c.changedAt,
    by: (c: ChangeRecordEntity) => c.changedBy,
  },
};
