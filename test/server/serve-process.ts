import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

/** `corroborate serve` as users run it: the built command (npm test builds dist/ first). */
export const CLI = resolve(import.meta.dirname, '../../dist/cli/main.js');

/** A `corroborate serve` child process that printed its URL. */
export interface ServeProcess {
  readonly child: ChildProcess;
  readonly url: string;
  /** Resolves with the exit code once the process ended. */
  readonly exited: Promise<number | null>;
  /** What it wrote on stderr so far. */
  readonly stderr: () => string;
}

/**
 * `corroborate serve --port 0 ARGS…` started in a child process (with `env` over this process's
 * environment), once it printed its URL; rejects with its output when it exits before that.
 *
 * @example const { child, url, exited } = await serve(['--db', file]); child.kill('SIGTERM'); await exited;
 */
export async function serve(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<ServeProcess> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const url = await new Promise<string>((done, fail) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Corroborate desk: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (match?.[1]) done(match[1]);
    });
    child.once('exit', (code) => fail(new Error(`serve exited with ${code}: ${out}${err}`)));
  });
  return { child, url, exited, stderr: () => err };
}
