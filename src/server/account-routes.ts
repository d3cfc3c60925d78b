import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import type { DeskDeps, DeskEnv } from './desk-env.js';
import { HttpError } from './http-error.js';
import { hashPassword } from './passwords.js';
import { isRole, requireRole } from './principal.js';
import { readJsonObject, requiredString } from './request-input.js';
import { digestSecret, newSecret } from './secrets.js';

/** Shortest password an admin may set. */
export const MIN_PASSWORD_LENGTH = 10;

/**
 * Login and logout (`/session`), the caller's API tokens (`/tokens`), and user management for
 * admins (`/users`).
 *
 * @example app.route('/api', accountRoutes(deps))
 */
export function accountRoutes(deps: DeskDeps): Hono<DeskEnv> {
  const { store, auth } = deps;
  const routes = new Hono<DeskEnv>();

  routes.get('/session', (c) => {
    const principal = c.get('principal');
    return c.json({
      mode: auth.config.mode,
      user: principal === null ? null : { name: principal.name, role: principal.role, via: principal.via },
      csrfToken: c.get('csrfToken'),
    });
  });

  routes.post('/session', async (c) => {
    const body = await readJsonObject(c);
    const name = requiredString(body, 'name', 64);
    const password = requiredString(body, 'password', 1024);
    return c.json(await auth.login(c, name, password));
  });

  routes.delete('/session', async (c) => {
    await auth.logout(c);
    return c.body(null, 204);
  });

  routes.get('/tokens', async (c) => {
    const principal = requireRole(c.get('principal'), 'viewer');
    const all = c.req.query('all') === 'true';
    if (all) requireRole(principal, 'admin');
    const tokens = await store.accounts.listApiTokens(all ? undefined : principal.name);
    return c.json({ items: tokens.map(({ tokenHash: _hash, ...shown }) => shown) });
  });

  routes.post('/tokens', async (c) => {
    const principal = requireRole(c.get('principal'), 'viewer');
    if (principal.via === 'local') {
      throw new HttpError('conflict', 'the single-user desk has no accounts to issue tokens for');
    }
    const body = await readJsonObject(c);
    const label = requiredString(body, 'label', 100);
    const token = newSecret('crr_');
    const stored = await store.accounts.createApiToken({
      id: `tok_${randomBytes(6).toString('hex')}`,
      tokenHash: digestSecret(token, 'token'),
      userName: principal.name,
      label,
    });
    const { tokenHash: _hash, ...shown } = stored;
    // The secret is shown once; the store keeps only its digest.
    return c.json({ ...shown, token }, 201);
  });

  routes.delete('/tokens/:id', async (c) => {
    const principal = requireRole(c.get('principal'), 'viewer');
    const owner = principal.role === 'admin' ? undefined : principal.name;
    if (!(await store.accounts.revokeApiToken(c.req.param('id'), owner))) {
      throw new HttpError('not_found', `no token "${c.req.param('id')}"`);
    }
    return c.body(null, 204);
  });

  routes.get('/users', async (c) => {
    requireRole(c.get('principal'), 'admin');
    const users = await store.accounts.listUsers();
    return c.json({ items: users.map(({ passwordHash: _hash, ...shown }) => shown) });
  });

  routes.post('/users', async (c) => {
    const principal = requireRole(c.get('principal'), 'admin');
    const body = await readJsonObject(c);
    const name = requiredString(body, 'name', 64);
    if (!USER_NAME.test(name)) throw new HttpError('bad_request', USER_NAME_RULE);
    if (!isRole(body.role)) throw new HttpError('bad_request', '"role" must be viewer, analyst or admin');
    const password = passwordOf(body.password);
    const result = await store.accounts.putUser({
      name,
      role: body.role,
      passwordHash: await hashPassword(password),
    });
    if (result === 'exists') throw new HttpError('conflict', `a user "${name}" exists already`);
    await store.appendAudit({
      actor: principal.name,
      action: 'user.add',
      subject: `user:${name}`,
      after: { role: body.role },
    });
    return c.json({ name, role: body.role }, 201);
  });

  routes.patch('/users/:name', async (c) => {
    const principal = requireRole(c.get('principal'), 'admin');
    const name = c.req.param('name');
    const body = await readJsonObject(c);
    if (body.role !== undefined && !isRole(body.role)) {
      throw new HttpError('bad_request', '"role" must be viewer, analyst or admin');
    }
    const role = isRole(body.role) ? body.role : undefined;
    const passwordHash =
      body.password === undefined ? undefined : await hashPassword(passwordOf(body.password));
    if (role === undefined && passwordHash === undefined)
      throw new HttpError('bad_request', 'send "role" or "password"');
    const before = await store.accounts.getUser(name);
    if (before === null) throw new HttpError('not_found', `no user "${name}"`);
    await store.accounts.updateUser(name, {
      ...(role === undefined ? {} : { role }),
      ...(passwordHash === undefined ? {} : { passwordHash }),
    });
    // A new password logs the user out everywhere: whoever knew the old one loses their session.
    if (passwordHash !== undefined) await store.accounts.deleteSessionsOf(name);
    await store.appendAudit({
      actor: principal.name,
      action: 'user.change',
      subject: `user:${name}`,
      before: { role: before.role },
      after: { role: role ?? before.role, passwordChanged: passwordHash !== undefined },
    });
    return c.json({ name, role: role ?? before.role });
  });

  routes.delete('/users/:name', async (c) => {
    const principal = requireRole(c.get('principal'), 'admin');
    const name = c.req.param('name');
    if (name === principal.name) throw new HttpError('conflict', 'an admin cannot remove their own account');
    if (!(await store.accounts.removeUser(name))) throw new HttpError('not_found', `no user "${name}"`);
    await store.appendAudit({ actor: principal.name, action: 'user.remove', subject: `user:${name}` });
    return c.body(null, 204);
  });

  return routes;
}

/** User names: short, no spaces or markup, so they are safe in logs and audit subjects. */
export const USER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const USER_NAME_RULE = '"name" must be 1–64 letters, digits, . _ - (starting with a letter or digit)';

function passwordOf(value: unknown): string {
  if (typeof value !== 'string' || value.length < MIN_PASSWORD_LENGTH || value.length > 1024) {
    throw new HttpError('bad_request', `"password" must be ${MIN_PASSWORD_LENGTH} to 1024 characters`);
  }
  return value;
}
