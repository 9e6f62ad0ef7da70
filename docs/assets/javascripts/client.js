/*
 * The handbook client: what Material's bundle did on this site's pages, for this site's
 * features (mkdocs.yml theme.features), in plain JavaScript, about a tenth of its size.
 * Material's markup and stylesheets are unchanged; this file sets the same classes,
 * attributes and inline styles as its components did:
 * - the palette toggle, kept under Material's localStorage key (__md_set("__palette"));
 * - the header's shadow and title, the sidebars' heights, the table of contents' passed and
 *   active links (toc.follow), the back-to-top button (navigation.top);
 * - tables in scroll wrappers, details opened for their target and for print, copy buttons
 *   on code blocks (content.code.copy) with Material's "copied" dialog;
 * - the search box, its results and keyboard, talking to the handbook's search worker with
 *   Material's messages, and the found words highlighted on the page opened
 *   (search.highlight);
 * - keyboard shortcuts: f, s, / search; p , and n . the previous and next page.
 * Tooltips (content.tooltips) are tips.js's; the language switch is handbook.js's.
 */
(function () {
  "use strict";

  var root = document.documentElement;
  root.classList.remove("no-js");
  root.classList.add("js");

  var configElement = document.getElementById("__config");
  var config = configElement ? JSON.parse(configElement.textContent) : { features: [], translations: {} };
  var base = new URL(config.base || ".", location.href);
  var MESSAGE = { SETUP: 0, READY: 1, QUERY: 2, RESULT: 3 };

  function feature(name) { return (config.features || []).indexOf(name) !== -1; }

  function translation(key, value) {
    var text = (config.translations || {})[key] || "";
    return value === undefined ? text : text.replace("#", String(value));
  }

  function all(selector, scope) { return Array.prototype.slice.call((scope || document).querySelectorAll(selector)); }

  function component(name, scope) { return (scope || document).querySelector('[data-md-component="' + name + '"]'); }

  function components(name) { return all('[data-md-component="' + name + '"]'); }

  function toggle(name) { return document.querySelector('[data-md-toggle="' + name + '"]'); }

  function setToggle(name, value) {
    var box = toggle(name);
    if (box && box.checked !== value) {
      box.checked = value;
      box.dispatchEvent(new Event("change"));
    }
  }

  // Offset from the top of the document (Material reads offsetTop; the same where the offset
  // parent is the body, and right where it is not).
  function top(element) { return element.getBoundingClientRect().top + window.scrollY; }

  /* ---- Palette: the chosen scheme on <body>, persisted as Material does ------------------- */

  function setUpPalette(form) {
    var inputs = all("input", form);
    if (!inputs.length) return;
    var saved = null;
    try { saved = window.__md_get && __md_get("__palette"); } catch (error) { saved = null; }
    var index = saved && typeof saved.index === "number" ? saved.index
      : inputs.findIndex(function (input) { return matchMedia(input.getAttribute("data-md-color-media")).matches; });
    index = Math.max(0, Math.min(index, inputs.length - 1));

    function apply(input) {
      var palette = {
        index: inputs.indexOf(input),
        color: {
          media: input.getAttribute("data-md-color-media"),
          scheme: input.getAttribute("data-md-color-scheme"),
          primary: input.getAttribute("data-md-color-primary"),
          accent: input.getAttribute("data-md-color-accent")
        }
      };
      input.checked = true;
      document.body.setAttribute("data-md-color-switching", "");
      Object.keys(palette.color).forEach(function (key) {
        document.body.setAttribute("data-md-color-" + key, palette.color[key]);
      });
      inputs.forEach(function (other, i) {
        var label = other.nextElementSibling;
        if (label instanceof HTMLElement) label.hidden = palette.index !== i;
      });
      if (window.__md_set) __md_set("__palette", palette);
      setTimeout(function () {
        document.body.removeAttribute("data-md-color-switching");
        browserColors();
      }, 100);
    }

    inputs.forEach(function (input) {
      input.addEventListener("change", function () { apply(input); });
    });
    // Enter on the toggle picks the next scheme, as Material's does (arrows move between radios).
    form.addEventListener("keydown", function (event) {
      var at = inputs.indexOf(event.target);
      if (event.key !== "Enter" || at === -1) return;
      var next = inputs[(at + 1) % inputs.length];
      next.click();
      next.focus();
      event.preventDefault();
    });
    apply(inputs[index]);
  }

  // The browser's own parts (a phone's address bar, scrollbars, form controls) in the scheme's
  // colours, as Material sets them: theme-color from the header, color-scheme from the body.
  function browserColors() {
    var bar = component("header");
    if (!bar) return;
    [["theme-color", getComputedStyle(bar).backgroundColor],
     ["color-scheme", getComputedStyle(document.body).colorScheme]].forEach(function (pair) {
      var meta = document.querySelector('meta[name="' + pair[0] + '"]');
      if (!meta) {
        meta = document.createElement("meta");
        meta.name = pair[0];
        document.head.appendChild(meta);
      }
      meta.content = pair[1];
    });
  }

  /* ---- Layout on scroll and resize: header, sidebars, contents, back-to-top --------------- */

  var header = component("header");
  var main = component("main");
  var tablet = matchMedia("(min-width: 60em)");
  var screen = matchMedia("(min-width: 76.25em)");
  var watchers = [];
  var lastY = window.scrollY;

  function headerHeight() { return header ? header.offsetHeight : 0; }

  // Material's "main" area: where it starts under the header, how much of it is visible.
  function mainArea(y, viewportHeight, headerSize) {
    var start = top(main), end = start + main.offsetHeight;
    return {
      offset: start - headerSize,
      height: Math.max(0, viewportHeight - Math.max(0, start - y, headerSize) - Math.max(0, viewportHeight + y - end)),
      active: start - headerSize <= y
    };
  }

  function update() {
    var y = window.scrollY, viewportHeight = window.innerHeight, headerSize = headerHeight();
    var area = main ? mainArea(y, viewportHeight, headerSize) : null;
    var state = { y: y, previousY: lastY, height: viewportHeight, header: headerSize, main: area };
    watchers.forEach(function (watcher) { watcher(state); });
    lastY = y;
  }

  var scheduled = false;
  function schedule() {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(function () { scheduled = false; update(); });
  }

  function setUpHeader() {
    if (!header || !main) return;
    watchers.push(function (state) { header.classList.toggle("md-header--shadow", state.main.active); });
    var title = component("header-title");
    var heading = document.querySelector(".md-content h1");
    if (title && heading) {
      watchers.push(function (state) {
        var height = heading.offsetHeight;
        var y = state.y - top(heading) + state.header;
        title.classList.toggle("md-header__title--active", height > 0 && y >= height);
      });
    }
  }

  function setUpSidebar(sidebar) {
    var inner = sidebar.querySelector(".md-sidebar__scrollwrap");
    if (!inner || !main) return;
    var media = sidebar.getAttribute("data-md-type") === "navigation" ? screen : tablet;
    var grid = sidebar.closest(".md-grid");
    var padding = inner.offsetTop;
    var shown = false;
    watchers.push(function (state) {
      if (!media.matches) {
        inner.style.height = "";
        sidebar.style.top = "";
        return;
      }
      var adjust = grid ? grid.offsetTop - grid.parentElement.offsetTop : 0;
      var height = state.main.height + Math.min(adjust, Math.max(0, state.y - state.main.offset)) - adjust;
      inner.style.height = (height - 2 * padding) + "px";
      sidebar.style.top = state.header + "px";
      if (!shown) {
        shown = true;
        // the page's own link in view, once
        all(".md-nav__link--active[href]", sidebar).forEach(function (item) {
          if (!item.clientHeight) return;
          var wrap = item.closest(".md-sidebar__scrollwrap");
          if (wrap) wrap.scrollTo({ top: item.offsetTop - wrap.offsetTop - wrap.offsetHeight / 2 });
        });
      }
    });
    all("label[tabindex]", sidebar).forEach(function (label) {
      label.addEventListener("click", function () {
        setTimeout(function () {
          var input = document.getElementById(label.htmlFor);
          var nav = document.querySelector('[aria-labelledby="' + label.id + '"]');
          if (input && nav) nav.setAttribute("aria-expanded", String(input.checked));
        }, 0);
      });
    });
  }

  // The nearest ancestor that scrolls (the sidebar's scroll wrapper).
  function scrollContainer(element) {
    for (var parent = element.parentElement; parent; parent = parent.parentElement) {
      var overflow = getComputedStyle(parent).overflowY;
      if (overflow === "auto" || overflow === "scroll") return parent;
    }
    return null;
  }

  function setUpContents(toc) {
    var entries = [];
    all(".md-nav__link", toc).forEach(function (anchor) {
      if (!anchor.hash) return;
      var target = document.getElementById(decodeURIComponent(anchor.hash.slice(1)));
      if (target) entries.push({ anchor: anchor, target: target, offset: 0 });
    });
    if (!entries.length) return;
    var measuredFor = -1, active = null;

    function measure() {
      entries.forEach(function (entry) {
        var target = entry.target;
        while (!target.offsetHeight && target.parentElement) target = target.parentElement;  // hidden: its parent
        entry.offset = top(target);
      });
      entries.sort(function (a, b) { return a.offset - b.offset; });
      measuredFor = document.body.offsetHeight;
    }

    watchers.push(function (state) {
      if (document.body.offsetHeight !== measuredFor) measure();
      var grid = main.firstElementChild;
      var adjust = state.header + 0.8 * (grid.offsetTop - main.offsetTop);
      // a heading jumped to (a search result, a link) stops at its scroll margin (the
      // paragraphs' 4rem), lower than `adjust`: it is the section being read all the same
      var target = document.querySelector(":target");
      if (target) adjust = Math.max(adjust, (parseFloat(getComputedStyle(target).scrollMarginTop) || 0) + 1);
      var last = state.y + state.height >= Math.floor(document.body.offsetHeight);
      var current = null;
      entries.forEach(function (entry) {
        var passed = last || entry.offset - adjust < state.y;
        entry.anchor.classList.toggle("md-nav__link--passed", passed);
        if (passed) current = entry.anchor;
      });
      entries.forEach(function (entry) { entry.anchor.classList.toggle("md-nav__link--active", entry.anchor === current); });
      if (current && current !== active && feature("toc.follow") && current.offsetHeight) {
        var container = scrollContainer(current);
        if (container) container.scrollTo({ top: current.offsetTop - container.offsetTop - container.offsetHeight / 2 });
      }
      active = current;
    });
  }

  function setUpBackToTop(button) {
    if (!main) return;
    var hidden = true;
    function set(value) {
      if (value === hidden) return;
      hidden = value;
      button.hidden = value;
      if (value) {
        button.setAttribute("tabindex", "-1");
        button.blur();
      } else {
        button.removeAttribute("tabindex");
      }
    }
    watchers.push(function (state) {
      button.style.top = (state.header + 16) + "px";
      if (state.y !== state.previousY) set(!(state.main.active && state.previousY > state.y && state.y > 0));
    });
    button.addEventListener("click", function (event) {
      event.preventDefault();
      window.scrollTo({ top: 0 });
    });
    window.addEventListener("hashchange", function () { set(true); });
  }

  /* ---- Content: tables, details, code copy buttons ----------------------------------------- */

  function setUpContent(content) {
    all("table:not([class])", content).forEach(function (table) {
      var wrap = document.createElement("div");
      wrap.className = "md-typeset__scrollwrap";
      var inner = document.createElement("div");
      inner.className = "md-typeset__table";
      table.parentNode.insertBefore(wrap, table);
      wrap.appendChild(inner);
      inner.appendChild(table);
    });
    if (feature("content.code.copy")) {
      var counter = 0;
      all("pre:not(.mermaid) > code", content).forEach(function (code) {
        var pre = code.parentElement;
        pre.id = "__code_" + counter++;  // a running number: two blocks never share one
        var nav = document.createElement("nav");
        nav.className = "md-code__nav";
        var button = document.createElement("button");
        button.className = "md-code__button";
        button.title = translation("clipboard.copy");
        button.setAttribute("data-clipboard-target", "#" + pre.id + " > code");
        button.setAttribute("data-md-type", "copy");
        nav.appendChild(button);
        pre.insertBefore(nav, code);
        if (matchMedia("(hover)").matches && code.scrollWidth > code.clientWidth) code.setAttribute("tabindex", "0");
      });
    }
  }

  // The Clipboard API where the page may use it, else a selected text area (some file://
  // and older browsers); handbook.js copies citations with it too (window.HandbookClient).
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return copyWithSelection(text); });
    }
    return copyWithSelection(text);
  }

  function copyWithSelection(text) {
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var done = false;
      try { done = document.execCommand("copy"); } finally { document.body.removeChild(area); }
      if (done) resolve(); else reject(new Error("copy refused"));
    });
  }

  window.HandbookClient = { copyText: copyText };

  var dialogTimer = null;
  function alert(message) {
    var dialog = component("dialog");
    if (!dialog) return;
    var inner = dialog.querySelector(".md-dialog__inner");
    if (inner) inner.textContent = message;
    dialog.classList.add("md-dialog--active");
    clearTimeout(dialogTimer);
    dialogTimer = setTimeout(function () { dialog.classList.remove("md-dialog--active"); }, 2000);
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-clipboard-target]");
    if (!button) return;
    var code = document.querySelector(button.getAttribute("data-clipboard-target"));
    if (!code) return;
    code.setAttribute("data-md-copying", "");
    var holder = code.closest("[data-copy]");
    var text = holder ? holder.getAttribute("data-copy") : code.innerText;
    code.removeAttribute("data-md-copying");
    copyText(text.replace(/\s+$/, "")).then(function () {
      button.focus();
      alert(translation("clipboard.copied"));
    }, function () {});
  });

  // A details element opens when its target is opened, and for printing.
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (!target) return;
    for (var details = target.closest("details:not([open])"); details; details = details.parentElement.closest("details:not([open])")) {
      details.setAttribute("open", "");
      target.scrollIntoView();
    }
  }
  var printed = [];
  window.addEventListener("beforeprint", function () {
    printed = all(".md-content details:not([open])");
    printed.forEach(function (details) { details.setAttribute("open", ""); });
  });
  window.addEventListener("afterprint", function () {
    printed.forEach(function (details) { details.removeAttribute("open"); });
    printed = [];
  });

  // A truncated title in the nav gets its whole text as a title (a tooltip, tips.js).
  function titleTruncated() {
    all(".md-ellipsis").forEach(function (element) {
      if (element.offsetWidth && element.offsetWidth < element.scrollWidth) {
        (element.closest("a") || element).title = element.innerText;
      }
    });
  }

  /* ---- Search: Material's box and results, the handbook's worker --------------------------- */

  function setUpSearch(search) {
    var query = component("search-query", search);
    var result = component("search-result", search);
    if (!query || !result || !config.search) return;
    var meta = result.firstElementChild;
    var list = result.lastElementChild;
    var scrollwrap = result.parentElement;
    var worker = null, ready = false, sent = null, pending = [];

    function start() {
      if (worker) return;
      try {
        worker = new Worker(config.search);
      } catch (error) {
        search.hidden = true;
        return;
      }
      worker.addEventListener("message", function (event) {
        var message = event.data;
        if (message.type === MESSAGE.READY) {
          ready = true;
          send();
        } else if (message.type === MESSAGE.RESULT) {
          show(message.data || { items: [] });
        }
      });
      worker.postMessage({ type: MESSAGE.SETUP, data: { config: {}, docs: [], options: {} } });
    }

    function send() {
      if (!ready || query.value === sent) return;
      sent = query.value;
      worker.postMessage({ type: MESSAGE.QUERY, data: sent });
    }

    function round(value) {
      if (value > 999) {
        var digits = +((value - 950) % 1000 > 99);
        return ((value + 0.000001) / 1000).toFixed(digits) + "k";
      }
      return String(value);
    }

    function show(data) {
      var items = data.items || [];
      if (items.length === 0) meta.textContent = sent ? translation("search.result.none") : translation("search.result.placeholder");
      else if (items.length === 1) meta.textContent = translation("search.result.one");
      else meta.textContent = translation("search.result.other", round(items.length));
      list.innerHTML = "";
      pending = items.slice(10);
      items.slice(0, 10).forEach(function (item) { list.appendChild(renderItem(item)); });
      // for the notes under the box (search/notice.js)
      search.dispatchEvent(new CustomEvent("hb-search-results", { detail: { query: sent || "", count: items.length } }));
    }

    // Later results as the reader scrolls to the end of the list, four at a time.
    scrollwrap.addEventListener("scroll", function () {
      if (pending.length && scrollwrap.scrollTop + scrollwrap.offsetHeight >= scrollwrap.scrollHeight - 16) {
        pending.splice(0, 4).forEach(function (item) { list.appendChild(renderItem(item)); });
      }
    }, { passive: true });

    function element(tag, attributes) {
      var node = document.createElement(tag);
      Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
      return node;
    }

    // One document of a result; its title and text are the engine's HTML (Material's index,
    // with <mark>s), the terms the reader's words, escaped.
    function renderDocument(doc, parent, teaser) {
      var url = new URL(doc.location, base);
      if (feature("search.highlight")) {
        // every word the reader typed, and the other names found here: a word this section
        // lacks may stand elsewhere on the page (挂职干部 学习 opening a section without 学习
        // marked only 挂职干部 and the other name 选派干部); Material passes only those found.
        // Not a single character the section lacks: 住 of 区里住着多少人 would mark 抓住.
        url.searchParams.set("h", Object.keys(doc.terms || {}).filter(function (term) {
          return doc.terms[term] || Array.from(term).length > 1;
        }).join(" "));
      }
      var link = element("a", { href: String(url), class: "md-search-result__link", tabindex: "-1" });
      var article = element("article", { class: "md-search-result__article md-typeset", "data-md-score": Number(doc.score).toFixed(2) });
      var html = "";
      if (parent) html += '<div class="md-search-result__icon md-icon"></div><h1>' + doc.title + "</h1>";
      else html += "<h2>" + doc.title + "</h2>";
      if (teaser && doc.text && doc.text.length) html += doc.text;
      article.innerHTML = html;
      if (doc.tags) {
        var tags = element("nav", { class: "md-tags" });
        doc.tags.forEach(function (tag) {
          var span = element("span", { class: "md-tag " + (config.tags ? (tag in config.tags ? "md-tag-icon md-tag--" + config.tags[tag] : "md-tag-icon") : "") });
          span.textContent = tag;
          tags.appendChild(span);
        });
        article.appendChild(tags);
      }
      var missing = Object.keys(doc.terms || {}).filter(function (term) { return !doc.terms[term]; });
      if (teaser && missing.length) {
        var terms = element("p", { class: "md-search-result__terms" });
        terms.appendChild(document.createTextNode(translation("search.result.term.missing") + ": "));
        missing.forEach(function (term, i) {
          if (i) terms.appendChild(document.createTextNode(" "));
          var del = document.createElement("del");
          del.textContent = term;
          terms.appendChild(del);
        });
        article.appendChild(terms);
      }
      link.appendChild(article);
      return link;
    }

    // A page's result: its heading first, then the sections that score as high, the rest
    // folded (Material's arrangement, which the engine's presenter relies on).
    function renderItem(group) {
      var threshold = group[0].score;
      var docs = group.slice();
      var parent = docs.findIndex(function (doc) { return String(new URL(doc.location, base)).indexOf("#") === -1; });
      var article = docs.splice(parent, 1)[0];
      var index = docs.findIndex(function (doc) { return doc.score < threshold; });
      if (index === -1) index = docs.length;
      var best = docs.slice(0, index), more = docs.slice(index);
      var item = element("li", { class: "md-search-result__item" });
      // an entry that stands alone (no page heading: a duty, a glossary term) shows its text
      var alone = group.length === 1;
      item.appendChild(renderDocument(article, true, (!parent || alone) && index === 0));
      best.forEach(function (doc) { item.appendChild(renderDocument(doc, false, true)); });
      if (more.length) {
        var details = element("details", { class: "md-search-result__more" });
        var summary = element("summary", { tabindex: "-1" });
        var label = document.createElement("div");
        label.textContent = more.length === 1 ? translation("search.result.more.one") : translation("search.result.more.other", more.length);
        summary.appendChild(label);
        details.appendChild(summary);
        more.forEach(function (doc) { details.appendChild(renderDocument(doc, false, true)); });
        details.addEventListener("toggle", function () {
          if (!details.open && details.offsetTop <= scrollwrap.scrollTop) scrollwrap.scrollTo({ top: details.offsetTop });
        });
        item.appendChild(details);
      }
      return item;
    }

    var wasOpen = false;
    function toggled() {
      var active = toggle("search").checked;
      if (wasOpen && !active) forgetQueryParameter();
      wasOpen = active;
      list.setAttribute("role", active ? "list" : "presentation");
      list.hidden = !active;
      if (active) start();
      scrollLock(active);
    }

    // On a phone the page behind the open search does not scroll.
    var lockedAt = null;
    function scrollLock(active) {
      if (active && !tablet.matches && lockedAt === null) {
        lockedAt = window.scrollY;
        setTimeout(function () {
          if (lockedAt === null) return;
          document.body.setAttribute("data-md-scrolllock", "");
          document.body.style.top = "-" + lockedAt + "px";
        }, 400);
      } else if (!active && lockedAt !== null) {
        var y = lockedAt;
        lockedAt = null;
        if (document.body.hasAttribute("data-md-scrolllock")) {
          document.body.removeAttribute("data-md-scrolllock");
          document.body.style.top = "";
          window.scrollTo(0, y);
        }
      }
    }

    toggle("search").addEventListener("change", toggled);
    toggled();
    // A moment after the focus, as Material: a click on the header's search label focuses the
    // box before the label's own toggle happens.
    query.addEventListener("focus", function () {
      start();
      setTimeout(function () {
        if (document.activeElement === query) setToggle("search", true);
        send();
      }, 1);
    });
    // Typed, and text that comes without a key: pasted from a menu, dictated, chosen from an
    // input method's list (whose keys type pinyin: searched once the characters are chosen).
    function typed(event) { if (!event.isComposing) send(); }
    query.addEventListener("keyup", typed);
    query.addEventListener("input", typed);
    query.addEventListener("compositionend", send);
    query.form.addEventListener("reset", function () { setTimeout(function () { query.focus(); send(); }, 0); });
    query.form.addEventListener("submit", function (event) { event.preventDefault(); });
    var label = document.querySelector("header [for=__search]");
    if (label) label.addEventListener("click", function () { query.focus(); });
    search.addEventListener("click", function (event) {
      if (event.target instanceof Element && event.target.closest("a")) setToggle("search", false);
    });

    // Closed, the search leaves the address (a reload must not open it again), as Material's does.
    function forgetQueryParameter() {
      var url = new URL(location.href);
      if (!url.searchParams.has("q")) return;
      url.searchParams.delete("q");
      history.replaceState(history.state, "", String(url));
    }

    // A link with ?q= opens the search with that query.
    var params = new URL(location.href).searchParams;
    if (params.has("q")) {
      setToggle("search", true);
      query.value = params.get("q");
      query.focus();
    }

    return function key(event, mode) {
      var active = document.activeElement;
      if (mode === "search") {
        switch (event.key) {
          case "Enter":
            if (active === query) {
              var best = null, score = -Infinity;
              all(":first-child [href]", result).forEach(function (anchor) {
                var value = parseFloat(anchor.firstElementChild.getAttribute("data-md-score"));
                if (value > score) { best = anchor; score = value; }
              });
              if (best) best.click();
              event.preventDefault();
            }
            break;
          case "Escape":
          case "Tab":
            setToggle("search", false);
            query.blur();
            break;
          case "ArrowUp":
          case "ArrowDown":
            var items = [query].concat(all(":not(details) > [href], summary, details[open] [href]", result));
            var i = Math.max(0, items.indexOf(active)) + items.length + (event.key === "ArrowUp" ? -1 : 1);
            items[i % items.length].focus();
            event.preventDefault();
            break;
          default:
            if (active !== query) query.focus();
        }
      } else if (event.key === "f" || event.key === "s" || event.key === "/") {
        query.focus();
        query.select();
        setToggle("search", true);
        event.preventDefault();
      }
    };
  }

  // The words the reader searched for, marked in the page opened from a result (?h=).
  function highlight(content) {
    var words = new URL(location.href).searchParams.get("h");
    if (!words || !config.separator) return;
    var separator = config.separator;
    var split = new RegExp(separator.split("|").map(function (part) {
      return part.replace(/(\(\?[!=<][^)]+\))/g, "").length === 0 ? "\uFFFD" : part;
    }).join("|"), "img");
    words = words.replace(/[\s*+\-:~^]+/g, " ").trim();
    if (!words) return;
    var pattern = new RegExp("(^|" + separator + "|)(" + words.replace(/[|\\{}()[\]^$+*?.-]/g, "\\$&").replace(split, "|") + ")", "img");
    var nodes = [];
    var walker = document.createNodeIterator(content, NodeFilter.SHOW_TEXT);
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement && node.parentElement.offsetHeight) nodes.push(node);
    }
    nodes.forEach(function (text) {
      // Found on the text itself (not on its HTML, whose entities a word could cut), then put
      // back as text and <mark> nodes; marks apart only by spaces become one, as Material's.
      var raw = text.textContent, pieces = [], last = 0;
      raw.replace(pattern, function (match, before, word) {
        var start = arguments[arguments.length - 2] + before.length;
        if (!word) return match;
        // a Latin word is marked where a word starts (part, not the part of departments) and
        // whole, with an inflection at most (units for unit, not Party or particular for part),
        // as the result list marks it (present.js); Chinese has no spaces to start at
        if (/^[A-Za-z0-9]/.test(word)) {
          if (start < last || /[A-Za-z0-9]/.test(raw.charAt(start - 1))) return match;
          var tail = /^[A-Za-z0-9]*/.exec(raw.slice(start + word.length))[0];
          if (!/^(s|es|ed|d|ing)?$/i.test(tail)) return match;
          word += tail;
        }
        var between = raw.slice(last, start), previous = pieces[pieces.length - 1];
        if (previous && previous.mark && /^\s+$/.test(between)) previous.mark += between + word;
        else pieces.push({ text: between }, { mark: word });
        last = start + word.length;
        return match;
      });
      if (!pieces.length) return;
      pieces.push({ text: raw.slice(last) });
      var replacement = pieces.filter(function (piece) { return piece.mark || piece.text; }).map(function (piece) {
        if (!piece.mark) return document.createTextNode(piece.text);
        var mark = document.createElement("mark");
        mark.setAttribute("data-md-highlight", "");
        mark.textContent = piece.mark;
        return mark;
      });
      text.replaceWith.apply(text, replacement);
    });
  }

  /* ---- Keyboard ---------------------------------------------------------------------------- */

  // Keys typed into a field are the field's (a radio button's only the arrows).
  function fieldTakes(element, key) {
    if (element instanceof HTMLInputElement) return element.type === "radio" ? /^Arrow/.test(key) : true;
    if (element instanceof HTMLSelectElement || element instanceof HTMLTextAreaElement) return true;
    return !!(element && element.isContentEditable);
  }

  function follow(selector) {
    var link = document.querySelector(selector);
    if (link) location.href = link.href;
  }

  function setUpKeyboard(searchKey) {
    var composing = false;
    window.addEventListener("compositionstart", function () { composing = true; });
    window.addEventListener("compositionend", function () { composing = false; });
    window.addEventListener("keydown", function (event) {
      if (composing || event.metaKey || event.ctrlKey) return;
      var searchBox = toggle("search");
      var mode = searchBox && searchBox.checked ? "search" : "global";
      if (mode === "global" && document.activeElement && document.activeElement !== document.body &&
          fieldTakes(document.activeElement, event.key)) return;
      if (searchKey) searchKey(event, mode);
      if (mode !== "global" || event.defaultPrevented) return;
      switch (event.key) {
        case "p":
        case ",":
          follow("link[rel=prev]");
          break;
        case "n":
        case ".":
          follow("link[rel=next]");
          break;
        case "Enter":
          if (document.activeElement instanceof HTMLLabelElement) document.activeElement.click();
      }
    });
  }

  /* ---- Start -------------------------------------------------------------------------------- */

  function init() {
    components("palette").forEach(setUpPalette);
    all(".md-toggle--indeterminate").forEach(function (box) {
      box.indeterminate = true;
      box.checked = false;
      box.addEventListener("change", function () { box.classList.remove("md-toggle--indeterminate"); }, { once: true });
    });
    components("content").forEach(function (content) {
      setUpContent(content);
      if (feature("search.highlight")) highlight(content);
    });
    setUpHeader();
    components("sidebar").forEach(setUpSidebar);
    components("toc").forEach(setUpContents);
    components("top").forEach(setUpBackToTop);
    var search = component("search");
    setUpKeyboard(search ? setUpSearch(search) : null);
    openTarget();
    window.addEventListener("hashchange", function () {
      openTarget();
      setTimeout(function () {
        setToggle("drawer", false);
        setToggle("search", false);
      }, 125);
    });
    window.addEventListener("scroll", schedule, { passive: true });
    window.addEventListener("resize", schedule, { passive: true });
    tablet.addEventListener("change", schedule);
    screen.addEventListener("change", schedule);
    if (typeof ResizeObserver === "function") new ResizeObserver(schedule).observe(document.body);
    update();
    setTimeout(titleTruncated, 0);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
