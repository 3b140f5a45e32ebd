export * from './logger';
export * from './errors';
export * from './http';
export * from './subgraph';
export * from './scalars';
export * from './run';
export * from './service';
export * from './merge-resolvers';
