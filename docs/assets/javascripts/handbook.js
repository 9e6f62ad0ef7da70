/* Handbook behaviour that works online and from file://, with no outside requests. */
(function () {
  "use strict";

  function paragraphUrl(pid) {
    return location.href.split("#")[0] + "#" + pid;
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".hb-cite");
    if (!button) return;
    // data/ui's source.citation, its {url} (the last one: a title may hold the same letters) left to fill here
    var template = button.getAttribute("data-cite"), at = template.lastIndexOf("{url}");
    var url = paragraphUrl(button.getAttribute("data-pid"));
    var citation = at < 0 ? template + " " + url : template.slice(0, at) + url + template.slice(at + "{url}".length);
    // client.js (loaded first on every page) copies as its code buttons do
    window.HandbookClient.copyText(citation).then(function () {
      button.setAttribute("data-copied", "");
      button.setAttribute("data-citation", citation);
      setTimeout(function () { button.removeAttribute("data-copied"); }, 2000);
    });
  });
})();

/* Duty index filter: by party, force, theme, document and words, on the entries of the page.
   On the duty index (form[data-hb-entries]) the entries are not in the page: the first time the
   reader uses the filter, the script named there is loaded (a script, so it works from file://)
   and its entries are rendered as text, grouped by party, each linking to its party page. */
