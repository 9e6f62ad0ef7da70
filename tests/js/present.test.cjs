"use strict";
const test = require("node:test");
const assert = require("node:assert");
const { Presenter, highlight } = require("../../docs/assets/javascripts/search/present.js");
const { Index } = require("../../docs/assets/javascripts/search/rank.js");
const { settings, DOCS } = require("./settings.cjs");

function setUp() {
  const s = settings();
  const index = new Index(s);
  index.add(DOCS);
  return { index, presenter: new Presenter(s, index) };
}

const concept = { word: "食宿", tokens: { 食宿: 1 }, surfaces: ["食宿"] };

test("a page's heading leads to its best section, which comes first", () => {
  const { index, presenter } = setUp();
  const results = index.score([concept]).filter((r) => r.section.doc.location.startsWith("sources/"));
  const [group] = presenter.group(results, [concept]);
  assert.strictEqual(group[0].location, "sources/a/#p2");
  const heading = group[group.length - 1];
  assert.strictEqual(heading.location, "sources/a/#p2");
  assert.strictEqual(heading.title, "讲话");
  assert.ok(group.every((item) => item.location.includes("#")), "Material takes the last item as the heading");
});

test("a duty entry stands alone, titled with its page", () => {
  const { index, presenter } = setUp();
  const results = index.score([concept]).filter((r) => r.section.doc.location.startsWith("duties/"));
  const [group] = presenter.group(results, [concept]);
  assert.strictEqual(group.length, 1);
  assert.match(group[0].title, /安排<mark data-md-highlight>食宿<\/mark>/);
});

test("highlights mark words in text, never inside tags, and are bounded", () => {
  assert.strictEqual(highlight('<a title="食宿">食宿</a>', ["食宿"], 20), '<a title="食宿"><mark data-md-highlight>食宿</mark></a>');
  const marked = highlight("挂职".repeat(2000), ["挂", "职", "挂职"], 20);
  assert.strictEqual(marked.split("<mark").length - 1, 20);
});

test("terms say which query words each result holds", () => {
  const { index, presenter } = setUp();
  const missing = { word: "考核", tokens: {}, surfaces: ["考核"] };
  const [result] = index.score([concept, missing]);
  const item = presenter.item(result.section, result.score, result.row, [concept, missing]);
  assert.deepStrictEqual(item.terms, { 食宿: true, 考核: false });
});

test("English words are marked where a word of the same stem stands, not inside another word", () => {
  assert.strictEqual(highlight("the department's part", ["part"], 20),
    "the department's <mark data-md-highlight>part</mark>");
  assert.strictEqual(highlight("host units", ["unit"], 20), "host <mark data-md-highlight>units</mark>");
  assert.strictEqual(highlight("the Party, in particular, partly", ["part"], 20), "the Party, in particular, partly");
  assert.strictEqual(highlight("unity of the unit", ["unit"], 20), "unity of the <mark data-md-highlight>unit</mark>");
  assert.strictEqual(highlight("take on board two years", ["two years"], 20), "take on board <mark data-md-highlight>two years</mark>");
});

test("a query word longer than the text's word of its stem is marked there, and the result holds it", () => {
  // cadres finds 'the cadre': its stem cadr is the start of both; units marks unit
  assert.strictEqual(highlight("the seconded cadre", ["cadres"], 20), "the seconded <mark data-md-highlight>cadre</mark>");
  assert.strictEqual(highlight("host unit", ["units"], 20), "host <mark data-md-highlight>unit</mark>");
  assert.strictEqual(highlight("unity of the unit", ["units"], 20), "unity of the <mark data-md-highlight>unit</mark>");
  const presenter = new Presenter({ ranking: { limits: { max_marks: 20 }, weights: settings().ranking.weights }, entryPages: [] });
  const section = { plain: "The seconded cadre reports.", text: "The seconded cadre reports.", title: "Duties",
    doc: { location: "en/x/#a" } };
  const item = presenter.item(section, 1, [1], [{ word: "cadres", tokens: {}, surfaces: ["cadres"] }]);
  assert.strictEqual(item.text, "The seconded <mark data-md-highlight>cadre</mark> reports.");
  // the text's own form goes to ?h= too: the page opened has no stemmer
  assert.deepStrictEqual(item.terms, { cadres: true, cadre: true });
});

