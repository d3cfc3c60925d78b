#!/usr/bin/env node
// Builds data/models/ner-lexicon.json: for capitalised name tokens, how often openly licensed
// gold NER data (UNER English EWT/PUD, CC BY-SA; CrossNER politics, MIT) tags them as a person,
// an organisation or a location. The entities stage uses it to type capitalised names that no
// rule or keyword decides ("Julie Bishop", "Keating"). GMB is deliberately not read (licence).
// Run locally: node scripts/train-ner-lexicon.mjs [../shared/train]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = process.argv[2] ?? '../shared/train';
const TYPES = ['Person', 'Organisation', 'Location'];
const crossMap = {
  person: 0,
  politician: 0,
  organisation: 1,
  politicalparty: 1,
  country: 2,
  location: 2,
};
const unerMap = { PER: 0, ORG: 1, LOC: 2 };

/** counts[word] = [per, org, loc, outside] */
const counts = new Map();
function add(word, k) {
  if (!/^\p{Lu}/u.test(word) || word.length < 2) return;
  const c = counts.get(word) ?? [0, 0, 0, 0];
  c[k]++;
  counts.set(word, c);
}

function readUner(file) {
  for (const line of readFileSync(join(root, 'ner-uner-english', file), 'utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const cols = line.split('\t');
    if (cols.length < 3) continue;
    const tag = cols[2];
    const k = tag === 'O' ? 3 : unerMap[tag.slice(2)];
    if (k !== undefined) add(cols[1], k);
  }
}
function readCross(file) {
  for (const line of readFileSync(join(root, 'ner-crossner-politics', file), 'utf8').split('\n')) {
    const cols = line.trim().split('\t');
    if (cols.length < 2) continue;
    const tag = cols[1];
    const k = tag === 'O' ? 3 : crossMap[tag.slice(2)];
    if (k !== undefined) add(cols[0], k);
  }
}

for (const f of ['en_ewt-ud-dev.iob2', 'en_ewt-ud-test.iob2', 'en_pud-ud-test.iob2']) readUner(f);
for (const f of ['train.txt', 'dev.txt', 'test.txt']) readCross(f);

const words = {};
for (const [w, c] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
  const named = c[0] + c[1] + c[2];
  if (named < 2 || named < c[3]) continue;
  const best = c.slice(0, 3).indexOf(Math.max(c[0], c[1], c[2]));
  const share = c[best] / (named + c[3]);
  if (share < 0.6) continue;
  words[w] = [best, Math.round(share * 100) / 100];
}
const out = {
  types: TYPES,
  sources: ['UNER English EWT dev/test + PUD test (CC BY-SA)', 'CrossNER politics (MIT)'],
  words,
};
writeFileSync('data/models/ner-lexicon.json', `${JSON.stringify(out)}\n`);
console.log(`wrote ${Object.keys(words).length} words`);
