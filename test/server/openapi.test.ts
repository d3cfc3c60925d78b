import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { OPENAPI } from '../../src/server/openapi.js';
import type { Store } from '../../src/store/store.js';

// Listing routes needs no database: the app is only built, never asked.
const app = createApp({ store: {} as Store, auth: { mode: 'local' } });

const routeOperations = () =>
  [
    ...new Set(
      app.routes
        .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL' && !r.path.includes('*'))
        .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
    ),
  ].sort();

const describedOperations = () =>
  Object.entries(OPENAPI.paths)
    .flatMap(([path, item]) => Object.keys(item).map((method) => `${method} ${path}`))
    .sort();

describe('the OpenAPI description', () => {
  it('describes every API route, and only those', () => {
    expect(routeOperations().length).toBeGreaterThan(20);
    expect(describedOperations()).toEqual(routeOperations());
  });

  it('is OpenAPI 3.1 and names a schema for every reference it makes', () => {
    expect(OPENAPI.openapi).toBe('3.1.0');
    const refs = [...JSON.stringify(OPENAPI).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map(
      (m) => m[1],
    );
    expect(refs.length).toBeGreaterThan(10);
    for (const name of new Set(refs)) expect(OPENAPI.components.schemas).toHaveProperty(name as string);
  });

  it('is served at /api/openapi.json', async () => {
    const res = await app.request('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(OPENAPI)));
  });
});
