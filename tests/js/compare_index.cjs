// The split index (search/<lang>/, built in Python) against the in-memory index that rank.js
// builds from the same passages: the same numbers for every term and passage, and the same
// answers, item for item, for every query given.
// Usage: node tests/js/compare_index.cjs SITE LANG QUERIES.json...
// (SITE built with HANDBOOK_SEARCH_REFERENCE=1, so that it holds Material's passages.)
// Prints one JSON line: the index's size, the differences found (none expected), and the files
// and bytes each query loads beyond the dictionary (each query on a fresh index).
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const assert = require("node:assert");

const [site, lang, ...queryFiles] = process.argv.slice(2);
const sandbox = { console, URL };
sandbox.self = sandbox;
vm.createContext(sandbox);
const run = (file) => vm.runInContext(fs.readFileSync(file, "utf8"), sandbox, { filename: file });

run(path.join(site, `assets/javascripts/search/engine.${lang}.js`));
const passages = path.join(site, `search/reference.${lang}.js`);
if (!fs.existsSync(passages)) {
  console.error(`${passages} is missing: build the site with HANDBOOK_SEARCH_REFERENCE=1 (hooks/search.py writes it then).`);
  process.exit(2);
}
run(passages);
const HS = sandbox.HandbookSearch;
const settings = sandbox.HANDBOOK_SEARCH;
const folder = path.join(site, "search", lang);
const dictionaryFile = fs.readdirSync(folder).find((name) => name.startsWith("dictionary."));
run(path.join(folder, dictionaryFile));

const loaded = [];
function fetchFiles(files, done) {
  files.forEach((file) => { loaded.push(fs.statSync(path.join(folder, file)).size); run(path.join(folder, file)); });
  done();
}
const reference = new HS.worker.Engine(settings);
reference.setup(sandbox.HANDBOOK_SEARCH_DOCS);
const split = new HS.shards.ShardedIndex(settings, HS.received[`${lang}/dictionary`], fetchFiles);
const engine = new HS.worker.Engine(settings, split);
const differences = [];
function differ(what, check) {
  try { check(); } catch (error) { differences.push(`${what}: ${String(error.message).slice(0, 400)}`); }
}

// The index: every term's postings, every passage's length and section, every section.
const old = reference.index;
differ("vocabulary", () => assert.deepStrictEqual([...old.vocabulary].sort(), [...split.vocabulary].sort()));
differ("average length", () => assert.strictEqual(split.averageLength, old.averageLength));
differ("in texts", () => assert.deepStrictEqual(Object.keys(old.inTexts).sort(), Object.keys(split.inTexts).sort()));
differ("passages", () => {
  assert.strictEqual(split.total, old.passages.length);
  old.passages.forEach((passage, i) => {
    assert.strictEqual(split.lengths[i], passage.length, `passage ${i}`);
    assert.strictEqual(split.sectionOf[i], passage.section, `passage ${i}`);
  });
});
const all = (kind) => Array.from({ length: split.fileCount(kind) }, (_, n) => split.fileName(kind, n));
fetchFiles(all("p"), () => {});
fetchFiles(all("f"), () => {});
for (const term of old.vocabulary) {
  const flat = old.postings[term].flat();
  const got = Array.from(split.postingsOf(term));
  if (JSON.stringify(flat) !== JSON.stringify(got)) differences.push(`postings of ${term}`);
}
old.sections.forEach((section, i) => {
  const got = split.section(i);
  for (const key of ["title", "text", "plain", "boost", "pageTitle"]) {
    if (got[key] !== section[key]) differences.push(`section ${i} ${key}`);
  }
  if (got.doc.location !== section.doc.location || JSON.stringify(got.doc.tags) !== JSON.stringify(section.doc.tags)) {
    differences.push(`section ${i} location or tags`);
  }
});
fetchFiles(all("j"), () => {});
const buckets = new Map();
old.passages.forEach((passage, i) => {
  if (split.passage(i).plain !== passage.plain) differences.push(`passage ${i} text`);
  // every two characters of a passage's text: their bucket lists the passage's section
  for (let at = 0; at + 1 < passage.plain.length; at++) {
    const number = HS.shards.bucketOf(passage.plain.slice(at, at + 2), split.dictionary.buckets);
    if (!buckets.has(number)) buckets.set(number, new Set(split.bucketItems("j", number)));
    if (!buckets.get(number).has(passage.section)) { differences.push(`passage ${i} junction ${passage.plain.slice(at, at + 2)}`); break; }
  }
});
fetchFiles(all("w"), () => {});
const pairs = new Map();
old.passages.forEach((passage, i) => {
  // every two terms of a passage in a row or one apart, the first not Chinese: their bucket
  // lists the passage
  const terms = HS.segment.tokenize(passage.plain);
  for (let at = 0; at + 1 < terms.length; at++) {
    if (HS.segment.isHan(terms[at])) continue;
    for (const next of terms.slice(at + 1, at + 3)) {
      const number = HS.shards.bucketOf(`${terms[at]} ${next}`, split.dictionary.pairBuckets);
      if (!pairs.has(number)) pairs.set(number, new Set(split.bucketItems("w", number)));
      if (!pairs.get(number).has(i)) differences.push(`passage ${i} pair ${terms[at]} ${next}`);
    }
  }
});

// The answers: a fresh split index per query, so that each loads only what it needs.
const files = [], bytes = [];
let queries = 0, answered = 0;
for (const file of queryFiles) {
  for (const query of JSON.parse(fs.readFileSync(file, "utf8"))) {
    queries += 1;
    let expected, got;
    reference.search(query.q, (answer) => { expected = answer; });
    for (const key of Object.keys(HS.received)) if (key !== `${lang}/dictionary`) delete HS.received[key];
    loaded.length = 0;
    const fresh = new HS.worker.Engine(settings, new HS.shards.ShardedIndex(settings, HS.received[`${lang}/dictionary`], fetchFiles));
    fresh.search(query.q, (answer) => { got = answer; });
    files.push(loaded.length);
    bytes.push(loaded.reduce((a, b) => a + b, 0));
    if (expected.items.length) answered += 1;
    differ(`query ${query.q}`, () => assert.deepStrictEqual(got, expected));
  }
}
console.log(JSON.stringify({
  terms: old.vocabulary.length, passages: old.passages.length, sections: old.sections.length, queries, answered,
  files: ["p", "f", "j", "w"].reduce((sum, kind) => sum + split.fileCount(kind), 0),
  files_per_query_max: Math.max(0, ...files),
  files_per_query_median: files.sort((a, b) => a - b)[Math.floor(files.length / 2)],
  bytes_per_query_median: bytes.sort((a, b) => a - b)[Math.floor(bytes.length / 2)],
  bytes_per_query_max: Math.max(0, ...bytes),
  dictionary_bytes: fs.statSync(path.join(folder, dictionaryFile)).size, differences: differences.slice(0, 50), count: differences.length,
}));
