export * from './crm-errors.js';
export type * from './crm-records.js';
export type * from './crm-store.js';
export { migrateToLatest, readSchemaState, type SchemaState } from './migrate.js';
export { DEFAULT_DATABASE, databaseLocation, openCrmStore } from './open-crm-store.js';
export { PostgresCrmStore } from './postgres/postgres-crm-store.js';
export { SqliteCrmStore } from './sqlite/sqlite-crm-store.js';
export { SecretBox } from './secret-box.js';
export { defaultKeyFile, secretBoxFromEnvironment } from './secret-key.js';
