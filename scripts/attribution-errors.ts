#!/usr/bin/env -S node --import tsx
// Reads the attribution dev gold (../shared/eval/attributions-polnear.jsonl by default) with the
// attribution reader alone, scores it by the corpus's overlap rule, and breaks the errors down:
// misses by gold cue word, by the kind of miss (no attribution near it, content boundary wrong,
// content taken by another report), spurious attributions by cue, and the sources that differ.
//
//   node --import tsx scripts/attribution-errors.ts [GOLD.jsonl] [--dump DIR] [--top N]
//
// --dump DIR writes misses.txt, spurious.txt, boundaries.txt, sources.txt and records.jsonl (every case in context) to DIR:
// reading them is how the rules get fixed. Nothing is written into the repository.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readAttributions } from '../src/nlp/attributions.js';
import { segment } from '../src/nlp/sentences.js';

interface Span {
  start: number;
  end: number;
}
interface GoldAttribution {
  source: Span | null;
  cue: Span | null;
  content: Span;
}
interface GoldDoc {
  id: string;
  text: string;
  gold: { attributions: GoldAttribution[] };
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const positional = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
const goldFile = resolve(positional[0] ?? join(ROOT, '..', 'shared', 'eval', 'attributions-polnear.jsonl'));
const dumpDir = option('--dump');
const top = Number(option('--top') ?? 25);

if (!existsSync(goldFile)) {
  console.log(`attribution-errors: ${goldFile} not found; nothing to read.`);
  process.exit(0);
}

const overlap = (a: Span, b: Span) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
const spanMatch = (a: Span, b: Span) => {
  const o = overlap(a, b);
  return o > 0 && 2 * o >= Math.max(a.end - a.start, b.end - b.start);
};
const spanScore = (a: Span, b: Span) => overlap(a, b) / Math.max(a.end - a.start, b.end - b.start);

/** Maximum one-to-one matching (augmenting paths, best-scoring candidates first), as the scorer. */
function maxMatch(
  nG: number,
  nP: number,
  ok: (i: number, j: number) => boolean,
  score: (i: number, j: number) => number,
) {
  const adj: number[][] = [];
  for (let i = 0; i < nG; i++) {
    const c: number[] = [];
    for (let j = 0; j < nP; j++) if (ok(i, j)) c.push(j);
    c.sort((a, b) => score(i, b) - score(i, a) || a - b);
    adj.push(c);
  }
  const matchP = new Array<number>(nP).fill(-1);
  const matchG = new Array<number>(nG).fill(-1);
  const tryG = (i: number, seen: Uint8Array): boolean => {
    for (const j of adj[i]!) {
      if (seen[j]) continue;
      seen[j] = 1;
      if (matchP[j]! < 0 || tryG(matchP[j]!, seen)) {
        matchP[j] = i;
        matchG[i] = j;
        return true;
      }
    }
    return false;
  };
  for (let i = 0; i < nG; i++) if (adj[i]!.length) tryG(i, new Uint8Array(nP));
  return matchG;
}

const count = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
const topOf = (m: Map<string, number>) =>
  [...m.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, v]) => `${v} ${k}`)
    .join(' · ');
const clip = (s: string, n = 300) =>
  (s.length > n ? `${s.slice(0, n / 2)} … ${s.slice(-n / 2)}` : s).replace(/\s+/g, ' ');
const show = (text: string, s: Span | null) => (s ? `[${clip(text.slice(s.start, s.end))}]` : '∅');

let tp = 0;
let tpExact = 0;
let nPred = 0;
let nGold = 0;
let sourceOk = 0;
let cueOk = 0;
const missByCue = new Map<string, number>();
const missByKind = new Map<string, number>();
const spuriousByCue = new Map<string, number>();
const hitByCue = new Map<string, number>();
const misses: string[] = [];
const spurious: string[] = [];
const boundaries: string[] = [];
const sources: string[] = [];
const records: unknown[] = [];
let ms = 0;

