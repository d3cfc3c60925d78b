import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { hashPassword } from '../../src/server/passwords.js';
import type { Store } from '../../src/store/store.js';
import { deskStore } from './desk-reports.js';

/** A team desk: users log in (session cookie + CSRF token) or send API tokens. */
let store: Store;
let dispose: () => Promise<void>;
let app: ReturnType<typeof createApp>;
let now = Date.parse('2024-03-07T09:00:00.000Z');
const clock = () => new Date(now);

/** A low scrypt cost keeps the seeded logins quick; the desk's own hashes use the default. */
const FAST = { N: 1024, r: 8, p: 1 };
const PASSWORDS = { vera: 'viewer-pass-1', anwar: 'analyst-pass-2', ada: 'admin-pass-3' };

beforeAll(async () => {
  ({ store, dispose } = await deskStore(clock));
  await store.accounts.putUser({
    name: 'vera',
    role: 'viewer',
    passwordHash: await hashPassword(PASSWORDS.vera, FAST),
  });
  await store.accounts.putUser({
    name: 'anwar',
    role: 'analyst',
    passwordHash: await hashPassword(PASSWORDS.anwar, FAST),
  });
  await store.accounts.putUser({
    name: 'ada',
    role: 'admin',
    passwordHash: await hashPassword(PASSWORDS.ada, FAST),
  });
  app = createApp({ store, auth: { mode: 'accounts' }, clock });
});
afterAll(async () => dispose());

interface Caller {
  cookie?: string;
  csrf?: string;
  token?: string;
}

