/* The handbook's tooltips: the text of an element's data-hb-tip (a glossary term's definition,
   a duty's summary, a cited paragraph's opening words), shown on hover, focus or tap. The text
   is set with textContent, so nothing in it can become markup. The same tip shows the title of
   an element of the content or header (content.tooltips, where Material's bundle made a
   tooltip of it): the title is emptied while the tip shows, so the browser's own does not show
   too. */
(function () {
  "use strict";
  var tip = null, owner = null;
  var TITLED = ".md-content [title], .md-header [title], .md-sidebar [title]";

  function show(element) {
    if (owner === element) return;
    hide();
    tip = tip || document.createElement("div");
    tip.className = "hb-tip";
    tip.id = "hb-tip";
    tip.setAttribute("role", "tooltip");
    if (!element.hasAttribute("data-hb-tip")) {
      // an empty title: the browser shows none of its own meanwhile
      element.setAttribute("data-hb-title", element.getAttribute("title") || element.getAttribute("data-hb-title"));
      element.setAttribute("title", "");
    }
    tip.textContent = element.getAttribute("data-hb-tip") || element.getAttribute("data-hb-title");
    document.body.appendChild(tip);
    var box = element.getBoundingClientRect();
    var width = Math.min(320, document.documentElement.clientWidth - 16);
    tip.style.maxWidth = width + "px";
    tip.style.left = "0px";
    // as wide as its text: a short one stays under its element, near the right edge too
    width = Math.min(width, tip.offsetWidth);
    var left = Math.max(8, Math.min(box.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - width - 8));
    tip.style.left = left + "px";
    tip.style.top = (box.bottom + window.scrollY + 6) + "px";
    element.setAttribute("aria-describedby", "hb-tip");
    owner = element;
  }

  function hide() {
    if (owner) {
      owner.removeAttribute("aria-describedby");
      if (owner.hasAttribute("data-hb-title")) {
        owner.setAttribute("title", owner.getAttribute("data-hb-title"));
        owner.removeAttribute("data-hb-title");
      }
    }
    if (tip && tip.parentNode) tip.parentNode.removeChild(tip);
    owner = null;
  }

  function target(event) {
    if (!event.target || !event.target.closest) return null;
    var element = event.target.closest("[data-hb-tip], [data-hb-title], " + TITLED);
    return element && (element.getAttribute("data-hb-tip") || element.getAttribute("title") ||
      element.getAttribute("data-hb-title")) ? element : null;
  }

  document.addEventListener("mouseover", function (event) { var t = target(event); if (t) show(t); });
  document.addEventListener("mouseout", function (event) {
    var t = target(event);
    if (t && !(event.relatedTarget && t.contains(event.relatedTarget))) hide();
  });
  document.addEventListener("focusin", function (event) { var t = target(event); if (t) show(t); else hide(); });
  document.addEventListener("focusout", function (event) { if (target(event)) hide(); });
  document.addEventListener("keydown", function (event) { if (event.key === "Escape") hide(); });
  window.addEventListener("scroll", hide, { passive: true });
})();
