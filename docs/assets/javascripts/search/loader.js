/*
 * The search worker for one language (worker.<lang>.js: these settings and this file). The page's
 * client (client.js) starts it when the reader opens search and speaks Material's worker
 * messages to it. It is small: the engine and the language's dictionary are loaded only when
 * the reader first searches, and only the reader's language; the engine then loads the postings
 * and sections a query needs (shards.js).
 * - SETUP carries no documents: the build leaves Material's search index empty (hooks/search.py).
 * - In a browser worker the files load with importScripts; from file://, where the handbook's
 *   stand-in runs this script in a hidden frame, with script elements.
 */
(function (scope) {
  "use strict";

  var MESSAGE = { SETUP: 0, READY: 1, QUERY: 2, RESULT: 3 };
  var settings = scope.HANDBOOK_SEARCH_LOADER;
  var base = typeof document !== "undefined" && document.currentScript
    ? document.currentScript.src : scope.location.href;
  var handle = null, loading = false, waiting = [], given = [];

  /* Run the scripts at `urls` (relative to this script) in order, then done. */
  function load(urls, done) {
    urls = urls.map(function (url) { return new URL(url, base).href; });
    if (typeof scope.importScripts === "function") {
      try {
        scope.importScripts.apply(scope, urls);
      } catch (error) {
        console.warn("search: cannot load " + urls.join(", "), error);
      }
      return done();
    }
    (function next(i) {
      if (i === urls.length) return done();
      var script = document.createElement("script");
      script.src = urls[i];
      script.onload = function () { next(i + 1); };
      script.onerror = function () {
        console.warn("search: cannot load " + urls[i]);
        next(i + 1);
      };
      document.head.appendChild(script);
    })(0);
  }

  function ready() {
    var HS = scope.HandbookSearch, search = scope.HANDBOOK_SEARCH;
    var dictionary = HS && HS.received && HS.received[search.lang + "/dictionary"];
    var index = dictionary ? new HS.shards.ShardedIndex(search, dictionary, function (files, done) {
      load(files.map(function (file) { return settings.folder + file; }), done);
    }) : null;
    var engine = new HS.worker.Engine(search, index);
    engine.setup(index ? [] : given);
    handle = HS.worker.handler(engine, function (reply) { scope.postMessage(reply); });
    waiting.splice(0).forEach(handle);
  }

  scope.addEventListener("message", function (event) {
    var message = event.data;
    if (message.type === MESSAGE.SETUP) {
      given = (message.data && message.data.docs) || [];
      scope.postMessage({ type: MESSAGE.READY });
    } else if (handle) {
      handle(message);
    } else if (message.type === MESSAGE.QUERY && !String(message.data || "").trim()) {
      // an empty query (the box opened, or cleared): nothing to load yet
      scope.postMessage({ type: MESSAGE.RESULT, data: { items: [] } });
    } else {
      waiting = [message];  // only the latest query matters
      if (!loading) {
        loading = true;
        load(settings.scripts, ready);
      }
    }
  });
})(typeof self !== "undefined" ? self : globalThis);
