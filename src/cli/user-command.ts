import { randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import { UsageError } from '../errors.js';
import { MIN_PASSWORD_LENGTH, USER_NAME } from '../server/account-routes.js';
import { hashPassword } from '../server/passwords.js';
import { isRole } from '../server/principal.js';
import { digestSecret, newSecret } from '../server/secrets.js';
import type { Store } from '../store/store.js';
import { DB_HELP, DB_OPTION, parseCommandArgs, withLedger } from './ledger-context.js';

const USAGE = `Usage: corroborate user add NAME --role viewer|analyst|admin [--password-stdin]
       corroborate user passwd NAME [--password-stdin]
       corroborate user role NAME viewer|analyst|admin
       corroborate user remove NAME
       corroborate user list
       corroborate user token NAME [--label TEXT]

Accounts of the desk ("corroborate serve"): viewers read, analysts also review, admins also
manage users and imports. Passwords are asked on the terminal (twice, not shown) or read
from standard input with --password-stdin; the ledger keeps only their scrypt hashes.
"token" prints a new API token for scripts (shown once; send it as "Authorization: Bearer").

  --role ROLE           the new user's role
  --password-stdin      read the password from standard input (one line)
  --label TEXT          what the token is for (default "cli")
${DB_HELP}`;

/** I/O the command takes from outside, with the process's as defaults. */
export interface UserCommandIo {
  readonly stdin: NodeJS.ReadStream;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

const processIo: UserCommandIo = {
  stdin: process.stdin,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/**
 * `corroborate user …`: adds, lists, changes and removes desk accounts, and issues API tokens.
 * Each change is written to the audit log as done by `cli:<OS user>`.
 *
 * @example await runUserCommand(['add', 'amira', '--role', 'analyst']) // asks for the password
 */
export async function runUserCommand(argv: string[], io: UserCommandIo = processIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      ...DB_OPTION,
      role: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      label: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    'user',
  );
  const [action, name, extra, ...more] = positionals;
  if (values.help || action === undefined) {
    io.stdout(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  if (more.length > 0) throw new UsageError(`unexpected "${more[0]}" (see "corroborate user --help")`);
  const actor = `cli:${safeOsUser()}`;
  const needName = (): string => {
    if (name === undefined)
      throw new UsageError(`user ${action} needs a NAME (see "corroborate user --help")`);
    return name;
  };
  switch (action) {
    case 'list':
      return withLedger(values.db, async (store) => {
        for (const user of await store.accounts.listUsers())
          io.stdout(`${user.name}\t${user.role}\t${user.createdAt}\n`);
        return 0;
      });
    case 'add': {
      const userName = needName();
      if (!USER_NAME.test(userName)) {
        throw new UsageError('a user name is 1–64 letters, digits, . _ - (starting with a letter or digit)');
      }
      if (!isRole(values.role)) throw new UsageError('user add needs --role viewer, analyst or admin');
      const role = values.role;
      const password = await readPassword(io, values['password-stdin'] === true);
      return withLedger(values.db, async (store) => {
        const result = await store.accounts.putUser({
          name: userName,
          role,
          passwordHash: await hashPassword(password),
        });
        if (result === 'exists') throw new UsageError(`a user "${userName}" exists already`);
        await store.appendAudit({ actor, action: 'user.add', subject: `user:${userName}`, after: { role } });
        io.stderr(`added ${userName} (${role})\n`);
        return 0;
      });
    }
    case 'passwd': {
      const userName = needName();
      const password = await readPassword(io, values['password-stdin'] === true);
      return withLedger(values.db, async (store) => {
        await existingUser(store, userName);
        await store.accounts.updateUser(userName, { passwordHash: await hashPassword(password) });
        await store.accounts.deleteSessionsOf(userName);
        await store.appendAudit({
          actor,
          action: 'user.change',
          subject: `user:${userName}`,
          after: { passwordChanged: true },
        });
        io.stderr(`changed the password of ${userName} and ended their sessions\n`);
        return 0;
      });
    }
    case 'role': {
      const userName = needName();
      if (!isRole(extra)) throw new UsageError('user role NAME needs a ROLE: viewer, analyst or admin');
      return withLedger(values.db, async (store) => {
        const before = await existingUser(store, userName);
        await store.accounts.updateUser(userName, { role: extra });
        await store.appendAudit({
          actor,
          action: 'user.change',
          subject: `user:${userName}`,
          before: { role: before.role },
          after: { role: extra },
        });
        io.stderr(`${userName} is now ${extra}\n`);
        return 0;
      });
    }
    case 'remove': {
      const userName = needName();
      return withLedger(values.db, async (store) => {
        if (!(await store.accounts.removeUser(userName))) throw new UsageError(`no user "${userName}"`);
        await store.appendAudit({ actor, action: 'user.remove', subject: `user:${userName}` });
        io.stderr(`removed ${userName} with their sessions and tokens\n`);
        return 0;
      });
    }
    case 'token': {
      const userName = needName();
      return withLedger(values.db, async (store) => {
        await existingUser(store, userName);
        const token = newSecret('crr_');
        const stored = await store.accounts.createApiToken({
          id: `tok_${randomBytes(6).toString('hex')}`,
          tokenHash: digestSecret(token, 'token'),
          userName,
          label: values.label ?? 'cli',
        });
        io.stderr(`token ${stored.id} for ${userName}; it is shown only now:\n`);
        io.stdout(`${token}\n`);
        return 0;
      });
    }
    default:
      throw new UsageError(`unknown user action "${action}" (see "corroborate user --help")`);
  }
}

async function existingUser(store: Store, name: string) {
  const user = await store.accounts.getUser(name);
  if (user === null) throw new UsageError(`no user "${name}"`);
  return user;
}

function safeOsUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

/** The new password: one line of standard input, or asked twice on the terminal without echo. */
async function readPassword(io: UserCommandIo, fromStdin: boolean): Promise<string> {
  let password: string;
  if (fromStdin) {
    const chunks: Buffer[] = [];
    for await (const chunk of io.stdin) chunks.push(Buffer.from(chunk as Buffer));
    password = Buffer.concat(chunks)
      .toString('utf8')
      .replace(/\r?\n$/, '');
  } else {
    if (!io.stdin.isTTY) throw new UsageError('no terminal to ask for the password: use --password-stdin');
    password = await askHidden(io, 'Password: ');
    if ((await askHidden(io, 'Again: ')) !== password) throw new UsageError('the two passwords differ');
  }
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new UsageError(`a password needs at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  if (password.includes('\n')) throw new UsageError('a password is one line');
  return password;
}

/** Reads one line from the terminal with echo off. */
function askHidden(io: UserCommandIo, question: string): Promise<string> {
  const { stdin } = io;
  io.stderr(question);
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (error: Error | null) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      io.stderr('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (data: Buffer) => {
      for (const char of data.toString('utf8')) {
        if (char === '\r' || char === '\n') return finish(null);
        if (char === '\u0003') return finish(new UsageError('cancelled'));
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else typed += char;
      }
    };
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}
