import { fileURLToPath } from 'node:url';
import { analyzeText } from '../analyze.js';
import { loadLedger } from '../corroborate/load-ledger.js';
import { UsageError } from '../errors.js';
import { loadDefaultGazetteer } from '../geo/gazetteer.js';
import { DEFAULT_MAX_IMAGE_UPLOAD_BYTES } from '../server/evidence-routes.js';
import { startDesk } from '../server/start-desk.js';
import { workerLedgerViews } from '../server/worker-ledger-loader.js';
import { ledgerLocation } from '../store/open-store.js';
import { readTrustList } from './evidence-command.js';
import {
  DB_HELP,
  DB_OPTION,
  HELP_OPTION,
  parseCommandArgs,
  positiveInteger,
  printHelpIf,
  withLedger,
} from './ledger-context.js';

const USAGE = `Usage: corroborate serve [--port 8080] [--host 127.0.0.1] [--db PATH|URL] [--secure-cookies]

Serves the desk: the JSON API under /api/ (described at /api/openapi.json) and the web UI
(dist/web/, when built). With no users in the ledger it runs as a single-user desk without
login, on loopback only; add users with "corroborate user add" to serve a team.
It starts building the ledger at once (about 15 minutes at 100,000 documents; its progress is
logged on stderr and answered at /api/ledger/status); ledger requests made meanwhile wait up
to 20 s, then get 503 with Retry-After and how far the build has got.

  --port N              port to listen on (default 8080; 0 picks a free one)
  --host ADDRESS        address to bind (default 127.0.0.1); any other than loopback needs users
${DB_HELP}
  --secure-cookies      mark the session cookie Secure (when served over HTTPS by a proxy)
  --web DIR             folder of the built web UI (default: dist/web of this installation)
  --c2pa-trust-list PEM C2PA trust anchors for uploaded images (repeatable; default:
                        $CORROBORATE_C2PA_TRUST_LIST when set; none: no signer is trusted)
  --max-image-mib N     largest image upload in MiB (default ${DEFAULT_MAX_IMAGE_UPLOAD_BYTES / 1024 / 1024}); other bodies: 2 MiB
  --ledger-heap-mb N    heap limit in MiB of the ledger worker, the thread that alone holds the
                        ledger (default: Node's own limit); a ledger of ~100,000 documents needs
                        16 GiB (--ledger-heap-mb 16384): it holds 10-12 GiB, and with less room
                        it spends its time collecting garbage. When it runs out, ledger requests
                        get 503 and the next one starts it again. Node's --max-old-space-size,
                        when set, overrides it; a :memory: ledger has no worker`;

/** Where the built UI lives in this installation (the package root's `dist/web`). */
const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../dist/web/', import.meta.url));

/**
 * `corroborate serve`: starts the desk, prints its URL, and runs until SIGINT or SIGTERM, when it
 * lets requests in flight finish and closes the ledger.
 *
 * @example await runServeCommand(['--port', '8080']) // prints http://127.0.0.1:8080/
 */
export async function runServeCommand(
  argv: string[],
  signals: NodeJS.EventEmitter = process,
): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      ...DB_OPTION,
      port: { type: 'string' },
      host: { type: 'string' },
      web: { type: 'string' },
      'secure-cookies': { type: 'boolean' },
      'c2pa-trust-list': { type: 'string', multiple: true },
      'max-image-mib': { type: 'string' },
      'ledger-heap-mb': { type: 'string' },
      ...HELP_OPTION,
    },
    'serve',
  );
  if (printHelpIf(values.help, USAGE)) return 0;
  if (positionals.length > 0) throw new UsageError(`serve takes no arguments, got "${positionals[0]}"`);
  const port = values.port === '0' ? 0 : positiveInteger(values.port, '--port', 8080);
  if (port > 65_535) throw new UsageError(`--port must be at most 65535, got ${port}`);
  const host = values.host ?? '127.0.0.1';
  const maxImageBytes =
    positiveInteger(
      values['max-image-mib'],
      '--max-image-mib',
      DEFAULT_MAX_IMAGE_UPLOAD_BYTES / 1024 / 1024,
    ) *
    1024 *
    1024;
  const ledgerHeapMb =
    values['ledger-heap-mb'] === undefined
      ? null
      : positiveInteger(values['ledger-heap-mb'], '--ledger-heap-mb', 0);
  // read once: a signer is trusted when it chains to one of these anchors
  const trustList = await readTrustList(values['c2pa-trust-list']);
  const gazetteer = await loadDefaultGazetteer();
  return withLedger(values.db, async (store) => {
    const desk = await startDesk({
      store,
      host,
      port,
      // A ledger file or server is held by a worker thread alone, which answers the ledger's queries.
      ...(ledgerLocation(values.db).target === ':memory:'
        ? { loadLedger }
        : {
            ledgerViews: workerLedgerViews(
              values.db,
              ledgerHeapMb === null ? {} : { resourceLimits: { maxOldGenerationSizeMb: ledgerHeapMb } },
            ),
          }),
      analyze: (text, { id, date }) => analyzeText(text, { id, date, gazetteer }),
      // The ledger is built from the start, and how a long build goes is logged.
      buildLedgerAtStart: true,
      ledgerLog: (line) => process.stderr.write(`${line}\n`),
      webRoot: values.web ?? DEFAULT_WEB_ROOT,
      evidence: { trustList, maxImageBytes },
      ...(values['secure-cookies'] ? { secureCookies: true } : {}),
    });
    const how =
      desk.mode === 'local' ? 'single-user desk, no login (loopback only)' : 'log in with your account';
    process.stdout.write(`Corroborate desk: ${desk.url} (${how}; Ctrl-C stops)\n`);
    const signal = await new Promise<string>((resolve) => {
      signals.once('SIGINT', () => resolve('SIGINT'));
      signals.once('SIGTERM', () => resolve('SIGTERM'));
    });
    process.stderr.write(
      `corroborate serve: ${signal}: finishing requests in flight and closing the ledger\n`,
    );
    await desk.close();
    return 0;
  });
}
