/*
 * The handbook's search engine. It runs as Material's search worker (the build writes
 * worker.<lang>.js: the language's settings and lexicon, then this file) and answers
 * Material's four messages, so Material's search box and result list stay as they are.
 *
 * - Only the documents of the reader's language are searched.
 * - Chinese queries typed without spaces are segmented with the index's own words and the
 *   handbook's dictionary; question words are dropped; other names and everyday words are
 *   expanded from the lexicon (data/search.yml, the parties, the glossary).
 * - A word is also found inside longer words (授权 in 放手授权).
 * - Sections are ranked by their best passage (three sentences) with BM25, a bonus for
 *   covering every word of the query and for words that stand together as typed; a page
 *   shows its best section, and a second one nearly as good.
 * - Results carry no segmentation marks (U+200B): what a reader sees or copies is clean.
 */
(function (scope) {
  "use strict";

  var MESSAGE = { SETUP: 0, READY: 1, QUERY: 2, RESULT: 3 };
  var HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
  var K1 = 1.2, B = 0.75, TITLE_WEIGHT = 2.5;
  var WEIGHT = { word: 1, synonym: 1, expansion: 0.7, inside: 0.6, ownWordFound: 0.5 };
  var MAX_SECTIONS = 60;
  var WINDOW = 3;
  var CLOSE = 0.8;

  function Engine(settings) {
    this.settings = settings;
    var lexicon = settings.lexicon || {};
    this.stopwords = toSet(lexicon.stopwords || []);
    this.alternatives = buildAlternatives(lexicon);
    this.dictionary = toSet((lexicon.dictionary || []).concat(Object.keys(this.alternatives)));
    this.sections = [];
    this.passages = [];
    this.postings = Object.create(null);
    this.inTexts = Object.create(null);  // words of the five texts themselves
    this.vocabulary = [];
  }

  /* -- indexing ------------------------------------------------------------------------- */

  /* Sections are Material's (a heading and what follows); they are scored by their best
     passage (see passagesOf), so that a long section is not outranked by a short one only
     for its length. */
  Engine.prototype.setup = function (docs) {
    var self = this;
    var totalLength = 0;
    docs.filter(function (doc) {
      // a heading with nothing under it (a theme heading above its entries) is no answer
      var article = doc.location.indexOf("#") === -1;
      return self.belongs(doc.location) && (article || stripTags(doc.text || "").trim());
    }).forEach(function (doc) {
      var title = clean(doc.title || "");
      var text = clean(doc.text || "");
      var section = {
        doc: doc,
        title: title,
        text: text,
        plain: stripTags(title + " " + text),
        boost: typeof doc.boost === "number" ? doc.boost : 1
      };
      var sectionIndex = self.sections.push(section) - 1;
      var titleTokens = self.tokenize(doc.title || "");
      var fromTexts = doc.location.indexOf((self.settings.prefix || "") + "sources/") === 0;
      passagesOf(doc.text || "").forEach(function (passage) {
        var counts = Object.create(null), length = 0;
        titleTokens.forEach(function (token) { counts[token] = (counts[token] || 0) + TITLE_WEIGHT; });
        self.tokenize(passage).forEach(function (token) {
          counts[token] = (counts[token] || 0) + 1;
          length += 1;
          if (fromTexts) self.inTexts[token] = true;
        });
        var index = self.passages.push({ section: sectionIndex, length: length, plain: clean(stripTags(passage)) }) - 1;
        Object.keys(counts).forEach(function (token) {
          (self.postings[token] = self.postings[token] || []).push([index, counts[token]]);
        });
        totalLength += length;
      });
    });
    this.averageLength = Math.max(1, totalLength / Math.max(1, this.passages.length));
    this.vocabulary = Object.keys(this.postings);
    this.known = toSet(this.vocabulary);
  };

  /* Which documents belong to this language: Chinese at the root, English under en/. */
  Engine.prototype.belongs = function (location) {
    var prefix = this.settings.prefix || "";
    if (prefix) return location.indexOf(prefix) === 0;
    return !(this.settings.otherPrefixes || []).some(function (other) {
      return location.indexOf(other) === 0;
    });
  };

  /* Index text arrives segmented by jieba (U+200B between words); Latin words are stemmed. */
  Engine.prototype.tokenize = function (value) {
    var tokens = [];
    stripTags(value).split(/[\s\u200b]+/).forEach(function (chunk) {
      chunk.split(/[^\w\u3400-\u9fff\uf900-\ufaff]+/).forEach(function (token) {
        if (!token) return;
        tokens.push(HAN.test(token) ? token : stem(token.toLowerCase()));
      });
    });
    return tokens;
  };

  /* -- queries -------------------------------------------------------------------------- */

  /* The reader's words: segmented, question words dropped. */
  Engine.prototype.words = function (query) {
    var self = this;
    var words = [];
    query.split(/[^\w\u3400-\u9fff\uf900-\ufaff]+/).forEach(function (part) {
      if (!part) return;
      var pieces = part.split(/([\u3400-\u9fff\uf900-\ufaff]+)/);
      pieces.forEach(function (piece) {
        if (!piece) return;
        if (HAN.test(piece)) self.segment(piece).forEach(function (w) { words.push(w); });
        else words.push(stem(piece.toLowerCase()));
      });
    });
    var content = words.filter(function (w) { return !self.stopwords[w]; });
    return unique(content.length ? content : words);
  };

  /* Fewest pieces, known words preferred: the index's words and (unless indexOnly) the
     dictionary and the lexicon; never the word `except` itself. */
  Engine.prototype.segment = function (run, indexOnly, except) {
    var n = run.length, best = [0], cut = [0];
    for (var end = 1; end <= n; end++) {
      best[end] = Infinity;
      for (var start = Math.max(0, end - 8); start < end; start++) {
        var piece = run.slice(start, end);
        var known = piece !== except && (this.known[piece] ||
          (!indexOnly && (this.dictionary[piece] || this.stopwords[piece])));
        var cost = known ? (piece.length === 1 ? 1.2 : 1) : (piece.length === 1 ? 1.5 : Infinity);
        if (best[start] + cost < best[end]) {
          best[end] = best[start] + cost;
          cut[end] = start;
        }
      }
    }
    var pieces = [];
    for (var at = n; at > 0; at = cut[at]) pieces.unshift(run.slice(cut[at], at));
    return pieces;
  };

  /* Index tokens that a word reaches, with the weight of each way of reaching it. The
     lexicon's other names and expansions count less when the reader's own word is in the
     five texts: they are there for words the texts do not use. */
  Engine.prototype.reach = function (word) {
    var self = this;
    var reached = Object.create(null);
    var found = false;
    function add(token, weight) {
      if (self.postings[token] && (reached[token] || 0) < weight) reached[token] = weight;
    }
    function reachForm(surface, weight) {
      var before = Object.keys(reached).length;
      if (!HAN.test(surface)) {
        self.tokenize(surface).forEach(function (token) { add(token, weight); });
        return Object.keys(reached).length > before;
      }
      add(surface, weight);
      if (surface.length >= 2) {
        // inside longer words (授权 in 放手授权)
        self.vocabulary.forEach(function (token) {
          if (token.length > surface.length && token.indexOf(surface) !== -1) add(token, weight * WEIGHT.inside);
        });
      }
      return Object.keys(reached).length > before;
    }
    reachForm(word, WEIGHT.word);
    // Is the reader's word one the texts use? (The handbook's own pages name other names too.)
    found = Object.keys(reached).some(function (token) { return self.inTexts[token]; });
    var others = this.alternatives[word] || [];
    var damping = found ? WEIGHT.ownWordFound : 1;
    others.forEach(function (form) { reachForm(form[0], form[1] * damping); });
    // The reader's word spread over several index words (工作保障 = 工作 + 保障), or a compound
    // found by its parts (挂职干部 where the text says 挂职); not for a word the lexicon
    // explains and the texts do not use (选派单位 means 派出单位, not 选派 + 单位).
    if (HAN.test(word) && word.length >= 3 && (found || !others.length)) {
      this.segment(word, true, word).forEach(function (piece) {
        if (piece.length > 1 && piece !== word) add(piece, WEIGHT.word * WEIGHT.inside);
      });
    }
    // A word the texts do not use, made of words the lexicon knows (消费投诉 = 消费 + 投诉):
    // the parts' other names and expansions lead on too.
    if (HAN.test(word) && word.length >= 3 && !found) {
      this.segment(word, false, word).forEach(function (piece) {
        if (piece.length < 2 || piece === word || self.stopwords[piece]) return;
        (self.alternatives[piece] || []).forEach(function (form) {
          reachForm(form[0], form[1] * WEIGHT.inside);
        });
      });
    }
    return {
      word: word,
      tokens: reached,
      surfaces: [word].concat(others.map(function (f) { return f[0]; }))
    };
  };

  Engine.prototype.search = function (query) {
    var self = this;
    var words = this.words(query);
    if (!words.length) return { items: [] };
    var concepts = words.map(function (word) { return self.reach(word); });
    var total = this.passages.length;
    var scores = Object.create(null);   // passage -> best score of each concept
    concepts.forEach(function (concept, c) {
      Object.keys(concept.tokens).forEach(function (token) {
        var postings = self.postings[token];
        var idf = Math.log(1 + (total - postings.length + 0.5) / (postings.length + 0.5));
        postings.forEach(function (posting) {
          var passage = self.passages[posting[0]], tf = posting[1];
          var norm = tf * (K1 + 1) / (tf + K1 * (1 - B + B * passage.length / self.averageLength));
          var score = concept.tokens[token] * idf * norm;
          var row = scores[posting[0]] = scores[posting[0]] || new Array(concepts.length).fill(0);
          if (score > row[c]) row[c] = score;
        });
      });
    });

    var bySection = Object.create(null);
    Object.keys(scores).forEach(function (key) {
      var passage = self.passages[key], row = scores[key];
      var section = self.sections[passage.section];
      var matched = row.filter(function (s) { return s > 0; }).length;
      var sum = row.reduce(function (a, b) { return a + b; }, 0);
      var coverage = matched / concepts.length;
      var together = self.together(concepts, passage.plain);
      var score = section.boost * sum * (0.25 + coverage * coverage) * (1 + together);
      var best = bySection[passage.section];
      if (!best || score > best.score) bySection[passage.section] = { section: section, row: row, score: score };
    });
    var results = Object.keys(bySection).map(function (key) { return bySection[key]; })
      .sort(function (a, b) { return b.score - a.score; }).slice(0, MAX_SECTIONS);

    return { items: this.group(results, concepts) };
  };

  /* Bonus for query words that stand next to each other in the passage as typed, in the
     reader's form or another (当好 + 角色 finds 当好学习员). */
  Engine.prototype.together = function (concepts, plain) {
    var bonus = 0;
    for (var i = 0; i + 1 < concepts.length; i++) {
      var first = concepts[i].surfaces, second = concepts[i + 1].surfaces;
      if (!HAN.test(first[0])) continue;
      var found = first.some(function (a) {
        return plain.indexOf(a) !== -1 && second.some(function (b) { return plain.indexOf(a + b) !== -1; });
      });
      if (found) bonus += 0.5;
    }
    return bonus;
  };

  /* Material's result shape: one list per page, the page's own entry included. An entry of
     a list page (a duty, a glossary term) stands alone: its page's top says nothing more. */
  Engine.prototype.group = function (results, concepts) {
    var self = this;
    var groups = [], byKey = Object.create(null);
    results.forEach(function (result) {
      var location = result.section.doc.location;
      var key = self.standsAlone(location) ? location : location.split("#")[0];
      if (!byKey[key]) groups.push(byKey[key] = []);
      byKey[key].push(self.item(result.section, result.score, result.row, concepts));
    });
    // Material shows a page's entry, then only the sections that score as high as the first
    // item of its list. A page whose best answer is a section lists that section first (its
    // own entry last), so that the section is the one shown.
    return groups.map(function (group) {
      var page = group[0].location.split("#")[0];
      if (self.standsAlone(group[0].location)) return group;
      var article = group.filter(function (item) { return item.location === page; })[0];
      if (!article) {
        var section = self.sections.filter(function (s) { return s.doc.location === page; })[0];
        if (!section) return group;
        article = self.item(section, 0, concepts.map(function () { return 0; }), concepts);
        // the page's link highlights, on the page, the words its sections matched
        group.forEach(function (item) {
          Object.keys(item.terms).forEach(function (term) { article.terms[term] = article.terms[term] || item.terms[term]; });
        });
        return group.concat([article]);
      }
      var ordered = group[0] === article ? group
        : group.filter(function (item) { return item !== article; }).concat([article]);
      // a section nearly as good as the page's best is shown too, not folded away
      ordered.forEach(function (item) {
        if (item !== article && item.score >= CLOSE * ordered[0].score) item.score = Math.max(item.score, ordered[0].score);
      });
      return ordered;
    });
  };

  Engine.prototype.standsAlone = function (location) {
    return location.indexOf("#") !== -1 && (this.settings.entryPages || []).some(function (prefix) {
      return location.indexOf(prefix) === 0;
    });
  };

  Engine.prototype.item = function (section, score, row, concepts) {
    var terms = {}, marks = [];
    var plain = section.plain;
    concepts.forEach(function (concept, c) {
      terms[concept.word] = row[c] > 0;
      if (row[c] > 0) {
        concept.surfaces.forEach(function (surface) {
          if (plain.indexOf(surface) === -1) return;
          marks.push(surface);
          // the other names found are highlighted on the page the reader opens, too
          terms[surface] = true;
        });
      }
    });
    var title = section.title;
    if (this.standsAlone(section.doc.location)) {
      var page = this.pageTitle(section.doc.location.split("#")[0]);
      if (page) title = page + " · " + title;
    }
    var item = {
      location: section.doc.location,
      title: highlight(title, marks),
      text: highlight(section.text, marks),
      score: score,
      terms: terms
    };
    if (section.doc.tags) item.tags = section.doc.tags;
    return item;
  };

  Engine.prototype.pageTitle = function (page) {
    var article = this.sections.filter(function (s) { return s.doc.location === page; })[0];
    return article ? article.title : "";
  };

  /* -- helpers -------------------------------------------------------------------------- */

  function buildAlternatives(lexicon) {
    var alternatives = Object.create(null);
    function add(word, other, weight) {
      if (word === other) return;
      var list = alternatives[word] = alternatives[word] || [];
      if (!list.some(function (a) { return a[0] === other; })) list.push([other, weight]);
    }
    (lexicon.synonyms || []).forEach(function (group) {
      group.forEach(function (word) {
        group.forEach(function (other) { add(word, other, WEIGHT.synonym); });
      });
    });
    var expansions = lexicon.expansions || {};
    Object.keys(expansions).forEach(function (word) {
      expansions[word].forEach(function (other) { add(word, other, WEIGHT.expansion); });
    });
    return alternatives;
  }

  function clean(value) {
    return value.replace(/\u200b/g, "");
  }

  /* The passages of a section's text: windows of a few sentences inside each paragraph or
     list item (Material keeps <p> and <li>), so that words found together score together. */
  function passagesOf(html) {
    var passages = [];
    html.split(/<\/?(?:p|li|ol|ul)>/).forEach(function (part) {
      if (!stripTags(part).trim()) return;
      var sentences = part.match(/[^。！？!?]+[。！？!?]*/g) || [part];
      if (sentences.length <= WINDOW) { passages.push(part); return; }
      for (var i = 0; i + WINDOW <= sentences.length; i++) passages.push(sentences.slice(i, i + WINDOW).join(""));
    });
    return passages.length ? passages : [""];
  }

  function stripTags(value) {
    return value.replace(/<[^>]*>/g, " ");
  }

  /* Mark the words in the text parts of an HTML string, longest first. */
  function highlight(html, words) {
    var list = unique(words).filter(Boolean).sort(function (a, b) { return b.length - a.length; });
    if (!list.length) return html;
    var pattern = new RegExp("(" + list.map(escapeRegExp).join("|") + ")", "gi");
    return html.split(/(<[^>]*>)/).map(function (part) {
      return part.charAt(0) === "<" ? part : part.replace(pattern, "<mark data-md-highlight>$1</mark>");
    }).join("");
  }

  function escapeRegExp(value) {
    return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  /* A light English stemmer: enough for plurals and common endings. */
  function stem(word) {
    if (word.length <= 3 || /\d/.test(word)) return word;
    return word
      .replace(/'s$/, "")
      .replace(/ies$/, "y")
      .replace(/(ss|us)$/, "$1")
      .replace(/([^s])s$/, "$1")
      .replace(/(.{3,})(ing|ed)$/, "$1");
  }

  function toSet(list) {
    var set = Object.create(null);
    list.forEach(function (item) { set[item] = true; });
    return set;
  }

  function unique(list) {
    var seen = Object.create(null);
    return list.filter(function (item) { return seen[item] ? false : (seen[item] = true); });
  }

  /* -- worker --------------------------------------------------------------------------- */

  var engine = new Engine(scope.HANDBOOK_SEARCH || {});

  function handle(message) {
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
  }

  if (typeof module !== "undefined" && module.exports) {
    module.exports = { Engine: Engine, handle: handle };
  } else {
    scope.addEventListener("message", function (event) {
      var answer = handle(event.data);
      if (answer) scope.postMessage(answer);
    });
  }
})(typeof self !== "undefined" ? self : this);
