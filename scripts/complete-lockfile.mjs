#!/usr/bin/env node
// Adds lockfile entries for platform-specific optional dependencies that npm left out.
//
// npm writes no entry for an optional dependency it could not resolve (npm/cli#4828; here the
// registry mirror lacks some other-platform builds), yet `npm ci` then refuses the lockfile
// ("Missing: @rollup/rollup-darwin-x64@ from lock file"). The missing packages are exact-pinned
// platform binaries that are never installed on other platforms, so an entry naming the pinned
// version and its os/cpu is enough for `npm ci` everywhere. Run after changing dependencies:
//   npm install && node scripts/complete-lockfile.mjs && npm ci --dry-run
import { readFileSync, writeFileSync } from 'node:fs';

const FILE = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(FILE, 'utf8'));
const packages = lock.packages;
const OS = [
  'darwin',
  'linux',
  'win32',
  'android',
  'freebsd',
  'openbsd',
  'netbsd',
  'sunos',
  'aix',
  'openharmony',
];
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'loong64', 'ppc64', 'riscv64', 's390x', 'mips64el', 'wasm32'];

function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  const os = parts.find((p) => OS.includes(p)) ?? (parts.includes('win32') ? 'win32' : null);
  const cpu = parts.find((p) => CPU.includes(p)) ?? (parts.includes('arm') ? 'arm' : null);
  const libc = parts.includes('musl')
    ? 'musl'
    : parts.includes('gnu') || parts.includes('gnueabihf')
      ? 'glibc'
      : null;
  return { os, cpu, libc };
}

let added = 0;
for (const [path, node] of Object.entries(packages)) {
  for (const [name, spec] of Object.entries(node.optionalDependencies ?? {})) {
    const nested = `${path ? `${path}/` : ''}node_modules/${name}`;
    if (packages[nested] || packages[`node_modules/${name}`]) continue;
    if (!/^\d+\.\d+\.\d+(?:-[\w.]+)?$/.test(spec)) {
      console.error(
        `complete-lockfile: ${name}@${spec} (from ${path || 'root'}) is not an exact version; resolve it by hand`,
      );
      process.exitCode = 1;
      continue;
    }
    const { os, cpu, libc } = platformOf(name);
    packages[`node_modules/${name}`] = {
      version: spec,
      ...(node.dev ? { dev: true } : {}),
      optional: true,
      ...(os ? { os: [os] } : {}),
      ...(cpu ? { cpu: [cpu] } : {}),
      ...(libc ? { libc: [libc] } : {}),
    };
    added++;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
writeFileSync(FILE, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: added ${added} optional platform entries`);
