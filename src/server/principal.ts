import type { Role } from '../store/accounts.js';
import { ROLES } from '../store/accounts.js';
import { HttpError } from './http-error.js';

/**
 * Who is making a request and how they proved it: a browser session, an API token, or the
 * single-user desk on loopback that runs without login.
 *
 * @example { name: 'ana', role: 'analyst', via: 'session' }
 */
export interface Principal {
  readonly name: string;
  readonly role: Role;
  readonly via: 'session' | 'token' | 'local';
}

/**
 * Throws 401 without a principal and 403 when its role is below `role`.
 *
 * @example requireRole(c.get('principal'), 'analyst') // the reviewer, or a 401/403 HttpError
 */
export function requireRole(principal: Principal | null, role: Role): Principal {
  if (principal === null) throw new HttpError('unauthorized', 'log in or send an API token');
  if (ROLES.indexOf(principal.role) < ROLES.indexOf(role)) {
    throw new HttpError('forbidden', `this needs the ${role} role; ${principal.name} is ${principal.role}`);
  }
  return principal;
}

/**
 * Whether `value` names a role.
 *
 * @example isRole('analyst') // true
 */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