test("a section is marked for the strongest way it holds a query word, not also for the guesses", () => {
  const presenter = new Presenter({ ranking: { limits: { max_marks: 20 }, weights: settings().ranking.weights }, entryPages: [] });
  // advisers: the reader's word (1), consult a derived guess (0.5)
  const advisers = { word: "advisers", tokens: {}, surfaces: ["advisers", "consult"], strengths: [1, 0.5] };
  const both = { plain: "Serve as advisers; consult the people.", text: "Serve as advisers; consult the people.",
    title: "Advice", doc: { location: "en/x/#a" } };
  const item = presenter.item(both, 1, [1], [advisers]);
  assert.strictEqual(item.text, "Serve as <mark data-md-highlight>advisers</mark>; consult the people.");
  assert.deepStrictEqual(item.terms, { advisers: true });
  // where only the guess stands, it is what led here: it is marked in the list, but not
  // carried to ?h=, which would mark the guess all over the page the reader opens
  const guess = { plain: "Consult the people.", text: "Consult the people.", title: "Advice", doc: { location: "en/x/#b" } };
  const found = presenter.item(guess, 1, [0.5], [advisers]);
  assert.strictEqual(found.text, "<mark data-md-highlight>Consult</mark> the people.");
  assert.deepStrictEqual(found.terms, { advisers: true });
  // an expansion (written by hand: how many people -> population) is carried
  const people = { word: "how many people", tokens: {}, surfaces: ["how many people", "population"], strengths: [1, 0.7] };
  const counted = { plain: "Its population grew.", text: "Its population grew.", title: "Facts", doc: { location: "en/x/#c" } };
  assert.deepStrictEqual(presenter.item(counted, 1, [0.7], [people]).terms, { "how many people": true, population: true });
});

test("a word found only by its characters is missing from the section, and no character is marked", () => {
  const presenter = new Presenter({ ranking: { limits: { max_marks: 20 }, weights: settings().ranking.weights }, entryPages: [] });
  const loose = { word: "公司进驻", tokens: { 公: 0.5, 司: 0.5, 进: 0.5, 驻: 0.5 }, surfaces: ["公司进驻"], strengths: [1],
    byCharacters: true };
  const section = { plain: "区是市委驻地，推进工作。", text: "区是市委驻地，推进工作。", title: "一", doc: { location: "sources/x/#a" } };
  const item = presenter.item(section, 1, [0.5], [loose]);
  assert.deepStrictEqual(item.terms, { 公司进驻: false });
  assert.strictEqual(item.text, section.text);
});

test("a long section shows its best passage, with … where it goes on; a short one shows whole", () => {
  const presenter = new Presenter({ ranking: { limits: { max_marks: 20 }, weights: settings().ranking.weights }, entryPages: [] });
  const word = { word: "cadres", tokens: {}, surfaces: ["cadres"], strengths: [1] };
  const rest = " Four. Five. Six. Seven. Eight.".repeat(8);
  const text = "<p>Comrades,</p><p>One. Two. The cadres came. Three." + rest + "</p>";
  const long = { plain: "Comrades, One. Two. The cadres came. Three." + rest, text, title: "T",
    doc: { location: "en/x/" } };
  const item = presenter.item(long, 1, [1], [word], { plain: " Two. The cadres came. Three." });
  assert.strictEqual(item.text, "<p>… Two. The <mark data-md-highlight>cadres</mark> came. Three. …</p>");
  // the section's first sentences: nothing before them (its title is not its text)
  const first = presenter.item(Object.assign({}, long, { plain: "T " + long.plain }), 1, [1], [word], { plain: "Comrades, One. Two." });
  assert.strictEqual(first.text, "<p>Comrades, One. Two. …</p>");
  // a window that cut a tag leaves no < or > behind
  const cut = presenter.item(long, 1, [1], [word], { plain: 'cadres came. <a href="x' });
  assert.ok(!/<a|href/.test(cut.text), cut.text);
  const short = { plain: "Comrades, the cadres came. They stayed.", text: "<p>Comrades,</p><p>The cadres came. They stayed.</p>",
    title: "T", doc: { location: "en/x/#a" } };
  assert.strictEqual(presenter.item(short, 1, [1], [word], { plain: "The cadres came." }).text,
    "<p>Comrades,</p><p>The <mark data-md-highlight>cadres</mark> came. They stayed.</p>");
  // an entry that stands alone (a duty) is shown whole, however long
  const entries = new Presenter({ ranking: { limits: { max_marks: 20 }, weights: settings().ranking.weights }, entryPages: ["en/duties/"] });
  const duty = Object.assign({}, long, { doc: { location: "en/duties/cadre/#c-01" } });
  assert.ok(entries.item(duty, 1, [1], [word], { plain: " Two. The cadres came. Three." }).text.startsWith("<p>Comrades,</p>"));
});

