import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { UsageError } from '../errors.js';
import type { Store } from '../store/store.js';
import { createApp, type DeskOptions } from './app.js';
import { isLoopbackName } from './auth.js';

/** A running desk: where it listens, and how to stop it. */
export interface RunningDesk {
  readonly url: string;
  readonly mode: 'local' | 'accounts';
  /** Stops accepting connections, lets requests in flight finish (up to `graceMs`), then closes. */
  close(graceMs?: number): Promise<void>;
}

/** Where and how to serve; the rest goes to `createApp`. */
export interface StartDeskOptions extends Omit<DeskOptions, 'auth'> {
  readonly store: Store;
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly secureCookies?: boolean;
}

/**
 * Starts the desk's HTTP server. With no users in the ledger it runs as the single-user desk
 * without login, which it allows only on a loopback address; on any other address it refuses to
 * start (`UsageError`) until an account exists.
 *
 * @example
 * const desk = await startDesk({ store, host: '127.0.0.1', port: 8080, loadLedger });
 * console.log(desk.url); // http://127.0.0.1:8080/
 */
export async function startDesk(options: StartDeskOptions): Promise<RunningDesk> {
  const { store, host, port, secureCookies, ...appOptions } = options;
  const users = await store.accounts.countUsers();
  if (users === 0 && !isLoopbackName(host)) {
    throw new UsageError(
      `refusing to serve on ${host} without accounts: anyone who reaches it would act as admin. ` +
        'Add one with "corroborate user add NAME --role admin", or serve on 127.0.0.1.',
    );
  }
  const mode = users === 0 ? 'local' : 'accounts';
  const app = createApp({
    ...appOptions,
    store,
    auth: { mode, ...(secureCookies === undefined ? {} : { secureCookies }) },
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: host, port }, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}/`,
    mode,
    close: (graceMs = 5000) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          if ('closeAllConnections' in server) server.closeAllConnections();
        }, graceMs);
        timer.unref();
        if ('closeIdleConnections' in server) server.closeIdleConnections();
        server.close(() => {
          clearTimeout(timer);
          resolve();
        });
      }),
  };
}
