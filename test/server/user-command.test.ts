import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { runUserCommand } from '../../src/cli/user-command.js';
import { UsageError } from '../../src/errors.js';
import { verifyPassword } from '../../src/server/passwords.js';
import { digestSecret } from '../../src/server/secrets.js';
import { openStore } from '../../src/store/open-store.js';

const dir = mkdtempSync(join(tmpdir(), 'corroborate-users-'));
const db = join(dir, 'ledger.sqlite');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `corroborate user …` with `input` on standard input; returns what it printed. */
async function user(args: string[], input = '') {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runUserCommand([...args, '--db', db], {
    stdin: Readable.from([Buffer.from(input)]) as unknown as NodeJS.ReadStream,
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
  });
  return { code, out: out.join(''), err: err.join('') };
}

describe('corroborate user', () => {
  it('adds a user with a password from standard input, kept as an scrypt hash', async () => {
    expect(
      await user(['add', 'amira', '--role', 'analyst', '--password-stdin'], 'a-long-secret-9\n'),
    ).toMatchObject({
      code: 0,
      err: 'added amira (analyst)\n',
    });
    const store = await openStore(db);
    try {
      const stored = await store.accounts.getUser('amira');
      expect(stored?.passwordHash).toMatch(/^scrypt\$/);
      expect(await verifyPassword('a-long-secret-9', stored?.passwordHash ?? '')).toBe(true);
      expect((await store.auditLog()).map((e) => [e.action, e.subject])).toEqual([
        ['user.add', 'user:amira'],
      ]);
    } finally {
      await store.close();
    }
  });

  it.each([
    [['add', 'amira', '--role', 'analyst', '--password-stdin'], 'another-secret-1', /exists already/],
    [['add', 'tom', '--role', 'boss', '--password-stdin'], 'a-long-secret-9', /--role/],
    [['add', 'tom', '--role', 'viewer', '--password-stdin'], 'short', /at least 10/],
    [['add', '<b>tom', '--role', 'viewer', '--password-stdin'], 'a-long-secret-9', /user name/],
    [['role', 'nobody', 'admin'], '', /no user/],
    [['frobnicate', 'x'], '', /unknown user action/],
  ])('refuses %j', async (args, input, message) => {
    await expect(user(args, input)).rejects.toThrow(UsageError);
    await expect(user(args, input)).rejects.toThrow(message);
  });

  it('changes a role, lists users, issues a token and removes the user with it', async () => {
    expect((await user(['role', 'amira', 'admin'])).code).toBe(0);
    expect((await user(['list'])).out).toMatch(/^amira\tadmin\t/);
    const { out } = await user(['token', 'amira', '--label', 'nightly']);
    const token = out.trim();
    expect(token).toMatch(/^crr_/);
    const store = await openStore(db);
    try {
      expect(await store.accounts.findApiToken(digestSecret(token, 'token'))).toMatchObject({
        userName: 'amira',
        label: 'nightly',
      });
    } finally {
      await store.close();
    }
    expect((await user(['remove', 'amira'])).code).toBe(0);
    expect((await user(['list'])).out).toBe('');
  });
});
