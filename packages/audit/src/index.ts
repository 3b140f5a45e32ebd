export * from './audit-trail';
export * from './audit-log';
export * from './audit-retention';
export * from './access-log';
