/*
 * Search stage 3b, shards: the index that the build split into files
 * (hooks/handbook/search_index.py), loaded as a query needs it, ranked exactly as rank.js's
 * in-memory `Index` ranks.
 * - The dictionary (loaded with the engine): passage lengths, section boosts, and the
 *   vocabulary with each term's document frequency, its shard and whether the source texts use
 *   it. The expander's `known`, `inside`, `near` and `inTexts` read it.
 * - Postings shards: loaded for the tokens a query reaches; BM25 is computed from them alone.
 * - Content fragments: the sections' text. The words-together bonus needs a passage's text,
 *   but it can at most multiply a passage's score by 1 + together_bonus × (the query's
 *   neighbouring words that the passage can find side by side): the candidates are taken best
 *   bound first, and fragments are loaded only while a candidate's bound can still reach the
 *   shown results. Then the shown sections' fragments.
 * - Junction shards (Chinese) and pair shards (English): hashed buckets of the two characters
 *   where two words meet, or of two terms in a row or one word apart, and the sections or
 *   passages that hold them: only those can earn the bonus, and only they count it in their
 *   bound.
 * Every file is a classic script calling `HandbookSearch.receive(key, data)`.
 */
(function (scope) {
  "use strict";

  var HS = scope.HandbookSearch = scope.HandbookSearch || {};
  var seg = HS.segment || require("./segment.js");
  var rank = HS.rank || require("./rank.js");

  var received = HS.received = HS.received || Object.create(null);
  HS.receive = function (key, data) { received[key] = data; };

  // hooks/handbook/search_index.py `encode`: 5 bits a character, the 6th says more follow
  var DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  var VALUE = new Int8Array(128).fill(-1);
  for (var d = 0; d < DIGITS.length; d++) VALUE[DIGITS.charCodeAt(d)] = d;
  var FRAGMENTS_AT_ONCE = 16;

  function decode(text) {
    var numbers = [], value = 0, shift = 0;
    for (var i = 0; i < text.length; i++) {
      var digit = VALUE[text.charCodeAt(i)];
      value += (digit & 31) * Math.pow(2, shift);
      shift += 5;
      if (digit < 32) {
        numbers.push(value);
        value = 0;
        shift = 0;
      }
    }
    return numbers;
  }

  /* `fetchFiles(names, done)` loads the named files of the language's folder (scripts that
     call HandbookSearch.receive), then calls done. */
  function ShardedIndex(settings, dictionary, fetchFiles) {
    var self = this;
    this.settings = settings;
    this.ranking = settings.ranking;
    this.lang = settings.lang;
    this.fetchFiles = fetchFiles;
    this.dictionary = dictionary;
    this.total = dictionary.passages;
    this.averageLength = dictionary.averageLength;
    this.lengths = new Int32Array(this.total);
    this.sectionOf = new Int32Array(this.total);
    this.firstPassage = [];
    decode(dictionary.lengths).forEach(function (code, passage) {
      if (code % 2) self.firstPassage.push(passage);
      self.lengths[passage] = Math.floor(code / 2);
      self.sectionOf[passage] = self.firstPassage.length - 1;
    });
    this.boosts = decode(dictionary.boosts).map(function (i) { return dictionary.boostValues[i]; });
    this.fragmentFirst = sums(decode(dictionary.fragmentFirsts));
    // each section's page context (rank.contextMatches), or null
    var contexts = (dictionary.contexts || []).map(function (terms) { return rank.termSet(terms.split(" ")); });
    this.contextOf = decode(dictionary.sectionContexts || "").map(function (n) { return n ? contexts[n - 1] : null; });
    this.junctionFirst = sums(decode(dictionary.junctionFirsts));
    this.known = Object.create(null);
    this.inTexts = Object.create(null);
    this.where = Object.create(null);   // term -> [shard, position, document frequency]
    this.vocabulary = [];
    dictionary.terms.forEach(function (terms, s) {
      var counts = decode(dictionary.counts[s]);
      terms.split(" ").forEach(function (term, i) {
        self.where[term] = [s, i, Math.floor(counts[i] / 2)];
        self.known[term] = true;
        if (counts[i] % 2) self.inTexts[term] = true;
        self.vocabulary.push(term);
      });
    });
    this.postings = this.known;   // the expander asks only whether a token has postings
    this.inside = rank.insideWords(this.vocabulary);
    this.decoded = Object.create(null);  // term -> [passage, weight, passage, weight, ...]
    this.sections = Object.create(null);  // section number -> section, once its fragment is here
    this.passageCache = Object.create(null);
  }

  ShardedIndex.prototype.containing = rank.Index.prototype.containing;
  ShardedIndex.prototype.near = rank.Index.prototype.near;

  /* The running sums of a list (the build writes the differences). */
  function sums(numbers) {
    for (var i = 1; i < numbers.length; i++) numbers[i] += numbers[i - 1];
    return numbers;
  }

  var DIGEST = 10;  // hexadecimal digits of a file's content hash in its name

  /* A file of the split index: p<n> (postings shard), f<n> (fragment), j<n> (junctions),
     w<n> (term pairs). */
  ShardedIndex.prototype.fileName = function (kind, number) {
    // the pair shards share one digest
    var digest = this.dictionary.files[kind].substr(kind === "w" ? 0 : number * DIGEST, DIGEST);
    return kind + number + "." + digest + ".js";
  };

  ShardedIndex.prototype.fileCount = function (kind) {
    if (kind === "w") return this.dictionary.pairBuckets / this.dictionary.pairsPerFile;
    return this.dictionary.files[kind].length / DIGEST;
  };

  /* Load the numbered files of a kind, then done. */
  ShardedIndex.prototype.need = function (kind, numbers, done) {
    var self = this;
    var missing = numbers.filter(function (n) { return !(self.key(kind, n) in received); });
    if (!missing.length) return done();
    this.fetchFiles(missing.map(function (n) { return self.fileName(kind, n); }), function () {
      var lost = missing.filter(function (n) { return !(self.key(kind, n) in received); });
      if (!lost.length) return done();
      console.warn("search: " + lost.map(function (n) { return self.fileName(kind, n); }).join(", ") + " did not load");
      self.failed();
    });
  };

  ShardedIndex.prototype.key = function (kind, number) {
    return this.lang + "/" + kind + number;
  };

  /* A term's postings, flat: passage, weight, passage, weight... */
  ShardedIndex.prototype.postingsOf = function (term) {
    var list = this.decoded[term];
    if (list) return list;
    var where = this.where[term], tf = this.dictionary.tf;
    var numbers = decode(received[this.key("p", where[0])][where[1]]);
    var passage = -1;
    for (var i = 0; i < numbers.length; i += 2) {
      passage += numbers[i] + 1;
      numbers[i] = passage;
      numbers[i + 1] = tf[numbers[i + 1]];
    }
    return (this.decoded[term] = numbers);
  };

  ShardedIndex.prototype.fragmentOf = function (section) {
    return fileOf(this.fragmentFirst, section);
  };

  /* The file whose first item is the last at or before `item`. */
  function fileOf(firsts, item) {
    var low = 0, high = firsts.length - 1;
    while (low < high) {
      var middle = (low + high + 1) >> 1;
      if (firsts[middle] <= item) low = middle; else high = middle - 1;
    }
    return low;
  }

  /* hooks/handbook/search_index.py `bucket`: FNV-1a over the string's UTF-16 units. */
  function bucketOf(pair, buckets) {
    var value = 2166136261;
    for (var i = 0; i < pair.length; i++) value = Math.imul((value ^ pair.charCodeAt(i)) >>> 0, 16777619) >>> 0;
    return value & (buckets - 1);
  }

  /* For each pair of neighbouring query words, where the buckets that hold every passage that
     can earn its bonus are: Chinese (rank.together tests the text), the junctions (last
     character of a form of the first, first of a form of the second), listing sections;
     English (rank.adjacent tests the terms), the pairs of their terms, listing passages
     ({kind, numbers}). Null when any passage can: a Chinese form that is empty, an English
     word with a Chinese term (the build lists pairs whose first term is not Chinese). */
  ShardedIndex.prototype.pairBuckets = function (concepts) {
    var junctions = this.dictionary.buckets, pairs = this.dictionary.pairBuckets;
    return concepts.slice(0, -1).map(function (concept, i) {
      var next = concepts[i + 1], found = [];
      function add(number) { if (found.indexOf(number) === -1) found.push(number); }
      if (!seg.isHan(concept.surfaces[0])) {
        var firsts = Object.keys(concept.tokens), seconds = Object.keys(next.tokens);
        if (firsts.some(seg.isHan)) return null;
        firsts.forEach(function (a) { seconds.forEach(function (b) { add(bucketOf(a + " " + b, pairs)); }); });
        return { kind: "w", numbers: found };
      }
      if (concept.surfaces.concat(next.surfaces).some(function (surface) { return !surface; })) return null;
      concept.surfaces.forEach(function (a) {
        next.surfaces.forEach(function (b) { add(bucketOf(a.charAt(a.length - 1) + b.charAt(0), junctions)); });
      });
      return { kind: "j", numbers: found };
    });
  };

  /* The sections (junctions) or passages (pairs) of a bucket, its shard loaded. */
  ShardedIndex.prototype.bucketItems = function (kind, number) {
    var file = this.bucketFile(kind, number);
    var key = this.key(kind, file);
    if (typeof received[key] === "string") received[key] = received[key].split(",");
    var first = kind === "j" ? this.junctionFirst[file] : file * this.dictionary.pairsPerFile;
    return sums(decode(received[key][number - first]));
  };

  ShardedIndex.prototype.bucketFile = function (kind, number) {
    return kind === "j" ? fileOf(this.junctionFirst, number) : Math.floor(number / this.dictionary.pairsPerFile);
  };

  ShardedIndex.prototype.section = function (number) {
    var known = this.sections[number];
    if (known) return known;
    var fragment = this.fragmentOf(number);
    var record = received[this.key("f", fragment)][number - this.fragmentFirst[fragment]];
    var doc = { location: record.l, title: record.t, text: record.x };
    if (record.g) doc.tags = record.g;
    var section = rank.section(doc, record.t, record.x, this.boosts[number], "p" in record ? record.p : null);
    section.passages = record.s || rank.passagesOf(record.x, this.ranking.passage_sentences)
      .map(function (p) { return seg.clean(seg.stripTags(p)); });
    return (this.sections[number] = section);
  };

  ShardedIndex.prototype.passage = function (number) {
    var known = this.passageCache[number];
    if (known) return known;
    var section = this.sectionOf[number];
    var plain = this.section(section).passages[number - this.firstPassage[section]];
    return (this.passageCache[number] = { plain: plain });
  };

  /* Sections ranked for the concepts of a query, as rank.js `Index.score` ranks them:
     done([{section, row, score, passage}]), best first; failed() if a file cannot be loaded. */
  ShardedIndex.prototype.rank = function (concepts, done, failed) {
    var self = this;
    var shards = [];
    this.failed = failed || function () {};
    concepts.forEach(function (concept) {
      Object.keys(concept.tokens).forEach(function (token) {
        var shard = self.where[token][0];
        if (shards.indexOf(shard) === -1) shards.push(shard);
      });
    });
    var buckets = this.pairBuckets(concepts), files = { j: [], w: [] };
    buckets.forEach(function (pair) {
      if (!pair) return;
      pair.numbers.forEach(function (number) {
        var file = self.bucketFile(pair.kind, number);
        if (files[pair.kind].indexOf(file) === -1) files[pair.kind].push(file);
      });
    });
    this.need("p", shards, function () {
      self.need("j", files.j, function () {
        self.need("w", files.w, function () {
          self.ranked(concepts, buckets, done);
        });
      });
    });
  };

  ShardedIndex.prototype.ranked = function (concepts, buckets, done) {
    var self = this;
    var candidates = this.candidates(concepts, buckets.map(function (pair) {
      if (!pair) return pair;
      var items = new Set();
      pair.numbers.forEach(function (number) { self.bucketItems(pair.kind, number).forEach(function (n) { items.add(n); }); });
      return { kind: pair.kind, items: items };
    }));
    this.select(concepts, candidates, function (best) {
      var sections = best.map(function (b) { return self.sectionOf[b.passage]; });
      self.need("f", unique(sections.map(self.fragmentOf, self)), function () {
        done(best.map(function (b, i) {
          return { section: self.section(sections[i]), row: b.row, score: b.score, passage: self.passage(b.passage) };
        }));
      });
    });
  };

  /* Every passage that holds a reached token: its concepts' scores and the bound of its score
     (with every words-together bonus it can earn: `pairs` of them; exact when none).
     `together`: per pair of neighbouring query words, the sections (kind j) or passages (w)
     that can earn its bonus, or null when any can. */
  ShardedIndex.prototype.candidates = function (concepts, together) {
    var self = this, ranking = this.ranking;
    var rows = new Map();
    concepts.forEach(function (concept, c) {
      Object.keys(concept.tokens).forEach(function (token) {
        var postings = self.postingsOf(token), count = postings.length / 2;
        var idf = Math.log(1 + (self.total - count + 0.5) / (count + 0.5));
        for (var i = 0; i < postings.length; i += 2) {
          var passage = postings[i];
          var score = concept.tokens[token] * idf * rank.bm25(postings[i + 1], self.lengths[passage], self.averageLength, ranking);
          var row = rows.get(passage);
          if (!row) rows.set(passage, row = new Array(concepts.length).fill(0));
          if (score > row[c]) row[c] = score;
        }
      });
    });
    var english = concepts.map(function (concept) { return !seg.isHan(concept.surfaces[0]); });
    var candidates = [];
    rows.forEach(function (row, passage) {
      // the largest bonus rank.together can give this passage: the same additions, one for
      // each pair of neighbouring query words that it can find side by side: Chinese forms
      // are compared as text, so the passage's section holds their junction; English words
      // as terms, so the passage holds both, and their pair unless a term is Chinese
      var most = 0, pairs = 0;
      for (var i = 0; i + 1 < row.length; i++) {
        var pair = together[i];
        var possible = english[i] ? row[i] > 0 && row[i + 1] > 0 && (!pair || pair.items.has(passage))
          : !pair || pair.items.has(self.sectionOf[passage]);
        if (possible) {
          most += ranking.together_bonus;
          pairs += 1;
        }
      }
      var boost = self.boosts[self.sectionOf[passage]];
      var context = rank.contextMatches(row, concepts, self.contextOf[self.sectionOf[passage]] || null, ranking);
      candidates.push({ passage: passage, row: row, pairs: pairs, context: context,
        bound: boost * rank.passageScore(row, most, ranking, context) });
    });
    return candidates.sort(function (a, b) { return b.bound - a.bound || a.passage - b.passage; });
  };

  /* The best `max_sections` sections and their best passages, exactly: candidates are scored
     in the order of their bounds, loading fragments for the bonus, until no bound can reach
     the last section shown. */
  ShardedIndex.prototype.select = function (concepts, candidates, done) {
    var self = this, ranking = this.ranking, limit = ranking.max_sections;
    var bySection = new Map(), scored = new Uint8Array(candidates.length), start = 0;

    function score(candidate) {
      var bonus = candidate.pairs ? rank.together(concepts, self.passage(candidate.passage), ranking) : 0;
      var section = self.sectionOf[candidate.passage];
      var value = self.boosts[section] * rank.passageScore(candidate.row, bonus, ranking, candidate.context);
      var best = bySection.get(section);
      if (!best || value > best.score || (value === best.score && candidate.passage < best.passage)) {
        bySection.set(section, { passage: candidate.passage, row: candidate.row, score: value, section: section });
      }
    }

    function ranked() {
      return Array.from(bySection.values()).sort(function (a, b) { return b.score - a.score || a.section - b.section; });
    }

    function round() {
      var shown = ranked(), wanted = [];
      var threshold = shown.length < limit ? -Infinity : shown[limit - 1].score;
      for (var i = start; i < candidates.length; i++) {
        if (scored[i]) continue;
        if (candidates[i].bound < threshold) break;
        var fragment = candidates[i].pairs ? self.fragmentOf(self.sectionOf[candidates[i].passage]) : -1;
        if (fragment === -1 || self.key("f", fragment) in received) {
          score(candidates[i]);
          scored[i] = 1;
        } else if (wanted.indexOf(fragment) === -1) {
          if (wanted.length === FRAGMENTS_AT_ONCE) break;
          wanted.push(fragment);
        }
      }
      while (start < candidates.length && scored[start]) start++;
      if (!wanted.length) return done(ranked().slice(0, limit));
      self.need("f", wanted, round);
    }
    round();
  };

  function unique(list) {
    return list.filter(function (item, i) { return list.indexOf(item) === i; });
  }

  var api = { ShardedIndex: ShardedIndex, decode: decode, bucketOf: bucketOf };
  HS.shards = api;
  if (typeof module !== "undefined" && module.exports) module.exports = api;
})(typeof self !== "undefined" ? self : globalThis);