test("a Chinese excerpt has no space where a tag was, and does not open on the last sentence's closing mark", () => {
  const presenter = new Presenter({ ranking: { limits: { max_marks: 20 }, weights: settings().ranking.weights }, entryPages: [] });
  const word = { word: "住房", tokens: {}, surfaces: ["住房"], strengths: [1] };
  const text = "<p>" + "前文。".repeat(80) + "“一是生活。”“二是住房。”这些具体的事<span class=\"cite\"></span>。" + "后文。".repeat(80) + "</p>";
  const section = { plain: text.replace(/<[^>]*>/g, " "), text: text, title: "T", doc: { location: "guide/x/#a" } };
  const item = presenter.item(section, 1, [1], [word], { plain: "。” “二是住房。” 这些具体的事 。" });
  assert.strictEqual(item.text, "<p>… “二是<mark data-md-highlight>住房</mark>。”这些具体的事。 …</p>");
});

test("a lone Chinese character the lexicon leads to is marked in the list but not carried to the page", () => {
  const presenter = new Presenter({ ranking: { limits: { max_marks: 20 }, weights: settings().ranking.weights }, entryPages: [] });
  // 区里 (in the district) leads to 区: on the page, 区 would be marked in every 区委
  const district = { word: "区里", tokens: {}, surfaces: ["区里", "区"], strengths: [1, 0.7] };
  const section = { plain: "区是市委驻地。", text: "区是市委驻地。", title: "一", doc: { location: "sources/x/#a" } };
  const item = presenter.item(section, 1, [1], [district]);
  assert.strictEqual(item.text, "<mark data-md-highlight>区</mark>是市委驻地。");
  assert.deepStrictEqual(item.terms, { 区里: true });
});

test("with the Snowball stemmer a stem that is not the word's start still marks its words only", () => {
  require("../../docs/assets/javascripts/search/snowball-en.js");
  try {
    // party stems to parti: Party and parties are marked, particular and partly are not
    assert.strictEqual(highlight("the Party, in particular, partly; parties", ["party"], 20),
      "the <mark data-md-highlight>Party</mark>, in particular, partly; <mark data-md-highlight>parties</mark>");
  } finally {
    delete globalThis.HandbookSearch.snowball;
  }
});

test("a page shows its sections close to its best, up to page_sections of them; Material folds the rest", () => {
  const { presenter } = setUp();
  const item = (location, score) => ({ location, title: location, text: "", score, terms: {} });
  const group = presenter.arrange([item("sources/a/#p1", 10), item("sources/a/#p2", 9), item("sources/a/#p3", 8.5),
    item("sources/a/#p4", 2)], [concept], "讲话");
  const scores = Object.fromEntries(group.slice(0, -1).map((i) => [i.location, i.score]));
  // Material shows the items scoring at least as high as the first, after the heading
  assert.deepStrictEqual(scores, { "sources/a/#p1": 10, "sources/a/#p2": 10, "sources/a/#p3": 8.5, "sources/a/#p4": 2 });
});
