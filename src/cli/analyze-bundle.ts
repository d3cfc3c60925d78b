import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** The one-file bundle of `corroborate analyze` that scripts/bundle-cli.mjs writes in dist/cli/. */
export const ANALYZE_BUNDLE = 'analyze-command.bundle.js';

/** Beside the bundle: what it was made from (see {@link BundleManifest}). */
export const ANALYZE_BUNDLE_MANIFEST = 'analyze-command.bundle.json';

/** One file the bundle was made from: its path from dist/cli/, its size and when it was written. */
export interface BundledInput {
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
}

/**
 * What a bundle was made from: the compiled modules it took in (and the `package.json` of each
 * package it took in, for the version), with their sizes, times and one SHA-256 of their
 * contents, and the bundle's own size. The bundle is current while every one of them holds the
 * same bytes: a `tsc` build that changed any of them makes it stale; a copy, a `touch` or a
 * build that wrote the same bytes again does not.
 */
export interface BundleManifest {
  readonly bundleSize: number;
  readonly inputs: readonly BundledInput[];
  /** SHA-256 (hex) of every input's path and content, in order (see `inputsHash`). */
  readonly sha256: string;
}

/**
 * The manifest of a bundle in `cliDir` made from `files` (absolute paths).
 *
 * @example writeFileSync(join(cliDir, ANALYZE_BUNDLE_MANIFEST), JSON.stringify(bundleManifest(cliDir, files)))
 */
export function bundleManifest(cliDir: string, files: readonly string[]): BundleManifest {
  const inputs = files.map((file) => {
    const { size, mtimeMs } = statSync(file);
    return { path: relative(cliDir, file).split(sep).join('/'), size, mtimeMs };
  });
  return {
    bundleSize: statSync(join(cliDir, ANALYZE_BUNDLE)).size,
    inputs,
    sha256: inputsHash(cliDir, inputs),
  };
}

/**
 * Whether `cliDir` (dist/cli/) holds a bundle of `analyze` made from the files that are there
 * now. Its manifest must be there, the bundle and every input must have the sizes they had;
 * then, when every input also has the time it had (the files the bundle was made from, never
 * written since), it is current on `stat` alone (~110 files, about 1 ms); when some time differs
 * (a copy, a `touch`, a new `tsc` build), on whether their contents hash as they did (~0.8 MB,
 * a few ms more). Only a file rewritten with other bytes of the same size and its old time put
 * back by hand would pass unseen.
 *
 * @example const current = analyzeBundleIsCurrent(fileURLToPath(new URL('./', import.meta.url)));
 */
export function analyzeBundleIsCurrent(cliDir: string): boolean {
  try {
    const manifest = JSON.parse(
      readFileSync(join(cliDir, ANALYZE_BUNDLE_MANIFEST), 'utf8'),
    ) as BundleManifest;
    if (!Array.isArray(manifest.inputs) || manifest.inputs.length === 0) return false;
    if (statSync(join(cliDir, ANALYZE_BUNDLE)).size !== manifest.bundleSize) return false;
    let untouched = true;
    for (const input of manifest.inputs) {
      const now = statSync(join(cliDir, input.path));
      if (now.size !== input.size) return false;
      if (now.mtimeMs !== input.mtimeMs) untouched = false;
    }
    return untouched || inputsHash(cliDir, manifest.inputs) === manifest.sha256;
  } catch {
    // No manifest, a file gone or unreadable: the compiled modules are used.
    return false;
  }
}

/** One SHA-256 over each input's path and content, in the manifest's order. */
function inputsHash(cliDir: string, inputs: readonly BundledInput[]): string {
  const hash = createHash('sha256');
  for (const input of inputs) hash.update(`${input.path}\0`).update(readFileSync(join(cliDir, input.path)));
  return hash.digest('hex');
}
