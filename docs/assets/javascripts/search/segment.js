/*
 * Search stage 1, segment: a reader's query and the index's text become words.
 * - Queries are normalised (NFKC: full-width ｃａｄｒｅ and １２ become cadre and 12) and cut
 *   to the settings' maximum length, so that pasted pages cannot freeze the tab.
 * - Chinese runs typed without spaces are split into the fewest known words.
 * - English words keep their surface form (the lexicon is looked up with it) and are
 *   compared stemmed.
 */
(function (scope) {
  "use strict";

  var HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
  var HAN_RUN = /([\u3400-\u9fff\uf900-\ufaff]+)/;
  var NOT_WORD = /[^\w\u3400-\u9fff\uf900-\ufaff]+/;
  var POSSESSIVE = /(\w)['\u2019]s\b/g;
  var LATIN = /^[A-Za-z0-9]$/;  // a letter or digit of a Latin word

  function isHan(value) {
    return HAN.test(value);
  }

  /* The query as searched: normalised, and cut to `maxChars` characters and `maxWords`
     words; `cut` says whether anything was left out (the search box shows a note). */
  function prepare(query, limits) {
    var text = String(query || "");
    if (text.normalize) text = text.normalize("NFKC");
    var cut = false;
    var chars = Array.from(text);
    if (chars.length > limits.maxChars) {
      var kept = chars.slice(0, limits.maxChars), end = kept.length;
      // not inside a Latin word: "impr" of improve is no word the reader typed
      if (LATIN.test(chars[end])) while (end > 0 && LATIN.test(kept[end - 1])) end -= 1;
      text = kept.slice(0, end || kept.length).join("");
      cut = true;
    }
    return { text: text, cut: cut };
  }

  /* The pieces of a query: Chinese runs and Latin words (lower case, not stemmed). A
     possessive loses its 's: "the cadre's unit" is cadre + unit, not cadre + s + unit (an "s"
     would match every passage with a possessive). */
  function pieces(text) {
    var result = [];
    text.replace(POSSESSIVE, "$1").split(NOT_WORD).forEach(function (part) {
      if (!part) return;
      part.split(HAN_RUN).forEach(function (piece) {
        if (piece) result.push(isHan(piece) ? piece : piece.toLowerCase());
      });
    });
    return result;
  }

  /* Index text arrives segmented by jieba (U+200B between words); Latin words are stemmed. */
  function tokenize(value) {
    var tokens = [];
    stripTags(value).split(/[\s\u200b]+/).forEach(function (chunk) {
      chunk.split(NOT_WORD).forEach(function (token) {
        if (!token) return;
        tokens.push(isHan(token) ? token : term(token));
      });
    });
    return tokens;
  }

  /* Fewest pieces, known words preferred (`isKnown(piece)`); unknown single characters are
     allowed at a cost, unknown longer pieces are not. */
  function segmentRun(run, isKnown, costs) {
    var n = run.length, best = [0], cut = [0];
    for (var end = 1; end <= n; end++) {
      best[end] = Infinity;
      for (var start = Math.max(0, end - costs.longestWord); start < end; start++) {
        var piece = run.slice(start, end);
        var cost = isKnown(piece) ? (piece.length === 1 ? costs.knownChar : 1)
          : (piece.length === 1 ? costs.unknownChar : Infinity);
        if (best[start] + cost < best[end]) {
          best[end] = best[start] + cost;
          cut[end] = start;
        }
      }
    }
    var result = [];
    for (var at = n; at > 0; at = cut[at]) result.unshift(run.slice(cut[at], at));
    return result;
  }

  /* An English word as the index holds it: lower case, British spelling, stemmed. */
  function term(word) {
    return stem(spelling(word.toLowerCase()));
  }

  /* The translations spell the British way: a reader's publicize, organization or analyze
     meets publicise, organisation, analyse. */
  function spelling(word) {
    return word.replace(/([a-z]{3,})iz(e|es|ed|ing|ation|ations|er|ers)$/, "$1is$2")
      .replace(/([a-z]{2,})yz(e|es|ed|ing)$/, "$1ys$2");
  }

  /* English words are stemmed with Snowball where the worker has it (the English site), else
     with a light stemmer for plurals and common endings. The same function stems the index
     and the query, so that both meet. */
  function stem(word) {
    if (/\d/.test(word)) return word;
    var snowball = scope.HandbookSearch && scope.HandbookSearch.snowball;
    if (snowball) return snowball.stem(word);
    if (word.length <= 3) return word;
    return word
      .replace(/'s$/, "")
      .replace(/ies$/, "y")
      .replace(/(ss|us)$/, "$1")
      .replace(/([^s])s$/, "$1")
      .replace(/(.{3,})(ing|ed)$/, "$1");
  }

  function stripTags(value) {
    return value.replace(/<[^>]*>/g, " ");
  }

  /* A paragraph or list item that opens on a colon (its citation is kept out of search) starts
     on its words instead, so that its excerpt does not begin with a bare "：". */
  function tidy(value) {
    return value.replace(/(<(?:p|li)>) *[：:] */g, "$1");
  }

  function clean(value) {
    return value.replace(/\u200b/g, "");
  }

  var api = {
    isHan: isHan, prepare: prepare, pieces: pieces, tokenize: tokenize, segmentRun: segmentRun,
    stem: stem, spelling: spelling, term: term, stripTags: stripTags, clean: clean, tidy: tidy
  };
  (scope.HandbookSearch = scope.HandbookSearch || {}).segment = api;
  if (typeof module !== "undefined" && module.exports) module.exports = api;
})(typeof self !== "undefined" ? self : globalThis);
