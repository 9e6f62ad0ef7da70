"use strict";
const test = require("node:test");
const assert = require("node:assert");
const { Expander } = require("../../docs/assets/javascripts/search/expand.js");
const { Index } = require("../../docs/assets/javascripts/search/rank.js");
const { term } = require("../../docs/assets/javascripts/search/segment.js");
const { settings, DOCS } = require("./settings.cjs");

function setUp(lexicon, lang) {
  const s = settings(lang === "en" ? { lang: "en", prefix: "en/", otherPrefixes: [], lexicon } : { lexicon });
  const index = new Index(s);
  index.add(DOCS);
  return { index, expander: new Expander(lexicon, s.ranking) };
}

const EMPTY = { dictionary: [], synonyms: [], expansions: {}, stopwords: [] };

test("question words are dropped, the rest segmented", () => {
  const { index, expander } = setUp({ ...EMPTY, stopwords: ["怎么", "的"] });
  assert.deepStrictEqual(expander.words("接收单位怎么安排的", index), ["接收", "单位", "安排"]);
});

test("a word inside a longer index word is found (双责 in 一岗双责)", () => {
  const { index, expander } = setUp(EMPTY);
  assert.deepStrictEqual(expander.words("双责", index), ["双责"]);
  assert.ok(expander.reach("双责", index).tokens["一岗双责"] > 0);
});

test("other names are looked up before stemming (housing finds accommodation)", () => {
  const lexicon = { ...EMPTY, synonyms: [["accommodation", "housing", "lodging"]] };
  const { index, expander } = setUp(lexicon, "en");
  assert.ok(expander.reach("housing", index).tokens["accommodation"] > 0);
  assert.ok(expander.reach("lodgings", index).tokens["accommodation"] > 0);
});

test("a word the lexicon knows is no typo: it reaches its meaning, not the word one edit away", () => {
  // "meels" is one edit from "meals"; the lexicon says it means accommodation
  const lexicon = { ...EMPTY, derived: { meels: ["accommodation"] } };
  const { index, expander } = setUp(lexicon, "en");
  const tokens = expander.reach("meels", index).tokens;
  const accommodation = term("accommodation");
  assert.deepStrictEqual(Object.keys(tokens), [accommodation]);
  assert.strictEqual(tokens[accommodation], 0.5);  // derived weight, not damped as if the reader's word were found
  assert.ok(setUp(EMPTY, "en").expander.reach("meels", index).tokens[term("meals")] > 0);
});

test("an English word one edit away from an index word finds it; short words do not", () => {
  const { index, expander } = setUp(EMPTY, "en");
  assert.ok(expander.reach("acommodation", index).tokens["accommodation"] > 0);
  assert.deepStrictEqual(Object.keys(expander.reach("unil", index).tokens), []);
});

test("other names count less when the reader's own word is in the texts", () => {
  const s = settings();
  const lexicon = { ...EMPTY, synonyms: [["食宿", "接收"]] };
  const { index, expander } = setUp(lexicon);
  assert.strictEqual(expander.reach("食宿", index).tokens["接收"], s.ranking.weights.synonym * s.ranking.weights.own_word_found);
});

test("at most max_words words are searched", () => {
  const { index, expander } = setUp(EMPTY, "en");
  const words = Array.from({ length: 40 }, (_, i) => "word" + i).join(" ");
  assert.strictEqual(expander.words(words, index).length, settings().ranking.limits.max_words);
});

test("derived everyday words lead to the page's words, with their own weight", () => {
  const lexicon = { ...EMPTY, derived: { lodgings: ["accommodation"] } };
  const { index, expander } = setUp(lexicon, "en");
  const concept = expander.reach("lodgings", index);
  assert.strictEqual(concept.tokens["accommodation"], settings().ranking.weights.derived);
  // each surface says how strongly it stands for the reader's word (present.js marks the strongest)
  assert.deepStrictEqual(concept.surfaces, ["lodgings", "accommodation"]);
  assert.deepStrictEqual(concept.strengths, [settings().ranking.weights.word, settings().ranking.weights.derived]);
});

