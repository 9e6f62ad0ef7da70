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

// data/search.yml `page_context`: a source page's scene (its speaker's office, its level)
test("a query word only the page's context holds lifts that page's passages that hold the other words", () => {
  const base = settings();
  const ranking = Object.assign({}, base.ranking, { page_context: { fields: ["speaker", "level"], weight: 1 } });
  const docs = [
    { location: "sources/a/", title: "汇报", text: "", context: "挂任\u200b副区长" },
    { location: "sources/a/#p1", title: "一", text: "<p>还要\u200b提高\u200b能力\u200b。</p>" },
    { location: "sources/b/", title: "讲话", text: "" },
    { location: "sources/b/#p1", title: "二", text: "<p>还要\u200b提高\u200b能力\u200b。</p>" },
    { location: "sources/b/#p2", title: "三", text: "<p>副区长\u200b主持\u200b会议\u200b。</p>" },
  ];
  const concepts = [{ surfaces: ["副区长"], tokens: { 副区长: 1 } }, { surfaces: ["提高"], tokens: { 提高: 1 } }];
  const ranked = (r) => {
    const i = new rank.Index(Object.assign({}, base, { ranking: r }));
    i.add(docs);
    return i.score(concepts).map((s) => s.section.doc.location);
  };
  assert.strictEqual(ranked(ranking)[0], "sources/a/#p1");
  // without the setting, the two passages that ask the same tie (the first section wins), below
  // the passage of the rarer scene word
  assert.notStrictEqual(ranked(base.ranking)[0], "sources/a/#p1");
  // the context alone makes no passage a match: a query of the scene word only finds its text
  const i = new rank.Index(Object.assign({}, base, { ranking }));
  i.add(docs);
  assert.deepStrictEqual(i.score([concepts[0]]).map((s) => s.section.doc.location), ["sources/b/#p2"]);
});

test("the page context counts a missing query word once, at its weight, and nothing for words found", () => {
  const ranking = { page_context: { fields: ["speaker"], weight: 0.5 } };
  const context = rank.termSet(["副区长", "区级"]);
  const concepts = [{ tokens: { 副区长: 1 } }, { tokens: { 提高: 1, 提升: 0.7 } }, { tokens: { 区级: 1 } }];
  assert.strictEqual(rank.contextMatches([0, 2, 0], concepts, context, ranking), 1);
  assert.strictEqual(rank.contextMatches([1, 2, 0], concepts, context, ranking), 0.5);
  assert.strictEqual(rank.contextMatches([0, 2, 0], concepts, null, ranking), 0);
  assert.strictEqual(rank.contextMatches([0, 2, 0], concepts, context, {}), 0);
  // in the coverage, not the sum
  const r = Object.assign(settings().ranking, ranking);
  assert.ok(rank.passageScore([0, 2, 0], 0, r, 1) > rank.passageScore([0, 2, 0], 0, r, 0));
  assert.strictEqual(rank.passageScore([0, 2, 0], 0, r, 2), 2 * (r.coverage_floor + 1));
});
