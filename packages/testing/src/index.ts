export * from './database';
export * from './smtp';
export * from './identities';
export * from './graphql-client';
export * from './subgraph';
export * from './family-stand-in';
export * from './personal-data';
export * from './clock';
