export * from './identity';
export * from './forwarded';
export * from './caller-token';
export * from './access';
export * from './policy';
export * from './data-protection';
