/*
 * Material's search worker for one language (worker.<lang>.js: these settings and this file).
 * Material starts it with every page, so it is small: the engine and the language's passages
 * are loaded only when the reader first searches, and only the reader's language.
 * - Material sends the search index at start; the build leaves it empty (hooks/search.py),
 *   and the passages come from search/index.<lang>.js instead.
 * - In a browser worker the two scripts load with importScripts; from file://, where the
 *   handbook's stand-in runs this script in a hidden frame, with script elements.
 */
(function (scope) {
  "use strict";

  var MESSAGE = { SETUP: 0, READY: 1, QUERY: 2, RESULT: 3 };
  var settings = scope.HANDBOOK_SEARCH_LOADER;
  var base = typeof document !== "undefined" && document.currentScript
    ? document.currentScript.src : scope.location.href;
  var handle = null, loading = null, waiting = [], given = [];

  function load(done) {
    var urls = settings.scripts.map(function (url) { return new URL(url, base).href; });
    if (typeof scope.importScripts === "function") {
      scope.importScripts.apply(scope, urls);
      return done();
    }
    (function next(i) {
      if (i === urls.length) return done();
      var script = document.createElement("script");
      script.src = urls[i];
      script.onload = function () { next(i + 1); };
      script.onerror = function () { console.warn("search: cannot load " + urls[i]); };
      document.head.appendChild(script);
    })(0);
  }

  function ready() {
    var HS = scope.HandbookSearch;
    var engine = new HS.worker.Engine(scope.HANDBOOK_SEARCH);
    engine.setup(given.concat(scope.HANDBOOK_SEARCH_DOCS || []));
    handle = HS.worker.handler(engine);
    waiting.splice(0).forEach(answer);
  }

  function answer(message) {
    var reply = handle(message);
    if (reply) scope.postMessage(reply);
  }

  scope.addEventListener("message", function (event) {
    var message = event.data;
    if (message.type === MESSAGE.SETUP) {
      given = (message.data && message.data.docs) || [];
      scope.postMessage({ type: MESSAGE.READY });
    } else if (handle) {
      answer(message);
    } else if (message.type === MESSAGE.QUERY && !String(message.data || "").trim()) {
      // Material asks with an empty query when the page opens: no need to load anything
      scope.postMessage({ type: MESSAGE.RESULT, data: { items: [] } });
    } else {
      waiting = [message];  // only the latest query matters
      if (!loading) loading = load(ready) || true;
    }
  });
})(typeof self !== "undefined" ? self : globalThis);
