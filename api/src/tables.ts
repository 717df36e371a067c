// Every table as Drizzle sees it, one tables.ts per domain folder; the SQL in api/migrations/ creates them
// (tests/integration/database keeps the two in step). The queries import each domain's own tables.ts.

export * from './artists/tables.ts';
export * from './deliveries/tables.ts';
export * from './labels/tables.ts';
export * from './partners/tables.ts';
export * from './releases/tables.ts';
export * from './sessions/tables.ts';
export * from './users/tables.ts';
