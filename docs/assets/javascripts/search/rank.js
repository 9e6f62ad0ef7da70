/*
 * Search stage 3, rank: the scoring, and the index built in memory from Material's documents.
 * The site's engine uses the index the build split into files (shards.js, built by
 * hooks/handbook/search_index.py with the same numbers); this in-memory `Index` is the
 * reference that the tests compare it with, and what the unit tests search.
 * - Only the documents of the reader's language are indexed (Chinese at the root, English
 *   under en/).
 * - Sections (Material's: a heading and what follows) are scored by their best passage
 *   (a few sentences), so that a long section is not outranked by a short one for its length.
 * - A passage's score: BM25 of each query word's best token, times the page folder's boost,
 *   times a bonus for covering every word of the query, times a bonus for words that stand
 *   together as typed. Every number is a named setting (data/search.yml, `ranking`).
 */
(function (scope) {
  "use strict";

  var HS = scope.HandbookSearch = scope.HandbookSearch || {};
  var seg = HS.segment || require("./segment.js");

  function Index(settings) {
    this.settings = settings;
    this.ranking = settings.ranking;
    this.sections = [];
    this.passages = [];
    this.postings = Object.create(null);
    this.inTexts = Object.create(null);  // words of the source texts themselves
    this.known = Object.create(null);
    this.vocabulary = [];
    this.averageLength = 1;
  }

  Index.prototype.add = function (docs) {
    var self = this, ranking = this.ranking;
    var prefix = this.settings.prefix || "";
    var texts = prefix + ranking.texts_folder;
    var totalLength = 0;
    docs = docs.map(function (doc) {
      return doc.text ? Object.assign({}, doc, { text: seg.tidy(doc.text) }) : doc;
    });
    // a section belongs to its page: the page's title words count in it too, a little
    var pageTitles = Object.create(null), contexts = Object.create(null);
    docs.forEach(function (doc) {
      if (doc.location.indexOf("#") !== -1) return;
      pageTitles[doc.location] = seg.tokenize(doc.title || "");
      // the page's context words (hooks/search.py: the speaker's office, the level)
      if (ranking.page_context && doc.context) contexts[doc.location] = termSet(seg.tokenize(doc.context));
    });
    var kept = docs.filter(function (doc) {
      // a heading with nothing under it (a theme heading above its entries) is no answer
      var article = doc.location.indexOf("#") === -1;
      return self.belongs(doc.location) && (article || seg.stripTags(doc.text || "").trim());
    });
    var headings = Object.create(null);  // a page's title, as its own section holds it
    kept.forEach(function (doc) {
      if (doc.location.indexOf("#") === -1 && !(doc.location in headings)) headings[doc.location] = seg.clean(doc.title || "");
    });
    kept.forEach(function (doc) {
      var title = seg.clean(doc.title || "");
      var text = seg.clean(doc.text || "");
      var page = doc.location.split("#")[0];
      var sectionIndex = self.sections.push(section(doc, title, text, self.boost(doc),
        page in headings ? headings[page] : null)) - 1;
      self.sections[sectionIndex].context = contexts[page] || null;
      var titleTokens = seg.tokenize(doc.title || "");
      var pageTokens = page !== doc.location ? pageTitles[page] || [] : [];
      var fromTexts = doc.location.indexOf(texts) === 0;
      passagesOf(doc.text || "", ranking.passage_sentences).forEach(function (passage) {
        var counts = Object.create(null), length = 0;
        pageTokens.forEach(function (token) { counts[token] = (counts[token] || 0) + ranking.page_title_weight; });
        titleTokens.forEach(function (token) { counts[token] = (counts[token] || 0) + ranking.title_weight; });
        seg.tokenize(passage).forEach(function (token) {
          counts[token] = (counts[token] || 0) + 1;
          length += 1;
          if (fromTexts) self.inTexts[token] = true;
        });
        var index = self.passages.push({ section: sectionIndex, length: length, plain: seg.clean(seg.stripTags(passage)) }) - 1;
        Object.keys(counts).forEach(function (token) {
          (self.postings[token] = self.postings[token] || []).push([index, counts[token]]);
        });
        totalLength += length;
      });
    });
    this.averageLength = Math.max(1, totalLength / Math.max(1, this.passages.length));
    this.vocabulary = Object.keys(this.postings);
    this.known = Object.create(null);
    this.vocabulary.forEach(function (token) { self.known[token] = true; });
    this.inside = insideWords(this.vocabulary);
  };

  /* A Chinese piece -> the longer index words holding it. */
  function insideWords(vocabulary) {
    var inside = Object.create(null);
    vocabulary.forEach(function (token) {
      if (!seg.isHan(token) || token.length < 3) return;
      for (var start = 0; start < token.length; start++) {
        for (var end = start + 2; end <= token.length; end++) {
          if (end - start === token.length) continue;
          var piece = token.slice(start, end);
          var list = inside[piece] = inside[piece] || [];
          if (list[list.length - 1] !== token) list.push(token);
        }
      }
    });
    return inside;
  }

  /* Results through a callback, as the split index gives them (shards.js). */
  Index.prototype.rank = function (concepts, done) {
    done(this.score(concepts));
  };

  /* A section as the presenter reads it; `pageTitle` is its page's title, or null when the
     page itself is not indexed. */
  function section(doc, title, text, boost, pageTitle) {
    return {
      doc: doc, title: title, text: text,
      plain: seg.stripTags(title + " " + text),
      boost: boost, pageTitle: pageTitle
    };
  }

  /* A page's weight: its own `search: boost` (Material's front matter) wins, then the
     boost of its folder (`page_boosts`), else 1. */
  Index.prototype.boost = function (doc) {
    if (typeof doc.boost === "number") return doc.boost;
    var path = directoryForm(doc.location.slice((this.settings.prefix || "").length));
    var boosts = this.ranking.page_boosts || {};
    var folder = Object.keys(boosts).filter(function (f) { return path.indexOf(f) === 0; })[0];
    return folder ? boosts[folder] : 1;
  };

  /* A location as the online site names it: the offline bundle (use_directory_urls off) names
     about/ about.html and guide/ guide/index.html, and the settings name pages and folders the
     online way (page_boosts: about/), so that both rank alike. */
  function directoryForm(location) {
    var at = location.indexOf("#");
    var page = at === -1 ? location : location.slice(0, at);
    page = page.replace(/(^|\/)index\.html$/, "$1").replace(/\.html$/, "/");
    return page + (at === -1 ? "" : location.slice(at));
  }

  Index.prototype.belongs = function (location) {
    var prefix = this.settings.prefix || "";
    if (prefix) return location.indexOf(prefix) === 0;
    return !(this.settings.otherPrefixes || []).some(function (other) {
      return location.indexOf(other) === 0;
    });
  };

  /* Index words that hold `surface` inside them (授权 in 放手授权). */
  Index.prototype.containing = function (surface) {
    return this.inside[surface] || [];
  };

  /* Latin index words one edit (insert, delete, substitute, swap) away from `word`. */
  Index.prototype.near = function (word) {
    return this.vocabulary.filter(function (token) {
      return !seg.isHan(token) && Math.abs(token.length - word.length) <= 1 && oneEditApart(token, word);
    });
  };

  /* Sections ranked for the concepts of a query: [{section, row, score, passage}], best first
     (passage: the best passage, {plain}). */
  Index.prototype.score = function (concepts) {
    var self = this, ranking = this.ranking;
    var total = this.passages.length;
    var scores = Object.create(null);   // passage -> best score of each concept
    concepts.forEach(function (concept, c) {
      Object.keys(concept.tokens).forEach(function (token) {
        var postings = self.postings[token];
        var idf = Math.log(1 + (total - postings.length + 0.5) / (postings.length + 0.5));
        postings.forEach(function (posting) {
          var passage = self.passages[posting[0]];
          var score = concept.tokens[token] * idf * bm25(posting[1], passage.length, self.averageLength, ranking);
          var row = scores[posting[0]] = scores[posting[0]] || new Array(concepts.length).fill(0);
          if (score > row[c]) row[c] = score;
        });
      });
    });
    var bySection = Object.create(null);
    Object.keys(scores).forEach(function (key) {
      var passage = self.passages[key], row = scores[key];
      var section = self.sections[passage.section];
      var score = section.boost * passageScore(row, together(concepts, passage, ranking), ranking,
        contextMatches(row, concepts, section.context, ranking));
      var best = bySection[passage.section];
      if (!best || score > best.score) bySection[passage.section] = { section: section, row: row, score: score, passage: passage };
    });
    return Object.keys(bySection).map(function (key) { return bySection[key]; })
      .sort(function (a, b) { return b.score - a.score; }).slice(0, ranking.max_sections);
  };

  function bm25(tf, length, averageLength, ranking) {
    return tf * (ranking.k1 + 1) / (tf + ranking.k1 * (1 - ranking.b + ranking.b * length / averageLength));
  }

  /* The sum of the concepts' scores, scaled by how many of them the passage covers (and the
     share its page's context covers) and by the words-together bonus. */
  function passageScore(row, togetherBonus, ranking, context) {
    var matched = row.filter(function (s) { return s > 0; }).length + (context || 0);
    var sum = row.reduce(function (a, b) { return a + b; }, 0);
    var coverage = matched / row.length;
    return sum * (ranking.coverage_floor + coverage * coverage) * (1 + togetherBonus);
  }

  /* Bonus for query words that stand next to each other in the passage as typed, in the
     reader's form or another (当好 + 角色 finds 当好学习员). */
  function together(concepts, passage, ranking) {
    var bonus = 0, plain = passage.plain;
    for (var i = 0; i + 1 < concepts.length; i++) {
      var first = concepts[i].surfaces, second = concepts[i + 1].surfaces;
      if (!seg.isHan(first[0])) {
        // English: the two words' index forms in a row, or with one word between (of, the)
        passage.terms = passage.terms || seg.tokenize(plain);  // kept for the next query
        if (adjacent(passage.terms, concepts[i].tokens, concepts[i + 1].tokens)) bonus += ranking.together_bonus;
        continue;
      }
      var found = first.some(function (a) {
        return plain.indexOf(a) !== -1 && second.some(function (b) { return plain.indexOf(a + b) !== -1; });
      });
      if (found) bonus += ranking.together_bonus;
    }
    return bonus;
  }

  /* Query words the passage lacks that its page's context holds (the speaker's office, the
     level: data/search.yml `page_context`; `context`: a set of terms, or null): each counts as
     `page_context.weight` of a found word in the coverage, and nothing in the sum, so that the
     scene a reader sets lifts the page's passages that hold the question's other words and
     makes no passage a match by itself. */
  function contextMatches(row, concepts, context, ranking) {
    if (!context || !ranking.page_context) return 0;
    var found = 0;
    row.forEach(function (score, c) {
      if (score === 0 && Object.keys(concepts[c].tokens).some(function (token) { return context[token]; })) found += 1;
    });
    return found * ranking.page_context.weight;
  }

  function termSet(terms) {
    var set = Object.create(null);
    terms.forEach(function (term) { set[term] = true; });
    return set;
  }

  function adjacent(terms, first, second) {
    for (var i = 0; i + 1 < terms.length; i++) {
      if (first[terms[i]] && (second[terms[i + 1]] || (i + 2 < terms.length && second[terms[i + 2]]))) return true;
    }
    return false;
  }

  /* The passages of a section's text: windows of a few sentences inside each paragraph or
     list item (Material keeps <p> and <li>), so that words found together score together. */
  function passagesOf(html, size) {
    var passages = [];
    html.split(/<\/?(?:p|li|ol|ul)>/).forEach(function (part) {
      if (!seg.stripTags(part).trim()) return;
      var sentences = part.match(/[^。！？!?]+[。！？!?]*/g) || [part];
      if (sentences.length <= size) { passages.push(part); return; }
      for (var i = 0; i + size <= sentences.length; i++) passages.push(sentences.slice(i, i + size).join(""));
    });
    return passages.length ? passages : [""];
  }

  function oneEditApart(a, b) {
    if (a === b) return false;
    if (a.length === b.length) {
      var diff = [];
      for (var i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
      return diff.length === 1 ||
        (diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]]);
    }
    var longer = a.length > b.length ? a : b, shorter = a.length > b.length ? b : a;
    for (var j = 0; j < shorter.length && longer[j] === shorter[j]; j++);
    return longer.slice(j + 1) === shorter.slice(j);
  }

  var api = {
    Index: Index, section: section, insideWords: insideWords, bm25: bm25, passageScore: passageScore, together: together,
    contextMatches: contextMatches, termSet: termSet, passagesOf: passagesOf, oneEditApart: oneEditApart
  };
  HS.rank = api;
  if (typeof module !== "undefined" && module.exports) module.exports = api;
})(typeof self !== "undefined" ? self : globalThis);
