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