async function call(caller: Caller, method: string, path: string, body?: unknown) {
  const headers: Record<string, string> = {};
  if (caller.cookie) headers.cookie = caller.cookie;
  if (caller.csrf) headers['x-csrf-token'] = caller.csrf;
  if (caller.token) headers.authorization = `Bearer ${caller.token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await app.request(path, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return {
    status: res.status,
    body: text === '' ? null : (JSON.parse(text) as Record<string, unknown>),
    res,
  };
}

async function login(name: keyof typeof PASSWORDS): Promise<Caller> {
  const { status, body, res } = await call({}, 'POST', '/api/session', { name, password: PASSWORDS[name] });
  expect(status).toBe(200);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { cookie, csrf: body?.csrfToken as string };
}

const setStatus = {
  kind: 'set-status',
  member: { documentId: 'river-post-2', eventId: 'ev2' },
  status: 'corroborated',
};

describe('accounts, roles, sessions and tokens', () => {
  it('lets nobody in without logging in, except to log in', async () => {
    expect((await call({}, 'GET', '/api/documents')).status).toBe(401);
    expect((await call({}, 'GET', '/api/audit')).body).toMatchObject({ error: { code: 'unauthorized' } });
    expect((await call({}, 'GET', '/api/session')).body).toEqual({
      mode: 'accounts',
      user: null,
      csrfToken: null,
    });
    expect((await call({}, 'GET', '/api/openapi.json')).status).toBe(200);
  });

  it('starts a session in an HttpOnly, SameSite=Strict cookie, and ends it on logout', async () => {
    const { res, body } = await call({}, 'POST', '/api/session', { name: 'vera', password: PASSWORDS.vera });
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^corroborate_session=[\w-]{40,};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).toContain('Path=/');
    expect(body).toMatchObject({
      user: { name: 'vera', role: 'viewer' },
      expiresAt: '2024-03-07T21:00:00.000Z',
    });
    const vera = { cookie: setCookie.split(';')[0] ?? '', csrf: body?.csrfToken as string };
    expect((await call(vera, 'GET', '/api/documents')).status).toBe(200);
    expect((await call(vera, 'GET', '/api/session')).body).toMatchObject({
      user: { name: 'vera' },
      csrfToken: vera.csrf,
    });
    expect((await call(vera, 'DELETE', '/api/session')).status).toBe(204);
    expect((await call(vera, 'GET', '/api/documents')).status).toBe(401);
  });

  it('marks the cookie Secure and sends HSTS when served over HTTPS', async () => {
    const https = createApp({ store, auth: { mode: 'accounts', secureCookies: true }, clock });
    const res = await https.request('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'vera', password: PASSWORDS.vera }),
    });
    expect(res.headers.get('set-cookie')).toContain('Secure');
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000');
  });

  it('refuses a wrong password and an unknown name alike', async () => {
    const wrong = await call({}, 'POST', '/api/session', { name: 'ada', password: 'not-her-password' });
    const unknown = await call({}, 'POST', '/api/session', { name: 'nobody', password: 'whatever-it-is' });
    expect(wrong.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
  });

  it.each([
    ['vera', 'viewer', 403],
    ['anwar', 'analyst', 201],
    ['ada', 'admin', 201],
  ] as const)('lets %s (%s) review: %i', async (name, _role, expected) => {
    const caller = await login(name);
    const { status } = await call(caller, 'POST', '/api/review', setStatus);
    expect(status).toBe(expected);
  });

  it('refuses a session change without its CSRF token, or with another session’s', async () => {
    const anwar = await login('anwar');
    const ada = await login('ada');
    const before = (await store.stats()).auditEntries;
    expect((await call({ cookie: anwar.cookie }, 'POST', '/api/review', setStatus)).status).toBe(403);
    expect(
      (await call({ cookie: anwar.cookie, csrf: ada.csrf }, 'POST', '/api/review', setStatus)).status,
    ).toBe(403);
    expect((await store.stats()).auditEntries).toBe(before);
  });

  it('checks the Origin of a change against the name it was served under, a proxy’s included', async () => {
    const anwar = await login('anwar');
    const send = (headers: Record<string, string>) =>
      app.request('/api/review', {
        method: 'POST',
        headers: {
          cookie: anwar.cookie ?? '',
          'x-csrf-token': anwar.csrf ?? '',
          'content-type': 'application/json',
          ...headers,
        },
        body: JSON.stringify(setStatus),
      });
    expect((await send({ origin: 'https://evil.example', host: 'desk.example.org' })).status).toBe(403);
    expect((await send({ origin: 'null' })).status).toBe(403);
    expect((await send({ 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await send({ origin: 'https://desk.example.org', host: 'desk.example.org' })).status).toBe(201);
    expect(
      (
        await send({
          origin: 'https://desk.example.org',
          host: '127.0.0.1:8080',
          'x-forwarded-host': 'desk.example.org',
        })
      ).status,
    ).toBe(201);
  });

  it('throttles logins: the sixth attempt in a minute for one name gets 429, others are unaffected', async () => {
    const attempt = (name: string, password: string) => call({}, 'POST', '/api/session', { name, password });
    for (let i = 0; i < 5; i += 1) expect((await attempt('anwar', `guess-number-${i}`)).status).toBe(401);
    const sixth = await attempt('anwar', PASSWORDS.anwar);
    expect(sixth.status).toBe(429);
    expect(sixth.body).toMatchObject({ error: { code: 'too_many_requests' } });
    expect(Number(sixth.res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await attempt('ada', PASSWORDS.ada)).status).toBe(200);
    now += 61_000;
    expect((await attempt('anwar', PASSWORDS.anwar)).status).toBe(200);
  });

  it('issues API tokens shown once and kept as hashes; a bearer needs no CSRF token; revoked is refused', async () => {
    const anwar = await login('anwar');
    const created = await call(anwar, 'POST', '/api/tokens', { label: 'nightly export' });
    expect(created.status).toBe(201);
    const token = created.body?.token as string;
    expect(token).toMatch(/^crr_[\w-]{40,}$/);
    const stored = await store.accounts.listApiTokens('anwar');
    expect(JSON.stringify(stored)).not.toContain(token);

    expect((await call({ token }, 'GET', '/api/documents')).status).toBe(200);
    expect((await call({ token }, 'POST', '/api/review', setStatus)).status).toBe(201);
    expect(
      (await call({ token }, 'POST', '/api/users', { name: 'x', role: 'admin', password: 'long-enough-1' }))
        .status,
    ).toBe(403);
    const listed = ((await call(anwar, 'GET', '/api/tokens')).body?.items ?? []) as {
      id: string;
      tokenHash?: string;
    }[];
    expect(listed.map((t) => t.tokenHash)).toEqual([undefined]);
    expect((await call(anwar, 'DELETE', `/api/tokens/${created.body?.id as string}`)).status).toBe(204);
    expect((await call({ token }, 'GET', '/api/documents')).status).toBe(401);
    expect((await call({ token: 'crr_made-up' }, 'GET', '/api/documents')).status).toBe(401);
  });

  it('lets only admins manage users, audits it, and refuses a taken name with 409', async () => {
    const ada = await login('ada');
    const vera = await login('vera');
    const newUser = { name: 'sami', role: 'analyst', password: 'analyst-pass-9' };
    expect((await call(vera, 'POST', '/api/users', newUser)).status).toBe(403);
    expect((await call(ada, 'POST', '/api/users', newUser)).status).toBe(201);
    expect((await call(ada, 'POST', '/api/users', newUser)).status).toBe(409);
    expect((await call(ada, 'POST', '/api/users', { ...newUser, name: 'x y' })).status).toBe(400);
    expect(
      (await call(ada, 'POST', '/api/users', { ...newUser, name: 'tia', password: 'short' })).status,
    ).toBe(400);
    const sami = await call({}, 'POST', '/api/session', { name: 'sami', password: 'analyst-pass-9' });
    const samiCookie = (sami.res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect((await call({ cookie: samiCookie }, 'GET', '/api/documents')).status).toBe(200);
    expect((await call(ada, 'PATCH', '/api/users/sami', { password: 'a-new-secret-7' })).status).toBe(200);
    expect((await call({ cookie: samiCookie }, 'GET', '/api/documents')).status).toBe(401);
    expect((await call(ada, 'PATCH', '/api/users/sami', { role: 'viewer' })).body).toEqual({
      name: 'sami',
      role: 'viewer',
    });
    const users = ((await call(ada, 'GET', '/api/users')).body?.items ?? []) as {
      name: string;
      passwordHash?: string;
    }[];
    expect(users.map((u) => u.name)).toEqual(['ada', 'anwar', 'sami', 'vera']);
    expect(users.every((u) => u.passwordHash === undefined)).toBe(true);
    expect((await call(ada, 'DELETE', '/api/users/sami')).status).toBe(204);
    expect((await call(ada, 'DELETE', '/api/users/sami')).status).toBe(404);
    const actions = (
      ((await call(ada, 'GET', '/api/audit?limit=1000')).body?.items ?? []) as { action: string }[]
    )
      .map((e) => e.action)
      .filter((a) => a.startsWith('user.'));
    expect(actions).toEqual(['user.add', 'user.change', 'user.change', 'user.remove']);
  });

  it('expires sessions after their time', async () => {
    const vera = await login('vera');
    now += 13 * 60 * 60 * 1000;
    expect((await call(vera, 'GET', '/api/documents')).status).toBe(401);
  });
});
