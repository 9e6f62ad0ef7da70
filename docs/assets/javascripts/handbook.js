/* Handbook behaviour that works online and from file://, with no outside requests. */
(function () {
  "use strict";

  function paragraphUrl(pid) {
    return location.href.split("#")[0] + "#" + pid;
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return copyWithSelection(text); });
    }
    return Promise.resolve(copyWithSelection(text));
  }

  // Fallback where the Clipboard API is unavailable (some file:// and older browsers).
  function copyWithSelection(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); } finally { document.body.removeChild(area); }
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".hb-cite");
    if (!button) return;
    var separator = document.documentElement.lang === "zh" ? "，" : ", ";
    var citation = button.getAttribute("data-cite") + separator + paragraphUrl(button.getAttribute("data-pid"));
    copyText(citation).then(function () {
      button.setAttribute("data-copied", "");
      button.setAttribute("data-citation", citation);
      setTimeout(function () { button.removeAttribute("data-copied"); }, 2000);
    });
  });
})();

/* Duty index filter: by party, theme, document and words, on the entries of the page. */
(function () {
  "use strict";

  function setUp(form) {
    var article = form.closest("article") || document;
    var entries = Array.prototype.slice.call(article.querySelectorAll(".hb-duty"));
    var headings = Array.prototype.slice.call(article.querySelectorAll("h2")).filter(function (h) {
      return h.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_PRECEDING;
    });
    var count = form.querySelector(".hb-filter__count");

    function value(name) {
      var field = form.elements[name];
      return field ? field.value.trim().toLowerCase() : "";
    }

    function apply() {
      var party = value("party"), theme = value("theme"), source = value("source");
      var words = value("text").split(/\s+/).filter(Boolean);
      var shown = 0;
      entries.forEach(function (entry) {
        var text = entry.textContent.toLowerCase();
        var match = (!party || entry.dataset.party === party) &&
          (!theme || entry.dataset.theme === theme) &&
          (!source || entry.dataset.source === source) &&
          words.every(function (word) { return text.indexOf(word) !== -1; });
        entry.hidden = !match;
        if (match) shown += 1;
      });
      headings.forEach(function (heading) {
        var next = heading.nextElementSibling, visible = false;
        while (next && next.tagName !== "H2") {
          if (next.classList.contains("hb-duty") && !next.hidden) { visible = true; break; }
          next = next.nextElementSibling;
        }
        heading.hidden = !visible;
      });
      count.textContent = count.dataset.template
        .replace("{shown}", shown).replace("{total}", count.dataset.total);
    }

    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.hidden = false;
    apply();
  }

  function init() {
    document.querySelectorAll("form[data-hb-filter]").forEach(setUp);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();

/* How old this copy is: "built on 2026-11-27 (3 days ago)", so that a reader of an old copy
   knows to look for a newer one. */
(function () {
  "use strict";
  function init() {
    document.querySelectorAll(".hb-build[data-build-date]").forEach(function (element) {
      var built = Date.parse(element.getAttribute("data-build-date") + "T00:00:00Z");
      if (isNaN(built)) return;
      var days = Math.max(0, Math.floor((Date.now() - built) / 86400000));
      var zh = document.documentElement.lang === "zh";
      var age = days === 0 ? (zh ? "今天" : "today") : zh ? days + " 天前" : days + (days === 1 ? " day ago" : " days ago");
      element.querySelector(".hb-build__age").textContent = zh ? "（" + age + "）" : " (" + age + ")";
      element.setAttribute("data-age-days", String(days));
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