test("an English phrase the lexicon leads elsewhere is one query word; other names' phrases are not", () => {
  const lexicon = {
    ...EMPTY, stopwords: ["how", "the"],
    expansions: { "how long": ["years"] },
    synonyms: [["host unit", "receiving unit"]],
  };
  const { index, expander } = setUp(lexicon, "en");
  assert.deepStrictEqual(expander.words("How long does the host unit arrange meals", index),
    ["how long", "does", "host", "unit", "arrange", "meals"]);
  const reach = expander.reach("how long", index);
  // its question word is left out; what it asks for counts fully (not damped)
  assert.ok(!("how" in reach.tokens));
  assert.deepStrictEqual(expander.phrases(["how", "long", "how"]), ["how long", "how"]);
});

test("a question phrase reaches what it asks for, not its own words (how old: age, not old)", () => {
  // (the index holds "unit": "how unit" stands for a question phrase whose word the texts use)
  const lexicon = { ...EMPTY, stopwords: ["how"], expansions: { "how unit": ["arranges"], "host unit": ["meals"] } };
  const { index, expander } = setUp(lexicon, "en");
  const reach = expander.reach("how unit", index);
  assert.deepStrictEqual(Object.keys(reach.tokens), [term("arranges")]);
  // a phrase without a question word still reaches its own words
  assert.ok(term("host") in expander.reach("host unit", index).tokens);
});

test("the longest question phrase is the query word (how many people: population, not how many + people)", () => {
  // (stand-ins the test index holds: "how unit" for "how many", "how unit host" for "how many people")
  const lexicon = { ...EMPTY, stopwords: ["how"], expansions: { "how unit": ["arranges"], "how unit host": ["meals"] } };
  const { index, expander } = setUp(lexicon, "en");
  assert.deepStrictEqual(expander.words("how unit host", index), ["how unit host"]);
  assert.deepStrictEqual(Object.keys(expander.reach("how unit host", index).tokens), [term("meals")]);
  assert.deepStrictEqual(expander.words("how unit", index), ["how unit"]);
});

test("a Chinese yes-no frame X不X or X没X is said once (会不会了解: 会 + 了解)", () => {
  const { index, expander } = setUp({ ...EMPTY, stopwords: ["会", "有"] });
  assert.deepStrictEqual(expander.words("单位会不会安排", index), ["单位", "安排"]);
  assert.deepStrictEqual(expander.words("有没有食宿", index), ["食宿"]);
  assert.deepStrictEqual(expander.words("单位安排不安排", index), ["单位", "安排"]);
  // the texts' own words keep their frame (说长不长 stands in the texts)
  assert.strictEqual(expander.asked("接收不接收", { known: { "接收不接收": true }, inside: {} }), "接收不接收");
  assert.strictEqual(expander.asked("接收不接收", { known: {}, inside: {} }), "接收");
});

test("single characters side by side that no known word joins stay one word (公司进驻, not 公 + 司 + 进 + 驻)", () => {
  const { index, expander } = setUp({ ...EMPTY, stopwords: ["的"] });
  assert.deepStrictEqual(expander.words("食宿公司进驻", index), ["食宿", "公司进驻"]);
  // a question word between them parts them; a lone character stays as it is
  assert.deepStrictEqual(expander.words("公司的进驻", index), ["公司", "进驻"]);
  assert.deepStrictEqual(expander.words("要食宿", index), ["要", "食宿"]);
});

test("a Chinese word that nothing reaches is searched by its characters, which count little", () => {
  const { index, expander } = setUp(EMPTY);
  assert.deepStrictEqual(expander.words("要紧", index), ["要紧"]);
  assert.deepStrictEqual({ ...expander.reach("要紧", index).tokens }, { 要: 0.5 });
  assert.strictEqual(expander.reach("要紧", index).byCharacters, true);  // the list says it is missing
  // a word found as itself or inside a longer one is not taken apart
  assert.deepStrictEqual(Object.keys(expander.reach("双责", index).tokens), ["一岗双责"]);
  assert.strictEqual(expander.reach("双责", index).byCharacters, false);
});
