/*
 * Search stage 2, expand: each word of the query reaches index tokens, each with a weight:
 * - the word itself, and the longer words it stands in (授权 in 放手授权);
 * - its other names and everyday-word expansions from the lexicon (data/search.yml, the
 *   parties, the glossary, the derived vocabulary), looked up with the reader's own form
 *   before any stemming (housing, not hous);
 * - for English words of some length that the index lacks, the index words one edit away
 *   (publicizing finds publicising).
 */
(function (scope) {
  "use strict";

  var HS = scope.HandbookSearch = scope.HandbookSearch || {};
  var seg = HS.segment || require("./segment.js");

  /* word -> [[other form, weight], ...], keyed by the surface form and, for English, its
     stem too, so that a reader's "relatives" finds the group of "relative". */
  function alternatives(lexicon, weights) {
    var table = Object.create(null);
    function add(word, other, weight) {
      if (word === other) return;
      var keys = seg.isHan(word) ? [word] : [word.toLowerCase(), seg.term(word)];
      keys.forEach(function (key) {
        var list = table[key] = table[key] || [];
        if (!list.some(function (a) { return a[0] === other; })) list.push([other, weight]);
      });
    }
    (lexicon.synonyms || []).forEach(function (group) {
      group.forEach(function (word) {
        group.forEach(function (other) { add(word, other, weights.synonym); });
      });
    });
    var expansions = lexicon.expansions || {};
    Object.keys(expansions).forEach(function (word) {
      expansions[word].forEach(function (other) { add(word, other, weights.expansion); });
    });
    // everyday words derived offline with a model (data/search_vocabulary.yml)
    var derived = lexicon.derived || {};
    Object.keys(derived).forEach(function (word) {
      derived[word].forEach(function (other) { add(word, other, weights.derived); });
    });
    return table;
  }

  function Expander(lexicon, ranking) {
    this.ranking = ranking;
    this.weights = ranking.weights;
    this.stopwords = toSet(lexicon.stopwords || []);
    this.alternatives = alternatives(lexicon, ranking.weights);
    this.dictionary = toSet((lexicon.dictionary || []).concat(Object.keys(this.alternatives)));
    // English phrases that lead elsewhere (expansions, derived words), not other names, whose
    // words are the texts' own (host unit stays two words)
    this.phraseKeys = toSet(Object.keys(lexicon.expansions || {}).concat(Object.keys(lexicon.derived || {}))
      .filter(function (key) { return key.indexOf(" ") !== -1 && !seg.isHan(key); })
      .map(function (key) { return key.toLowerCase(); }));
  }

  var LONGEST_PHRASE = 3;  // English words in a phrase the lexicon knows (how long, brain trust)

  /* English pieces joined where the lexicon knows them as one phrase, longest first: "how
     long" leads to years, "brain trust" to think tank, which neither word does alone. */
  Expander.prototype.phrases = function (pieces) {
    var result = [];
    for (var i = 0; i < pieces.length; i++) {
      var found = null;
      for (var n = Math.min(LONGEST_PHRASE, pieces.length - i); n > 1 && !found; n--) {
        var run = pieces.slice(i, i + n);
        if (run.some(seg.isHan)) continue;
        var phrase = run.join(" ");
        if (this.phraseKeys[phrase]) found = { phrase: phrase, length: n };
      }
      result.push(found ? found.phrase : pieces[i]);
      if (found) i += found.length - 1;
    }
    return result;
  };

  /* The reader's words: Chinese runs segmented, question words dropped, at most
     `max_words` of them. `index` knows the index's tokens. */
  Expander.prototype.words = function (text, index) {
    var self = this;
    var words = [];
    this.phrases(seg.pieces(text)).forEach(function (piece) {
      if (!seg.isHan(piece)) { words.push(piece); return; }
      piece = this.asked(piece, index);
      // a piece of a longer index word counts as known too (双责 in 一岗双责)
      joinCharacters(seg.segmentRun(piece, function (p) {
        return index.known[p] || self.dictionary[p] || self.stopwords[p] || index.inside[p];
      }, this.segmentCosts()), this.stopwords).forEach(function (w) { words.push(w); });
    }, this);
    var content = words.filter(function (w) { return !self.stopwords[w]; });
    var result = unique(content.length ? content : words);
    return result.slice(0, this.ranking.limits.max_words);
  };

  /* Single characters side by side that no known word joins stand for a word the texts lack
     (公司进驻, not 公 + 司 + 进 + 驻, each of which matches everywhere): they stay one word,
     which `reach` takes apart only when nothing else finds it. */
  function joinCharacters(pieces, stopwords) {
    var result = [], run = "";
    pieces.concat([""]).forEach(function (piece) {
      if (piece.length === 1 && !stopwords[piece]) { run += piece; return; }
      if (run) result.push(run);
      run = "";
      if (piece) result.push(piece);
    });
    return result;
  }

  // A Chinese yes-no question asks "X or not X": 会不会, 了解不了解, 有没有, 够不够.
  var X_NOT_X = /([\u3400-\u9fff]{1,2})[不没]\1/g;

  /* A Chinese run with its yes-no frame (X不X, X没X) said once, as X: the frame is no word of
     the texts (会不会了解 searches 会 + 了解, and 会 is a question word), unless the texts
     hold it inside one of their words (说长不长). */
  Expander.prototype.asked = function (run, index) {
    return run.replace(X_NOT_X, function (frame, word) {
      return index.known[frame] || index.inside[frame] ? frame : word;
    });
  };

  Expander.prototype.segmentCosts = function () {
    var s = this.ranking.segment;
    return { longestWord: s.longest_word, knownChar: s.known_char, unknownChar: s.unknown_char };
  };

  Expander.prototype.lookup = function (word) {
    if (seg.isHan(word)) return this.alternatives[word] || [];
    return this.alternatives[word] || this.alternatives[seg.term(word)] || [];
  };

  /* Index tokens that a word reaches, with the weight of each way of reaching it. Other names
     and expansions count less when the reader's own word is in the texts: they are there for
     words the texts do not use. */
  Expander.prototype.reach = function (word, index) {
    var self = this, weights = this.weights;
    var reached = Object.create(null);
    function add(token, weight) {
      if (index.postings[token] && (reached[token] || 0) < weight) reached[token] = weight;
    }
    function reachForm(surface, weight) {
      var before = Object.keys(reached).length;
      if (!seg.isHan(surface)) {
        seg.tokenize(surface).forEach(function (token) { add(token, weight); });
        return Object.keys(reached).length > before;
      }
      add(surface, weight);
      if (surface.length >= 2) {
        index.containing(surface).forEach(function (token) { add(token, weight * weights.inside); });
      }
      return Object.keys(reached).length > before;
    }
    // a phrase reaches the words it is made of (brain trust: brain, trust); a question phrase,
    // one that opens on a question word, reaches only what it asks for: "how old" asks for an
    // age, not for old things (the old revolutionary base), "how many" for a number, not "many"
    var phrase = !seg.isHan(word) && word.indexOf(" ") !== -1;
    var parts = phrase ? word.split(" ") : [word];
    if (!phrase || !this.stopwords[parts[0]]) parts.forEach(function (part) {
      if (!phrase || !self.stopwords[part]) reachForm(part, weights.word);
    });
    // (its words being in the texts does not make the phrase found: its other names count fully)
    var found = !phrase && Object.keys(reached).some(function (token) { return index.inTexts[token]; });
    var others = this.lookup(word);
    // A word the lexicon knows is no typo (sorry is not worry): only other words reach the
    // index words one edit away, and those do not count as the reader's own word found.
    if (!seg.isHan(word) && !Object.keys(reached).length && !others.length && word.length >= this.ranking.typo_min_length) {
      index.near(seg.term(word)).forEach(function (token) { add(token, weights.typo); });
    }
    var damping = found ? weights.own_word_found : 1;
    others.forEach(function (form) { reachForm(form[0], form[1] * damping); });
    // The reader's word spread over several index words (工作保障 = 工作 + 保障), or a compound
    // found by its parts; not for a word the lexicon explains and the texts do not use
    // (选派单位 means 派出单位, not 选派 + 单位).
    if (seg.isHan(word) && word.length >= 3 && (found || !others.length)) {
      seg.segmentRun(word, function (p) { return p !== word && index.known[p]; }, this.segmentCosts())
        .forEach(function (piece) {
          if (piece.length > 1 && piece !== word) add(piece, weights.word * weights.inside);
        });
    }
    // A word the texts do not use, made of words the lexicon knows (消费投诉 = 消费 + 投诉).
    if (seg.isHan(word) && word.length >= 3 && !found) {
      seg.segmentRun(word, function (p) {
        return p !== word && (index.known[p] || self.dictionary[p] || self.stopwords[p]);
      }, this.segmentCosts()).forEach(function (piece) {
        if (piece.length < 2 || piece === word || self.stopwords[piece]) return;
        self.lookup(piece).forEach(function (form) { reachForm(form[0], form[1] * weights.inside); });
      });
    }
    // A Chinese word that nothing reaches, not even its parts (公司进驻), is searched by its
    // characters, which count little: they match nearly everywhere.
    var byCharacters = seg.isHan(word) && word.length > 1 && !Object.keys(reached).length;
    if (byCharacters) Array.from(word).forEach(function (character) { add(character, weights.characters); });
    return {
      word: word,
      tokens: reached,
      // reached only by its characters: no section holds the word itself (present.js)
      byCharacters: byCharacters,
      surfaces: [word].concat(others.map(function (f) { return f[0]; })),
      // how strongly each surface stands for the word (present.js marks the strongest found)
      strengths: [weights.word].concat(others.map(function (f) { return f[1]; }))
    };
  };

  function toSet(list) {
    var set = Object.create(null);
    list.forEach(function (item) { set[item] = true; });
    return set;
  }

  function unique(list) {
    var seen = Object.create(null);
    return list.filter(function (item) { return seen[item] ? false : (seen[item] = true); });
  }

  var api = { Expander: Expander, alternatives: alternatives, toSet: toSet, unique: unique };
  HS.expand = api;
  if (typeof module !== "undefined" && module.exports) module.exports = api;
})(typeof self !== "undefined" ? self : globalThis);
