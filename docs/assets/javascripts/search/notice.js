/*
 * Notes under Material's search box. Settings and words come from the script element's data
 * attributes (overrides/main.html); a note is text, never HTML.
 * - When the query is longer than the engine searches (the worker cuts it at
 *   ranking.limits.max_chars).
 * - When nothing is found and the query is in the other edition's script (Chinese typed on the
 *   English site, English on the Chinese one): a link to search the other edition, the same
 *   page in the other language (the language switch's link) opened with ?q=.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var input = document.querySelector(".md-search__input");
  var meta = document.querySelector(".md-search-result__meta");
  var search = document.querySelector("[data-md-component=search]");
  var max = script ? Number(script.getAttribute("data-max-chars")) : 0;
  if (!input || !meta || !max) return;

  function addNote(kind) {
    var note = document.createElement("p");
    note.className = "hb-search-note hb-search-note--" + kind + " md-search-result__meta";
    note.setAttribute("role", "status");
    note.hidden = true;
    meta.parentNode.insertBefore(note, meta.nextSibling);
    return note;
  }

  var cut = addNote("cut");
  cut.textContent = (script.getAttribute("data-note") || "").replace("{max}", String(max));
  function update() {
    var value = input.value.normalize ? input.value.normalize("NFKC") : input.value;
    cut.hidden = Array.from(value).length <= max;
  }
  input.addEventListener("input", update);
  input.addEventListener("keyup", update);

  var HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
  var words = script.getAttribute("data-other-edition") || "";
  var here = document.documentElement.lang;
  var elsewhere = addNote("elsewhere");
  var link = elsewhere.appendChild(document.createElement("a"));

  /* The language switch's link to the edition whose script the query is in, if not this one. */
  function otherEdition(query) {
    var lang = HAN.test(query) ? "zh" : /[A-Za-z]/.test(query) ? "en" : null;
    if (!lang || lang === here) return null;
    return document.querySelector(".md-select__link[hreflang=" + lang + "]");
  }

  if (search && words) search.addEventListener("hb-search-results", function (event) {
    var query = event.detail.query.trim();
    var other = event.detail.count === 0 && query ? otherEdition(query) : null;
    elsewhere.hidden = !other;
    if (!other) return;
    var url = new URL(other.getAttribute("href"), location.href);
    url.hash = "";
    url.searchParams.set("q", query);
    link.href = String(url);
    link.textContent = words.replace("{query}", query);
  });
})();