(function () {
  "use strict";

  function optionLabels(form, name) {
    var labels = {};
    var select = form.elements[name];
    if (select) Array.prototype.forEach.call(select.options, function (option) { labels[option.value] = option.text; });
    return labels;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // The loaded entries as compact entries under one heading per party: [id, party, theme, force, source, summary, quote].
  function render(form, results, data) {
    var pages = JSON.parse(form.getAttribute("data-hb-pages"));
    var parties = optionLabels(form, "party"), forces = optionLabels(form, "force");
    var groups = {};
    data.entries.forEach(function (entry) { (groups[entry[1]] = groups[entry[1]] || []).push(entry); });
    Object.keys(parties).forEach(function (party) {
      if (!party || !groups[party]) return;
      var section = element("section", "hb-duty-group");
      section.appendChild(element("h3", null, parties[party]));
      groups[party].forEach(function (entry) {
        var duty = element("div", "hb-duty hb-duty--compact");
        ["party", "theme", "force", "source"].forEach(function (name, index) { duty.dataset[name] = entry[index + 1]; });
        var summary = element("p", "hb-duty__summary");
        var link = element("a", null, entry[5]);
        link.href = pages[party] + "#" + entry[0];
        var badge = element("span", "hb-badge hb-badge--force", forces[entry[3]] || entry[3]);
        badge.dataset.force = entry[3];
        summary.appendChild(link);
        summary.appendChild(document.createTextNode(" "));
        summary.appendChild(badge);
        var quote = element("blockquote", "hb-duty__quote", entry[6]);
        quote.lang = "zh";
        duty.appendChild(summary);
        duty.appendChild(quote);
        section.appendChild(duty);
      });
      results.appendChild(section);
    });
  }

  function setUp(form) {
    var article = form.closest("article") || document;
    var source = form.getAttribute("data-hb-entries");
    var results = source ? article.querySelector("[data-hb-results]") : null;
    var entries = source ? [] : Array.prototype.slice.call(article.querySelectorAll(".hb-duty"));
    var headings = source ? [] : Array.prototype.slice.call(article.querySelectorAll("h2")).filter(function (h) {
      return h.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_PRECEDING;
    });
    var count = form.querySelector(".hb-filter__count");
    var state = source ? "idle" : "ready";

    function value(name) {
      var field = form.elements[name];
      return field ? field.value.trim().toLowerCase() : "";
    }

    function load() {
      if (state !== "idle") return;
      state = "loading";
      var script = document.createElement("script");
      script.src = source;
      script.onload = function () {
        render(form, results, window.hbDuties);
        entries = Array.prototype.slice.call(results.querySelectorAll(".hb-duty"));
        state = "ready";
        form.setAttribute("data-hb-ready", "");
        var button = form.querySelector("[data-hb-show-all]");
        if (button) button.remove();
        apply();
      };
      script.onerror = function () {
        state = "idle";
        count.textContent = form.getAttribute("data-hb-failed");
      };
      document.head.appendChild(script);
    }

    function apply() {
      if (state !== "ready") { load(); return; }
      // Each select is a facet named after the entries' data attribute (party, force, theme, source).
      var facets = Array.prototype.map.call(form.querySelectorAll("select"), function (select) {
        return [select.name, value(select.name)];
      });
      var words = value("text").split(/\s+/).filter(Boolean);
      var shown = 0;
      entries.forEach(function (entry) {
        var text = entry.textContent.toLowerCase();
        var match = facets.every(function (facet) { return !facet[1] || entry.dataset[facet[0]] === facet[1]; }) &&
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
      if (results) {
        results.querySelectorAll(".hb-duty-group").forEach(function (group) {
          group.hidden = !group.querySelector(".hb-duty:not([hidden])");
        });
      }
      count.textContent = count.dataset.template
        .replace("{shown}", shown).replace("{total}", count.dataset.total);
    }

    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    var button = form.querySelector("[data-hb-show-all]");
    if (button) button.addEventListener("click", load);
    form.hidden = false;
    if (state === "ready") apply();
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
      // the words are data/ui's footer.age_*, in the page's language
      var age = element.querySelector(".hb-build__age");
      var words = age.getAttribute(days === 0 ? "data-today" : days === 1 ? "data-one-day" : "data-days") || "";
      age.textContent = words.replace("{days}", String(days));
      element.setAttribute("data-age-days", String(days));
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();

/* Checklists: the ticks of each page are kept in this browser's localStorage (also for pages
   opened from file://), under the page's key, so a translation shares them. Reset clears the
   page; export writes every page's ticks to a file, import reads such a file back.
   Ticks are never lost silently: the page works on its own copy in memory, and when the browser
   refuses to save it (storage full, blocked or unreadable) the bar says so and export still
   writes what the reader ticked. Stored and imported data are only read into objects without a
   prototype, and only as {page key: {item id: true}}. */
(function () {
  "use strict";
  var STORE = "hb-checklists";
  var FORMAT = "hb-checklists";
  var KEY = /^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9_-]*)*$/;  // a page key or an item id


  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function emptyState() { return Object.create(null); }

  // The stored state, cleaned: {page: {id: true}} with null prototypes; `damaged` when the store
  // held something else (not JSON, not that shape).
  function readStore() {
    var raw, state = emptyState(), damaged = false;
    try { raw = window.localStorage.getItem(STORE); } catch (error) { return { state: state, damaged: false, unavailable: true }; }
    if (raw === null) return { state: state, damaged: false };
    var parsed;
    try { parsed = JSON.parse(raw); } catch (error) { return { state: state, damaged: true }; }
    if (!isObject(parsed)) return { state: state, damaged: true };
    Object.keys(parsed).forEach(function (page) {
      var ticks = parsed[page];
      if (!KEY.test(page) || !isObject(ticks)) { damaged = true; return; }
      var clean = emptyState();
      Object.keys(ticks).forEach(function (id) {
        if (KEY.test(id) && ticks[id] === true) clean[id] = true; else damaged = true;
      });
      state[page] = clean;
    });
    return { state: state, damaged: damaged };
  }

  function writeStore(state) {
    try { window.localStorage.setItem(STORE, JSON.stringify(state)); return true; } catch (error) { return false; }
  }

  function init() {
    var lists = document.querySelectorAll("ul[data-hb-checklist]");
    var bar = document.querySelector("[data-hb-checklist-bar]");
    if (!lists.length || !bar) return;
    var page = lists[0].getAttribute("data-hb-checklist");
    var items = [];
    lists.forEach(function (list) {
      list.querySelectorAll(":scope > li.task-list-item[id]").forEach(function (item) { items.push(item); });
    });
    var known = Object.create(null);
    items.forEach(function (item) { known[item.id] = true; });
    var message = bar.querySelector(".hb-checklist-bar__message");
    // The bar's messages, in the page's language (data/ui checklist.*, put on the message by
    // hooks/templates/checklist_bar.html).
    var TEXT = {};
    ["notSaved", "corrupt", "ignored", "unknownItem", "notBoolean", "badPage", "reasonSeparator"].forEach(function (name) {
      TEXT[name] = message.getAttribute("data-" + name.replace(/[A-Z]/g, function (c) { return "-" + c.toLowerCase(); })) || "";
    });
    var stored = readStore();
    var state = stored.state;  // the page's working copy: it is what the boxes and export show
    var saved = !stored.unavailable;

    function say(text) { message.textContent = text; }

    function ticksOf(key) { return state[key] || (state[key] = emptyState()); }

    // Save the working copy, merged over what other tabs may have saved meanwhile.
    function save() {
      var current = readStore();
      if (!current.unavailable && !current.damaged) {
        Object.keys(current.state).forEach(function (key) { if (key !== page && !(key in state)) state[key] = current.state[key]; });
      }
      saved = writeStore(state);
      if (!saved) say(TEXT.notSaved);
      return saved;
    }

    function render() {
      var ticks = state[page] || emptyState();
      var done = 0;
      items.forEach(function (item) {
        var box = item.querySelector("input[type=checkbox]");
        box.checked = ticks[item.id] === true;
        if (box.checked) done += 1;
      });
      var progress = bar.querySelector(".hb-checklist-bar__progress");
      progress.textContent = progress.getAttribute("data-template").replace("{done}", done).replace("{total}", items.length);
    }

    items.forEach(function (item) {
      var box = item.querySelector("input[type=checkbox]");
      box.disabled = false;
      box.addEventListener("change", function () {
        var ticks = ticksOf(page);
        if (box.checked) ticks[item.id] = true; else delete ticks[item.id];
        if (save() && message.textContent === TEXT.notSaved) say("");
        render();
      });
    });

    bar.addEventListener("click", function (event) {
      var action = event.target.getAttribute && event.target.getAttribute("data-action");
      if (action === "reset" && window.confirm(event.target.getAttribute("data-confirm"))) {
        delete state[page];
        var current = readStore();
        if (current.damaged) {
          // What could be read is kept; the rest is dropped, so the store is whole again.
          Object.keys(current.state).forEach(function (key) { if (key !== page) state[key] = current.state[key]; });
        }
        say(writeStore(state) ? "" : TEXT.notSaved);
        render();
      } else if (action === "export") {
        var data = { format: FORMAT, version: 1, exported: new Date().toISOString(), pages: state };
        var link = document.createElement("a");
        link.href = URL.createObjectURL(new Blob([JSON.stringify(data, null, 1)], { type: "application/json" }));
        link.download = "handbook-checklists-" + data.exported.slice(0, 10) + ".json";
        document.body.appendChild(link);
        link.click();
        setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 0);
      }
    });

    bar.querySelector("input[data-action=import]").addEventListener("change", function (event) {
      var file = event.target.files[0];
      if (!file) return;
      file.text().then(function (text) {
        var data = JSON.parse(text);
        if (!isObject(data) || data.format !== FORMAT || !isObject(data.pages)) throw new Error("format");
        var count = 0, ignored = { unknownItem: 0, notBoolean: 0, badPage: 0 };
        Object.keys(data.pages).forEach(function (key) {
          var ticks = data.pages[key];
          if (!KEY.test(key) || !isObject(ticks)) { ignored.badPage += 1; return; }
          Object.keys(ticks).forEach(function (id) {
            var value = ticks[id];
            if (!KEY.test(id)) { ignored.badPage += 1; return; }
            if (key === page && !known[id]) { ignored.unknownItem += 1; return; }
            if (typeof value !== "boolean") { ignored.notBoolean += 1; return; }
            if (value) ticksOf(key)[id] = true; else if (state[key]) delete state[key][id];
            count += 1;
          });
        });
        var report = message.getAttribute("data-imported").replace("{count}", count);
        var reasons = Object.keys(ignored).filter(function (k) { return ignored[k]; });
        if (reasons.length) {
          report += " " + TEXT.ignored
            .replace("{count}", reasons.reduce(function (sum, k) { return sum + ignored[k]; }, 0))
            .replace("{reasons}", reasons.map(function (k) { return TEXT[k] + " (" + ignored[k] + ")"; }).join(TEXT.reasonSeparator));
        }
        render();
        if (save()) say(report); else say(report + " " + TEXT.notSaved);
      }).catch(function () {
        say(message.getAttribute("data-invalid"));
      });
      event.target.value = "";
    });

    bar.hidden = false;
    render();
    if (stored.unavailable) say(TEXT.notSaved);
    else if (stored.damaged) say(TEXT.corrupt);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();

/* The language switch keeps the reader's place: static-i18n links the same page in the other
   language, and the anchor (a paragraph or heading id, the same in both) is carried over. */
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a.md-select__link[hreflang]");
  if (!link || event.metaKey || event.ctrlKey || event.shiftKey) return;
  event.preventDefault();
  event.stopPropagation();
  location.href = link.href.split("#")[0] + location.hash;
}, true);
