"use strict";
const test = require("node:test");
const assert = require("node:assert");
const rank = require("../../docs/assets/javascripts/search/rank.js");
const { settings, DOCS } = require("./settings.cjs");

function index(overrides) {
  const i = new rank.Index(settings(overrides));
  i.add(DOCS);
  return i;
}

test("only the reader's language is indexed, and empty headings are not", () => {
  const zh = index();
  assert.ok(zh.sections.every((s) => !s.doc.location.startsWith("en/")));
  const en = index({ prefix: "en/", otherPrefixes: [] });
  assert.deepStrictEqual(en.sections.map((s) => s.doc.location), ["en/sources/a/#p2"]);
});

test("page folders take their boost from the settings; a page's own boost wins", () => {
  const i = index();
  assert.strictEqual(i.boost({ location: "guide/b/" }), 0.3);
  assert.strictEqual(i.boost({ location: "guide/b/", boost: 2 }), 2);
  assert.strictEqual(i.boost({ location: "sources/a/" }), 1);
});

test("a page of the offline bundle (about.html, guide/index.html) takes its online boost", () => {
  const i = index({ ranking: Object.assign(settings().ranking, { page_boosts: { "about/": 0.3, "guide/": 0.5 } }) });
  assert.strictEqual(i.boost({ location: "about.html#sources" }), i.boost({ location: "about/#sources" }));
  assert.strictEqual(i.boost({ location: "about.html" }), 0.3);
  assert.strictEqual(i.boost({ location: "guide/index.html" }), 0.5);
  assert.strictEqual(i.boost({ location: "about-us.html" }), 1);
});

test("the source texts' words are known as such", () => {
  const i = index();
  assert.ok(i.inTexts["一岗双责"]);
  assert.deepStrictEqual(i.containing("双责"), ["一岗双责"]);
});

test("BM25 grows with term frequency and shrinks with length", () => {
  const r = settings().ranking;
  assert.ok(rank.bm25(2, 10, 10, r) > rank.bm25(1, 10, 10, r));
  assert.ok(rank.bm25(1, 20, 10, r) < rank.bm25(1, 10, 10, r));
});

test("covering every query word beats covering one", () => {
  const r = settings().ranking;
  assert.ok(rank.passageScore([1, 1], 0, r) > rank.passageScore([2, 0], 0, r));
});

test("words found side by side as typed earn the together bonus", () => {
  const r = settings().ranking;
  const concepts = [{ surfaces: ["接收"] }, { surfaces: ["单位"] }];
  assert.strictEqual(rank.together(concepts, { plain: "接收单位要安排" }, r), r.together_bonus);
  assert.strictEqual(rank.together(concepts, { plain: "单位要接收" }, r), 0);
  const english = [{ surfaces: ["host"], tokens: { host: 1 } }, { surfaces: ["unit"], tokens: { unit: 1 } }];
  assert.strictEqual(rank.together(english, { plain: "The Host units" }, r), r.together_bonus);
  assert.strictEqual(rank.together(english, { plain: "host of the unit" }, r), 0);
});

test("a section is scored by its best passage; the texts outrank the guide", () => {
  const i = index();
  const concepts = [{ word: "食宿", tokens: { 食宿: 1 }, surfaces: ["食宿"] }];
  const ranked = i.score(concepts).map((s) => s.section.doc.location);
  assert.ok(ranked.indexOf("sources/a/#p2") < ranked.indexOf("guide/b/"));
  assert.strictEqual(rank.passagesOf("<p>一。二。三。四。</p>", 3).length, 2);
});

test("one edit apart: insert, delete, substitute, swap", () => {
  assert.ok(rank.oneEditApart("publicise", "publicize"));
  assert.ok(rank.oneEditApart("cadre", "cadres"));
  assert.ok(rank.oneEditApart("form", "from"));
  assert.ok(!rank.oneEditApart("cadre", "cadre"));
  assert.ok(!rank.oneEditApart("cadre", "card"));
});
