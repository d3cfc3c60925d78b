import { readFileSync } from 'node:fs';
import { LOCAL_STORE, loadDefaultGazetteer } from '../geo/gazetteer.js';
import { ImportError, mergeIntoStore, readGeonamesDump, userPlaces } from '../geo/import-places.js';

const USAGE = `usage: corroborate gazetteer import FILE [--store PATH]
       corroborate gazetteer lookup NAME

import  adds places to the local store (${LOCAL_STORE} under the working directory),
        which the reader loads beside its built-in table:
          a GeoNames dump you downloaded: allCountries.zip, a country zip (IQ.zip),
          cities500.zip, or the .txt inside (streamed; progress on stderr)
          your own places: a GeoJSON Feature or FeatureCollection whose features carry
          properties.name, optional aliases [..], kind (default facility), country (ISO code)
lookup  prints the places a name resolves to (with the local store)`;

/**
 * `corroborate gazetteer …`: imports GeoNames dumps and user places into the local store, or
 * looks a name up. Returns the exit code (0 ok, 1 failed, 2 usage).
 *
 * @example await runGazetteerCommand(['import', 'IQ.zip']) // 0
 */
export async function runGazetteerCommand(
  argv: string[],
  log: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
): Promise<number> {
  const [sub, ...rest] = argv;
  const storeAt = rest.indexOf('--store');
  const store = storeAt >= 0 ? rest[storeAt + 1] : LOCAL_STORE;
  const args = storeAt >= 0 ? rest.filter((_, i) => i !== storeAt && i !== storeAt + 1) : rest;
  if (!store || (sub !== 'import' && sub !== 'lookup') || args.length !== 1) {
    log(USAGE);
    return 2;
  }
  try {
    if (sub === 'lookup') {
      const g = await loadDefaultGazetteer(store);
      const hits = [...g.lookup(args[0]!), ...(g.lookup(args[0]!).length ? [] : g.lookupFacility(args[0]!))];
      for (const e of hits)
        process.stdout.write(
          `${e.id}\t${e.name}\t${e.kind}\t${e.countryCode ?? ''}\t${e.lat},${e.lon}\tpop ${e.population}\n`,
        );
      return hits.length > 0 ? 0 : 1;
    }
    const file = args[0]!;
    if (/\.(?:geo)?json$/i.test(file)) {
      const rows = userPlaces(JSON.parse(readFileSync(file, 'utf8')));
      if (rows.length === 0)
        throw new ImportError(`${file}: no feature with properties.name and coordinates`);
      const total = await mergeIntoStore(store, rows);
      log(`added ${rows.length} user places; ${store} holds ${total} places`);
      return 0;
    }
    const total = await mergeIntoStore(store, readGeonamesDump(file, log));
    log(`${store} holds ${total} places`);
    return 0;
  } catch (err) {
    log(`gazetteer ${sub}: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}
