export * from './infrastructure';
export * from './stack';
export * from './graph-client';
export { demoCaseworker, loadDemoData } from './demo-data';
export { loadDemoRegistrations } from './demo-registration';
export { createServiceTestDatabase, serviceTemplate, type DatabaseService } from './test-databases';
export { startTestStack, TEST_TOKEN_SETTINGS, type TestStack } from './test-stack';
export { registerCaller } from './test-callers';
