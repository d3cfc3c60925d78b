import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cachingStatements } from '../../src/store/sqlite/statement-cache.js';

let database: Database.Database;
let prepared: string[];
/** The database as kysely sees it, counting what reaches SQLite's prepare. */
const counting = () => ({
  close: () => database.close(),
  prepare: (sql: string) => {
    prepared.push(sql);
    return database.prepare(sql);
  },
});

beforeEach(() => {
  database = new Database(':memory:');
  database.exec('create table t (n integer)');
  prepared = [];
});
afterEach(() => {
  if (database.open) database.close();
});

describe('prepared statements kept by their text', () => {
  it('prepares a query once however often it runs, and runs it with each call’s parameters', () => {
    const db = cachingStatements(counting());
    for (const n of [1, 2, 3]) db.prepare('insert into t (n) values (?)').run([n]);
    expect(db.prepare('select sum(n) as s from t where n > ?').all([1])).toEqual([{ s: 5 }]);
    expect(db.prepare('select sum(n) as s from t where n > ?').all([2])).toEqual([{ s: 3 }]);
    expect(prepared).toEqual(['insert into t (n) values (?)', 'select sum(n) as s from t where n > ?']);
  });

  it('keeps at most its capacity, dropping the least recently used', () => {
    const db = cachingStatements(counting(), 2);
    const run = (sql: string) => db.prepare(sql).all([]);
    for (const sql of ['select 1', 'select 2', 'select 1', 'select 3', 'select 1', 'select 2']) run(sql);
    // select 2 was dropped when select 3 came in (select 1 had just been used).
    expect(prepared).toEqual(['select 1', 'select 2', 'select 3', 'select 2']);
  });

  it('streams through a statement of its own while the shared one keeps running', () => {
    const db = cachingStatements(counting());
    for (const n of [1, 2]) db.prepare('insert into t (n) values (?)').run([n]);
    const seen: unknown[] = [];
    for (const row of db.prepare('select n from t order by n').iterate([])) {
      seen.push(row, db.prepare('select n from t order by n').all([]).length);
    }
    expect(seen).toEqual([{ n: 1 }, 2, { n: 2 }, 2]);
  });
});
