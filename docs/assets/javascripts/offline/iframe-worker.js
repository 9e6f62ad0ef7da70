/*
 * A stand-in for Web Workers on pages opened from file://, where browsers refuse to start a
 * worker from a file. The search engine (a worker script) runs in a hidden frame instead and
 * speaks the same messages. Written for this handbook; its name contains "iframe-worker" so
 * that Material's offline plugin uses it instead of fetching one from a CDN.
 */
(function () {
  "use strict";
  if (location.protocol !== "file:" || typeof EventTarget === "undefined") return;

  function copy(data) {
    return typeof structuredClone === "function" ? structuredClone(data) : JSON.parse(JSON.stringify(data));
  }

  class FrameWorker extends EventTarget {
    constructor(url) {
      super();
      var worker = this;
      this.onmessage = null;
      this.onerror = null;
      this.frame = document.createElement("iframe");
      this.frame.hidden = true;
      this.frame.setAttribute("aria-hidden", "true");
      this.frame.tabIndex = -1;
      document.body.appendChild(this.frame);

      var scope = this.frame.contentWindow;
      // What the worker script posts comes back to this object, asynchronously as from a worker.
      scope.postMessage = function (data) {
        setTimeout(function () { worker.emit("message", new MessageEvent("message", { data: copy(data) })); }, 0);
      };
      this.ready = new Promise(function (resolve, reject) {
        var script = scope.document.createElement("script");
        script.src = new URL(String(url), location.href).href;
        script.onload = resolve;
        script.onerror = function () {
          var event = new ErrorEvent("error", { message: "cannot load " + script.src });
          worker.emit("error", event);
          reject(event);
        };
        scope.document.body.appendChild(script);
      });
    }

    postMessage(data) {
      var scope = this.frame.contentWindow;
      this.ready.then(function () {
        scope.dispatchEvent(new scope.MessageEvent("message", { data: copy(data) }));
      }, function () {});
    }

    terminate() {
      this.frame.remove();
    }

    emit(type, event) {
      this.dispatchEvent(event);
      var handler = this["on" + type];
      if (typeof handler === "function") handler.call(this, event);
    }
  }

  window.Worker = FrameWorker;
})();
