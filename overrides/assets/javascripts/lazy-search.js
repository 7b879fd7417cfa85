/* Material starts its search worker and downloads the whole search index on every page load,
 * about 100 KB gzip that most visits never use. Loaded before Material's bundle, this script
 * holds both back until the reader opens search: focusing the search field (by click, tap or
 * Material's keyboard shortcuts) or opening the search overlay. Anything else passes through. */
(function () {
  "use strict";
  var INDEX = /\/search\/search_index\.json$/;
  var WORKER = /\/workers\/search\.[^/]*\.js$/;
  var started = false;
  var waiting = [];

  function start() {
    if (started) return;
    started = true;
    waiting.splice(0).forEach(function (run) { run(); });
  }

  function whenStarted(run) {
    if (started) run();
    else waiting.push(run);
  }

  function matches(pattern, url) {
    try {
      return pattern.test(new URL(String(url), location.href).pathname);
    } catch (error) {
      return false;
    }
  }

  document.addEventListener("focusin", function (event) {
    var target = event.target;
    if (target && target.matches && target.matches("[data-md-component=search-query]")) start();
  });
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search" && event.target.checked) start();
  });
  // A link from search results (?h=…) highlights the words on arrival, which needs the index.
  if (/[?&]h=/.test(location.search)) start();

  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.lazySearchIndex = matches(INDEX, url);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var args = arguments;
    if (!request.lazySearchIndex || started) return send.apply(request, args);
    whenStarted(function () { send.apply(request, args); });
  };

  var RealWorker = window.Worker;
  if (!RealWorker) return;
  // Stands in for the search worker until search opens: keeps listeners and messages, then hands them over.
  function LazyWorker(url, options) {
    if (!matches(WORKER, url)) return new RealWorker(url, options);
    var self = this;
    var worker = null;
    var listeners = [];
    var messages = [];
    self.onmessage = null;
    self.onerror = null;
    self.addEventListener = function (type, listener, settings) {
      listeners.push([type, listener, settings]);
      if (worker) worker.addEventListener(type, listener, settings);
    };
    self.removeEventListener = function (type, listener, settings) {
      listeners = listeners.filter(function (entry) { return entry[0] !== type || entry[1] !== listener; });
      if (worker) worker.removeEventListener(type, listener, settings);
    };
    self.postMessage = function (message, transfer) {
      if (worker) worker.postMessage(message, transfer);
      else messages.push([message, transfer]);
    };
    self.terminate = function () {
      if (worker) worker.terminate();
      messages = [];
      listeners = [];
    };
    whenStarted(function () {
      worker = new RealWorker(url, options);
      worker.onmessage = function (event) { if (self.onmessage) self.onmessage(event); };
      worker.onerror = function (event) { if (self.onerror) self.onerror(event); };
      listeners.forEach(function (entry) { worker.addEventListener(entry[0], entry[1], entry[2]); });
      messages.splice(0).forEach(function (entry) { worker.postMessage(entry[0], entry[1]); });
    });
  }
  window.Worker = LazyWorker;
})();
