"use strict";
const test = require("node:test");
const assert = require("node:assert");
const seg = require("../../docs/assets/javascripts/search/segment.js");

test("full-width letters and digits are normalised", () => {
  assert.strictEqual(seg.prepare("ｃａｄｒｅ　１２", { maxChars: 64 }).text, "cadre 12");
});

test("long input is cut, and says so", () => {
  const long = seg.prepare("挂".repeat(2000), { maxChars: 64 });
  assert.strictEqual(Array.from(long.text).length, 64);
  assert.strictEqual(long.cut, true);
  assert.strictEqual(seg.prepare("挂职", { maxChars: 64 }).cut, false);
});

test("a query splits into Chinese runs and lower-case Latin words, unstemmed", () => {
  assert.deepStrictEqual(seg.pieces("Housing 接收单位, relatives"), ["housing", "接收单位", "relatives"]);
});

test("a possessive's 's is no word of its own", () => {
  assert.deepStrictEqual(seg.pieces("the cadre's sending unit, the cadres\u2019 homes"),
    ["the", "cadre", "sending", "unit", "the", "cadres", "homes"]);
  assert.deepStrictEqual(seg.pieces("it's says"), ["it", "says"]);
});

test("index text splits at U+200B and stems English", () => {
  assert.deepStrictEqual(seg.tokenize("<p>派出\u200b单位 Cadres</p>"), ["派出", "单位", "cadre"]);
});

test("a run typed without spaces becomes the fewest known words", () => {
  const known = new Set(["派出单位", "派出", "单位", "跟踪", "管理"]);
  const costs = { longestWord: 8, knownChar: 1.2, unknownChar: 1.5 };
  assert.deepStrictEqual(seg.segmentRun("派出单位跟踪管理", (p) => known.has(p), costs), ["派出单位", "跟踪", "管理"]);
  assert.deepStrictEqual(seg.segmentRun("的确", () => false, costs), ["的", "确"]);
});

test("the stemmer meets plural and -ing forms", () => {
  assert.strictEqual(seg.stem("relatives"), seg.stem("relative"));
  assert.strictEqual(seg.stem("training"), "train");
  assert.strictEqual(seg.clean("a\u200bb"), "ab");
});

test("with Snowball loaded (the English worker), inflections meet", () => {
  require("../../docs/assets/javascripts/search/snowball-en.js");
  try {
    assert.strictEqual(seg.stem("managing"), seg.stem("management"));
    assert.strictEqual(seg.stem("seconded"), seg.stem("secondment"));
    assert.strictEqual(seg.stem("12315"), "12315");
  } finally {
    delete globalThis.HandbookSearch.snowball;
  }
});

test("American spellings meet the translations' British ones", () => {
  assert.strictEqual(seg.term("Publicizing"), seg.term("publicising"));
  assert.strictEqual(seg.term("organization"), seg.term("organisation"));
  assert.strictEqual(seg.term("size"), "size");
});

test("an item that opens on a colon (its citation kept out of search) starts on its words", () => {
  assert.strictEqual(seg.tidy("<ul> <li>：找准位置</li> <li>体会：参考</li> <li>: be a pupil</li></ul>"),
    "<ul> <li>找准位置</li> <li>体会：参考</li> <li>be a pupil</li></ul>");
  assert.strictEqual(seg.tidy("<p>：说明</p>"), "<p>说明</p>");
});

test("a long query is not cut inside a Latin word (improve, not impr)", () => {
  const question = "Where does the deputy district head think he still needs to improve?";
  const cut = seg.prepare(question, { maxChars: 64 });
  assert.strictEqual(cut.cut, true);
  assert.strictEqual(cut.text, "Where does the deputy district head think he still needs to ");
  // a single word longer than the limit is still cut, not emptied
  assert.strictEqual(seg.prepare("a".repeat(80), { maxChars: 64 }).text, "a".repeat(64));
});