for (const line of readFileSync(goldFile, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const doc = JSON.parse(line) as GoldDoc;
  if (!doc.gold?.attributions) continue;
  const text = doc.text;
  const started = performance.now();
  const seg = segment(text);
  const pred = readAttributions(text, [], seg.tokens, seg.sentences);
  ms += performance.now() - started;
  const G = doc.gold.attributions;
  records.push({
    id: doc.id,
    text,
    gold: G,
    pred: pred.map((a) => ({ source: a.source, cue: a.cue, content: a.content, form: a.form })),
  });
  const m = maxMatch(
    G.length,
    pred.length,
    (i, j) => spanMatch(G[i]!.content, pred[j]!.content),
    (i, j) => spanScore(G[i]!.content, pred[j]!.content),
  );
  nPred += pred.length;
  nGold += G.length;
  const usedP = new Set<number>();
  G.forEach((g, i) => {
    const cueWord = g.cue ? text.slice(g.cue.start, g.cue.end).toLowerCase().replace(/\s+/g, ' ') : '∅';
    const j = m[i]!;
    if (j >= 0) {
      usedP.add(j);
      tp++;
      count(hitByCue, cueWord);
      const p = pred[j]!;
      if (p.content.start === g.content.start && p.content.end === g.content.end) tpExact++;
      const srcSame =
        (g.source === null && p.source === null) ||
        (!!g.source && !!p.source && spanMatch(g.source, p.source));
      if (srcSame) sourceOk++;
      else
        sources.push(
          `${doc.id}\n  gold ${show(text, g.source)}  pred ${show(text, p.source)}  cue ${show(text, g.cue)}\n`,
        );
      if ((g.cue === null && p.cue === null) || (!!g.cue && !!p.cue && spanMatch(g.cue, p.cue))) cueOk++;
      return;
    }
    count(missByCue, cueWord);
    const near = pred.filter((p) => overlap(p.content, g.content) > 0);
    const kind =
      near.length === 0
        ? g.cue && pred.some((p) => p.cue && overlap(p.cue, g.cue!) > 0)
          ? 'cue found, content elsewhere'
          : 'nothing there'
        : near.some((p) => p.content.end - p.content.start > g.content.end - g.content.start)
          ? 'predicted content too long'
          : 'predicted content too short';
    count(missByKind, kind);
    const entry = `${doc.id}  (${kind})\n  cue ${show(text, g.cue)}  source ${show(text, g.source)}\n  gold ${show(text, g.content)}\n${near
      .map((p) => `  pred ${show(text, p.content)} cue ${show(text, p.cue)}`)
      .join(
        '\n',
      )}\n  ctx ${clip(text.slice(Math.max(0, g.content.start - 160), g.content.start), 160)} ⟦…⟧\n`;
    (near.length > 0 ? boundaries : misses).push(entry);
  });
  pred.forEach((p, j) => {
    if (usedP.has(j)) return;
    const cueWord = p.cue ? text.slice(p.cue.start, p.cue.end).toLowerCase() : '∅';
    count(spuriousByCue, cueWord);
    const near = G.filter((g) => overlap(p.content, g.content) > 0);
    spurious.push(
      `${doc.id}\n  cue ${show(text, p.cue)} source ${show(text, p.source)} form ${p.form}\n  pred ${show(text, p.content)}\n${near.map((g) => `  gold ${show(text, g.content)}`).join('\n')}\n`,
    );
  });
}

const p = nPred ? tp / nPred : 0;
const r = nGold ? tp / nGold : 0;
const f = p + r ? (2 * p * r) / (p + r) : 0;
const pe = nPred ? tpExact / nPred : 0;
const re = nGold ? tpExact / nGold : 0;
console.log(
  `content P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${f.toFixed(3)} (tp ${tp}, predicted ${nPred}, gold ${nGold}); exact F1 ${(pe + re ? (2 * pe * re) / (pe + re) : 0).toFixed(3)}; source accuracy ${(sourceOk / Math.max(1, tp)).toFixed(3)}; cue accuracy ${(cueOk / Math.max(1, tp)).toFixed(3)}; reader ${(ms / 1000).toFixed(1)} s`,
);
console.log(`misses by kind: ${topOf(missByKind)}`);
console.log(`misses by gold cue: ${topOf(missByCue)}`);
console.log(`spurious by cue: ${topOf(spuriousByCue)}`);
if (dumpDir) {
  mkdirSync(dumpDir, { recursive: true });
  writeFileSync(join(dumpDir, 'misses.txt'), misses.join('\n'));
  writeFileSync(join(dumpDir, 'boundaries.txt'), boundaries.join('\n'));
  writeFileSync(join(dumpDir, 'spurious.txt'), spurious.join('\n'));
  writeFileSync(join(dumpDir, 'sources.txt'), sources.join('\n'));
  writeFileSync(join(dumpDir, 'records.jsonl'), records.map((r) => JSON.stringify(r)).join('\n'));
  console.log(`wrote misses.txt, boundaries.txt, spurious.txt, sources.txt, records.jsonl to ${dumpDir}`);
}
