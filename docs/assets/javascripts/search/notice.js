/*
 * Under Material's search box, a note when the query is longer than the engine searches
 * (the worker cuts it at ranking.limits.max_chars). Settings come from the script element's
 * data attributes (overrides/main.html); the note is text, never HTML.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var input = document.querySelector(".md-search__input");
  var meta = document.querySelector(".md-search-result__meta");
  var max = script ? Number(script.getAttribute("data-max-chars")) : 0;
  if (!input || !meta || !max) return;
  var note = document.createElement("p");
  note.className = "hb-search-note md-search-result__meta";
  note.setAttribute("role", "status");
  note.textContent = (script.getAttribute("data-note") || "").replace("{max}", String(max));
  note.hidden = true;
  meta.parentNode.insertBefore(note, meta.nextSibling);
  function update() {
    var value = input.value.normalize ? input.value.normalize("NFKC") : input.value;
    note.hidden = Array.from(value).length <= max;
  }
  input.addEventListener("input", update);
  input.addEventListener("keyup", update);
})();
