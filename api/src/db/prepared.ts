import type { Orm } from './database.ts';

/**
 * A query built once per database (or transaction) instead of once per request: `build` returns a Drizzle
 * prepared statement (`.prepare(name)`), which PostgreSQL also parses and plans once per connection.
 * Building a query with Drizzle's query builder was the largest single cost of a cheap read.
 */
export function preparedPer<T>(build: (orm: Orm) => T): (orm: Orm) => T {
  const cache = new WeakMap<Orm, T>();
  return (orm) => {
    let prepared = cache.get(orm);
    if (!prepared) {
      prepared = build(orm);
      cache.set(orm, prepared);
    }
    return prepared;
  };
}
