/*
 * The handbook's search engine: the stages put together, answering Material's worker messages
 * (SETUP, READY, QUERY, RESULT), which the page's client (client.js) sends. The build (hooks/search.py) writes
 * engine.<lang>.js: the language's settings (lexicon and ranking), the stemmer if any, then
 * segment.js, expand.js, rank.js, shards.js, present.js and this file; loader.js loads it
 * with the language's dictionary when the reader first searches.
 */
(function (scope) {
  "use strict";

  var MESSAGE = { SETUP: 0, READY: 1, QUERY: 2, RESULT: 3 };
  var HS = scope.HandbookSearch = scope.HandbookSearch || {};
  var seg = HS.segment || require("./segment.js");
  var expand = HS.expand || require("./expand.js");
  var rank = HS.rank || require("./rank.js");
  var present = HS.present || require("./present.js");

  /* `index`: the split index (shards.js); without it, an in-memory one that `setup` fills
     with Material's documents (rank.js, the tests' reference). */
  function Engine(settings, index) {
    this.settings = settings;
    this.ranking = settings.ranking;
    this.expander = new expand.Expander(settings.lexicon || {}, settings.ranking);
    this.index = index || new rank.Index(settings);
    this.presenter = new present.Presenter(settings);
  }

  Engine.prototype.setup = function (docs) {
    if (docs.length) this.index.add(docs);
  };

  /* done(Material's result: {items: [[item, ...], ...]}, with `cut` when the query was
     shortened); synchronous when everything needed is loaded. */
  Engine.prototype.search = function (query, done) {
    var self = this;
    var prepared = seg.prepare(query, { maxChars: this.ranking.limits.max_chars });
    var words = this.expander.words(prepared.text, this.index);
    if (!words.length) return done({ items: [] });
    var concepts = words.map(function (word) { return self.expander.reach(word, self.index); });
    this.index.rank(concepts, function (results) {
      var answer = { items: self.presenter.group(results, concepts) };
      if (prepared.cut) answer.cut = self.ranking.limits.max_chars;
      done(answer);
    }, function () { done({ items: [] }); });
  };

  /* Material's messages in, replies through `reply`; a query's answer is dropped when a newer
     query came in while it loaded. */
  function handler(engine, reply) {
    var latest = 0;
    return function (message) {
      switch (message.type) {
        case MESSAGE.SETUP:
          engine.setup(message.data.docs || []);
          return reply({ type: MESSAGE.READY });
        case MESSAGE.QUERY:
          var asked = ++latest;
          var answer = function (data) {
            if (asked === latest) reply({ type: MESSAGE.RESULT, data: data });
          };
          try {
            engine.search(String(message.data || ""), function (data) {
              try {
                answer(data);
              } catch (error) {
                console.warn("search failed", error);
              }
            });
          } catch (error) {
            console.warn("search failed", error);
            answer({ items: [] });
          }
          return undefined;
        default:
          return undefined;
      }
    };
  }

  var api = { Engine: Engine, handler: handler, MESSAGE: MESSAGE };
  HS.worker = api;
  if (typeof module !== "undefined" && module.exports) module.exports = api;
})(typeof self !== "undefined" ? self : globalThis);
