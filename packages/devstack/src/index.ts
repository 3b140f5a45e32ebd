export * from './infrastructure';
export * from './stack';
export * from './graph-client';
export { loadDemoData } from './demo-data';
