import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|mts|tsx)$/.test(entry.name) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '');
}

describe('store boundaries', () => {
  it('src/store depends only on src/types, its own files and its drivers', () => {
    const allowedPackages = new Set(['kysely', 'better-sqlite3', 'pg']);
    const offending: string[] = [];
    let seen = 0;
    for (const file of sourceFiles(join(root, 'src/store'))) {
      for (const spec of importsOf(file)) {
        seen += 1;
        if (spec.startsWith('node:') || allowedPackages.has(spec)) continue;
        const target = spec.startsWith('.') ? relative(root, resolve(file, '..', spec)) : spec;
        if (!target.startsWith('src/store/') && !target.startsWith('src/types/')) {
          offending.push(`${relative(root, file)} -> ${spec}`);
        }
      }
    }
    expect(seen).toBeGreaterThan(20);
    expect(offending).toEqual([]);
  });

  it('only open-store.ts reaches into the engine folders from outside them', () => {
    const offending: string[] = [];
    for (const file of sourceFiles(join(root, 'src'))) {
      const from = relative(root, file);
      if (from.startsWith('src/store/sqlite/') || from.startsWith('src/store/postgres/')) continue;
      if (from === 'src/store/open-store.ts') continue;
      for (const spec of importsOf(file)) {
        if (!spec.startsWith('.')) continue;
        const target = relative(root, resolve(file, '..', spec));
        if (target.startsWith('src/store/sqlite/') || target.startsWith('src/store/postgres/')) {
          offending.push(`${from} -> ${spec}`);
        }
      }
    }
    expect(offending).toEqual([]);
  });
});
