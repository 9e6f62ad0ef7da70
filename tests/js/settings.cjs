// Settings for the engine's unit tests: the shape hooks/search.py passes to the worker, with
// round numbers so that the tests say what each weight does.
"use strict";

function settings(overrides) {
  const ranking = {
    k1: 1.2, b: 0.75, title_weight: 2, page_title_weight: 0.5, passage_sentences: 3, coverage_floor: 0.25,
    together_bonus: 0.5, close_section: 0.8, page_sections: 2, max_sections: 60, typo_min_length: 5,
    weights: { word: 1, synonym: 1, expansion: 0.7, derived: 0.5, inside: 0.6, own_word_found: 0.5, typo: 0.6, characters: 0.5 },
    segment: { longest_word: 8, known_char: 1.2, unknown_char: 1.5 },
    limits: { max_chars: 64, max_words: 12, max_marks: 20 },
    texts_folder: "sources/",
    entry_pages: ["duties/", "glossary"],
    page_boosts: { "guide/": 0.3 },
  };
  return Object.assign({
    lang: "zh", prefix: "", otherPrefixes: ["en/"], entryPages: ["duties/", "glossary"],
    ranking, lexicon: { dictionary: [], synonyms: [], expansions: {}, stopwords: [] },
  }, overrides || {});
}

// Documents as Material's search index holds them (Chinese segmented with U+200B).
const Z = "\u200b";
const DOCS = [
  { location: "sources/a/", title: "讲话", text: "" },
  { location: "sources/a/#p1", title: "一、要求", text: `<p>挂职${Z}干部${Z}要${Z}履行${Z}一岗双责${Z}。</p>` },
  { location: "sources/a/#p2", title: "二、保障", text: `<p>接收${Z}单位${Z}要${Z}安排${Z}食宿${Z}。</p>` },
  { location: "guide/b/", title: "指南", text: `<p>接收${Z}单位${Z}安排${Z}食宿${Z}。</p>` },
  { location: "duties/host/#d1", title: "安排食宿", text: `<p>接收${Z}单位${Z}安排${Z}食宿${Z}。</p>` },
  { location: "en/sources/a/#p2", title: "Support", text: "<p>The host unit arranges accommodation and meals.</p>" },
];

module.exports = { settings, DOCS, Z };
