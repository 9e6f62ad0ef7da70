/*
 * Search stage 4, present: ranked sections become Material's result shape, one list per
 * page, with the words found highlighted and no segmentation marks (U+200B).
 * - An entry of a list page (a duty, a glossary term) stands alone, titled "page · entry".
 * - Otherwise Material shows a page's heading first: when a section answers better than the
 *   page's top, that heading links to the page's best section, followed by the sections
 *   that score as high.
 * - Highlighting is bounded: at most `max_marks` marks per result, so that long input never
 *   floods the list.
 */
(function (scope) {
  "use strict";

  var HS = scope.HandbookSearch = scope.HandbookSearch || {};
  var seg = HS.segment || require("./segment.js");

  function Presenter(settings) {
    this.settings = settings;
    this.ranking = settings.ranking;
  }

  Presenter.prototype.group = function (results, concepts) {
    var self = this;
    var groups = [], byKey = Object.create(null), titles = [];
    results.forEach(function (result) {
      var location = result.section.doc.location;
      var key = self.standsAlone(location) ? location : location.split("#")[0];
      if (!byKey[key]) {
        groups.push(byKey[key] = []);
        titles.push(result.section.pageTitle);
      }
      byKey[key].push(self.item(result.section, result.score, result.row, concepts, result.passage));
    });
    return groups.map(function (group, i) { return self.arrange(group, concepts, titles[i]); });
  };

  /* Material renders the item without "#" as the page's heading, then the items that score
     at least as high as the list's first item, and folds the rest. */
  Presenter.prototype.arrange = function (group, concepts, pageTitle) {
    var self = this;
    if (this.standsAlone(group[0].location)) return group;
    var page = group[0].location.split("#")[0];
    var article = group.filter(function (item) { return item.location === page; })[0];
    if (article === group[0]) return group;
    var sections = group.filter(function (item) { return item !== article; });
    if (!article) {
      // the page's own heading, not among the results (an item of it would carry no marks)
      if (pageTitle === null || pageTitle === undefined) return group;
      article = { title: pageTitle };
    }
    // the page's heading leads to its best section, and highlights there what was found
    var best = sections[0];
    // (without an item free of "#", Material takes the list's last item as the heading)
    var heading = { location: best.location, title: article.title, text: "", score: best.score, terms: {} };
    sections.forEach(function (item) {
      Object.keys(item.terms).forEach(function (term) { heading.terms[term] = heading.terms[term] || item.terms[term]; });
    });
    // a section nearly as good as the page's best is shown too, not folded away, up to
    // `page_sections` of them, so that one page does not fill the first results
    var shown = 0;
    sections.forEach(function (item) {
      if (shown < self.ranking.page_sections && item.score >= self.ranking.close_section * best.score) {
        item.score = Math.max(item.score, best.score);
        shown += 1;
      }
    });
    return sections.concat([heading]);
  };

  Presenter.prototype.standsAlone = function (location) {
    return location.indexOf("#") !== -1 && (this.settings.entryPages || []).some(function (prefix) {
      return location.indexOf(prefix) === 0;
    });
  };

  /* `passage`: the section's best passage ({plain}), whose sentences the result shows when the
     section is longer (a whole page's opening, a long paragraph). */
  Presenter.prototype.item = function (section, score, row, concepts, passage) {
    var terms = {}, marks = [];
    var plain = section.plain;
    var guess = this.ranking.weights.derived;
    concepts.forEach(function (concept, c) {
      // a word found only by its characters (公司进驻: 公, 司, 进, 驻) is not in the section:
      // the list says it is missing, and marks no lone character
      var found = row[c] > 0 && !concept.byCharacters;
      terms[concept.word] = found;
      if (found) {
        var held = [];
        concept.surfaces.forEach(function (surface, s) {
          // an English word counts where a word of its stem stands (cadres finds the cadre)
          var forms = english(surface) ? stemForms(plain, surface) : [];
          if (plain.toLowerCase().indexOf(surface.toLowerCase()) === -1 && !forms.length) return;
          held.push({ surface: surface, forms: forms, strength: strengthOf(concept, s) });
        });
        // only the strongest way the section holds the word is marked: the reader's word or
        // another name of it, not also the guesses that would have led here without them
        var strongest = Math.max.apply(null, held.map(function (f) { return f.strength; }));
        held.forEach(function (f) {
          if (f.strength < strongest) return;
          marks.push(f.surface);
          // the other names found are highlighted on the page the reader opens, too, and the
          // text's own forms of an English word (?h= has no stemmer: cadre for cadres); a
          // derived guess only in the list, where it says why the section came up (on the
          // page, "last" marked all over for "live" is noise); nor a lone Chinese character
          // the lexicon leads to (区 for 区里), which the page would mark in every 区委
          if (f.strength <= guess) return;
          if (f.surface !== concept.word && Array.from(f.surface).length === 1 && seg.isHan(f.surface)) return;
          terms[f.surface] = true;
          f.forms.forEach(function (form) { terms[form] = true; });
        });
      }
    });
    var title = section.title;
    if (this.standsAlone(section.doc.location) && section.pageTitle) title = section.pageTitle + " · " + title;
    var limit = this.ranking.limits.max_marks;
    var item = {
      location: section.doc.location,
      title: highlight(title, marks, limit),
      text: highlight(this.standsAlone(section.doc.location) ? section.text : excerpt(section, passage), marks, limit),
      score: score,
      terms: terms
    };
    if (section.doc.tags) item.tags = section.doc.tags;
    return item;
  };

  /* What a result shows of its section: the whole section when it is short or about as long as
     its best passage (an entry that stands alone, a duty or a term, is always whole); else that
     passage, its sentences only, with … where the section's text goes on (a page's opening
     filled a phone's screen for one result). Text with its tags taken out: a window of
     sentences may cut a tag, whose ends go, and no < or > is left. */
  function excerpt(section, passage) {
    if (!passage || !passage.plain) return section.text;
    // a tag taken out leaves a space where Chinese has none (具体的事 。)
    var words = function (value) { return seg.clean(value).replace(/\s+/g, " ").trim().replace(CJK_SPACE, "$1"); };
    var whole = words(seg.stripTags(section.text));
    // a window may open on the closing mark of the sentence before it (” “三是…)
    var part = words(seg.stripTags(passage.plain).replace(/<[^>]*$/, "").replace(/^[^<>]*>/, "").replace(/[<>]/g, " "))
      .replace(/^[”’」』）)，。；：、！？\s]+/, "");
    if (!part || whole.length <= EXCERPT_SHORT || part.length >= EXCERPT_SHARE * whole.length) return section.text;
    var at = whole.indexOf(part);
    return "<p>" + (at > 0 ? "… " : "") + part + (at === -1 || at + part.length < whole.length ? " …" : "") + "</p>";
  }

  // a space between two Chinese characters or marks (full-width punctuation, quotes)
  var CJK_SPACE = /([\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’])\s+(?=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’])/g;
  var EXCERPT_SHARE = 0.8;  // a passage this much of its section stands for all of it
  var EXCERPT_SHORT = 200;  // characters: a section this short is shown whole

  /* How strongly a concept's surface stands for the reader's word (expand.js `strengths`;
     a concept made without them counts every surface alike). */
  function strengthOf(concept, s) {
    return concept.strengths ? concept.strengths[s] : 1;
  }

  /* Mark the words in the text parts of an HTML string, longest first, at most `limit`
     marks; an English word only where a word of the same stem stands (unit in units, cadre
     for cadres, not part in department or Party). */
  function highlight(html, words, limit) {
    var list = words.filter(Boolean).filter(function (w, i, all) { return all.indexOf(w) === i; })
      .sort(function (a, b) { return b.length - a.length; });
    if (!list.length) return html;
    var stems = Object.create(null);
    list.forEach(function (w) { if (english(w)) stems[seg.term(w)] = true; });
    var pattern = new RegExp("(" + list.map(function (w) {
      return english(w) ? "\\b" + escapeRegExp(stemPrefix(w)) + "\\w*" : (/^\w/.test(w) ? "\\b" : "") + escapeRegExp(w);
    }).join("|") + ")", "gi");
    var left = limit;
    return html.split(/(<[^>]*>)/).map(function (part) {
      if (part.charAt(0) === "<") return part;
      return part.replace(pattern, function (match) {
        if (left <= 0) return match;
        if (english(match) && !stems[seg.term(match)] && !list.some(function (w) {
          return w.toLowerCase() === match.toLowerCase();
        })) return match;
        left -= 1;
        return "<mark data-md-highlight>" + match + "</mark>";
      });
    }).join("");
  }

  function english(word) {
    return /^\w+$/.test(word) && !seg.isHan(word);
  }

  /* What every word of a word's stem starts with: the stem where it is the word's start
     (cadr of cadres, for cadre), else their common start (part of party, stemmed parti). */
  function stemPrefix(word) {
    var lower = word.toLowerCase(), stem = seg.term(word), n = 0;
    while (n < lower.length && n < stem.length && lower.charAt(n) === stem.charAt(n)) n += 1;
    return lower.slice(0, Math.max(n, 1));
  }

  /* The words of a text with the same stem as an English word, lower case, each once. */
  function stemForms(text, word) {
    var stem = seg.term(word), forms = [], match;
    var pattern = new RegExp("\\b" + escapeRegExp(stemPrefix(word)) + "\\w*", "gi");
    while ((match = pattern.exec(text))) {
      var form = match[0].toLowerCase();
      if (seg.term(form) === stem && forms.indexOf(form) === -1) forms.push(form);
    }
    return forms;
  }

  function escapeRegExp(value) {
    return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  var api = { Presenter: Presenter, highlight: highlight };
  HS.present = api;
  if (typeof module !== "undefined" && module.exports) module.exports = api;
})(typeof self !== "undefined" ? self : globalThis);
