import { ForbiddenError } from '@helhed/errors';
import type { Identity } from './identity';

/**
 * A person's access log (who touched which of their data, when) is read by the
 * municipality's data-protection officer (role DATA_PROTECTION) only, and only
 * in their own municipality — to answer a citizen's request to see who looked.
 */
export function authorizeAccessLog(identity: Identity, municipality: string): void {
  if (!identity.roles.includes('DATA_PROTECTION'))
    throw new ForbiddenError("Only the municipality's data-protection officer (DATA_PROTECTION) reads access logs");
  if (identity.municipality !== municipality) throw new ForbiddenError("Another municipality's access log");
}
