/*
 * The handbook's search engine: the stages put together, answering Material's messages, so
 * Material's search box and result list stay as they are. The build (hooks/search.py) writes
 * engine.<lang>.js: the language's settings (lexicon and ranking), the stemmer if any, then
 * segment.js, expand.js, rank.js, present.js and this file; loader.js loads it when the
 * reader first searches.
 */
(function (scope) {
  "use strict";

  var MESSAGE = { SETUP: 0, READY: 1, QUERY: 2, RESULT: 3 };
  var HS = scope.HandbookSearch = scope.HandbookSearch || {};
  var seg = HS.segment || require("./segment.js");
  var expand = HS.expand || require("./expand.js");
  var rank = HS.rank || require("./rank.js");
  var present = HS.present || require("./present.js");

  function Engine(settings) {
    this.settings = settings;
    this.ranking = settings.ranking;
    this.expander = new expand.Expander(settings.lexicon || {}, settings.ranking);
    this.index = new rank.Index(settings);
    this.presenter = new present.Presenter(settings, this.index);
  }

  Engine.prototype.setup = function (docs) {
    this.index.add(docs);
  };

  /* Material's result: {items: [[item, ...], ...]}; `cut` when the query was shortened. */
  Engine.prototype.search = function (query) {
    var self = this;
    var prepared = seg.prepare(query, { maxChars: this.ranking.limits.max_chars });
    var words = this.expander.words(prepared.text, this.index);
    if (!words.length) return { items: [] };
    var concepts = words.map(function (word) { return self.expander.reach(word, self.index); });
    var results = this.index.score(concepts);
    var answer = { items: this.presenter.group(results, concepts) };
    if (prepared.cut) answer.cut = this.ranking.limits.max_chars;
    return answer;
  };

  function handler(engine) {
    return function (message) {
      switch (message.type) {
        case MESSAGE.SETUP:
          engine.setup(message.data.docs || []);
          return { type: MESSAGE.READY };
        case MESSAGE.QUERY:
          try {
            return { type: MESSAGE.RESULT, data: engine.search(String(message.data || "")) };
          } catch (error) {
            console.warn("search failed", error);
            return { type: MESSAGE.RESULT, data: { items: [] } };
          }
        default:
          return null;
      }
    };
  }

  var api = { Engine: Engine, handler: handler, MESSAGE: MESSAGE };
  HS.worker = api;
  if (typeof module !== "undefined" && module.exports) module.exports = api;
})(typeof self !== "undefined" ? self : globalThis);
