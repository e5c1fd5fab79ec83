/* global window, document, location, ResizeObserver */
/*
 * The PCI frame runtime: runs inside the sandboxed frame (opaque origin, CSP: scripts from the
 * ticket's path only, no network). It is a minimal QTI 3 / IMS PCI host:
 *  - a small AMD loader (`define`, `require`) whose module ids map only to the files listed in the
 *    page's configuration (the item's package files), plus `qtiCustomInteractionContext`;
 *  - once the candidate page sends `init` (the saved state and response), it calls the registered
 *    PCI's `getInstance(dom, config, state)` with `config.onready` / `config.oncompleted`;
 *  - it answers `collect` with `getResponse()` and `getState()`, and reports its height;
 *  - it offers the PCI the module `examEngineRecording`: sound recorded by the candidate page for
 *    it (the frame's opaque origin gets no microphone), after the candidate's consent:
 *    `start({ maxSeconds, bitsPerSecond }, { started(maxSeconds), refused(reason),
 *    done(file, seconds), failed(reason) })` and `stop()`; `file` is a QTI file value
 *    `{ data: base64, mime, name }`, which the page also saves as the interaction's response.
 * Every message carries the per-frame token from the URL fragment; messages go to the candidate
 * page's origin only, and only messages from the parent window with the token are heard.
 */
(function pciFrameRuntime() {
  'use strict';
  var config = JSON.parse(document.getElementById('pci-config').textContent);
  var token = location.hash.slice(1);
  var root = document.getElementById('pci-root');
  var registered = [];
  var instance;
  var modules = {};
  var pending = {};

  function post(message) {
    message.pci = message.pci || 'message';
    message.token = token;
    window.parent.postMessage(message, config.parentOrigin);
  }

  function fail(message) {
    post({ pci: 'error', message: String(message) });
  }

  // --- the AMD loader: module id -> { exports, ready, waiting } ---------------------------------
  var context = {
    register: function register(pci) {
      registered.push(pci);
    },
    notifyReady: function notifyReady() {},
    notifyDone: function notifyDone() {},
  };
  modules.qtiCustomInteractionContext = { exports: context, ready: true, waiting: [] };

  // --- recording through the candidate page --------------------------------------------------
  var takes = {};
  var takeCount = 0;
  var recording = {
    available: true,
    start: function start(options, handlers) {
      takeCount += 1;
      var id = 'take-' + takeCount;
      takes[id] = handlers || {};
      options = options || {};
      post({
        pci: 'record-start',
        id: id,
        maxSeconds: Number(options.maxSeconds) || undefined,
        bitsPerSecond: Number(options.bitsPerSecond) || undefined,
      });
      return id;
    },
    stop: function stop() {
      post({ pci: 'record-stop' });
    },
  };
  modules.examEngineRecording = { exports: recording, ready: true, waiting: [] };

  function answerTake(data) {
    var handlers = takes[data.id];
    if (!handlers) return;
    var name = data.pci.slice('record-'.length);
    if (name !== 'started') delete takes[data.id];
    var callback = handlers[name];
    if (typeof callback !== 'function') return;
    try {
      if (name === 'started') callback(data.maxSeconds);
      else if (name === 'done') callback(data.file, data.seconds);
      else callback(String(data.reason || ''));
    } catch (error) {
      fail('Recording ' + name + ' failed: ' + (error && error.message));
    }
  }

  var loadingId;
  function load(id) {
    if (modules[id]) return modules[id];
    var entry = { exports: undefined, ready: false, waiting: [] };
    modules[id] = entry;
    var url = config.modules[id];
    if (!url) {
      fail('The PCI asks for module ' + id + ', which is not a file of its item.');
      return entry;
    }
    var script = document.createElement('script');
    script.src = url;
    script.async = false;
    script.onerror = function onerror() {
      fail('Module ' + id + ' could not be loaded.');
    };
    script.onload = function onload() {
      // A plain (non-AMD) script defines nothing: it is ready once it has run.
      if (pending[id] === undefined && !entry.ready) settle(entry, undefined);
    };
    loadingId = id;
    document.head.appendChild(script);
    return entry;
  }

  function settle(entry, value) {
    entry.exports = value;
    entry.ready = true;
    var waiting = entry.waiting;
    entry.waiting = [];
    waiting.forEach(function run(fn) {
      fn();
    });
  }

  function whenAll(ids, done) {
    var entries = ids.map(load);
    var left = entries.filter(function notReady(e) {
      return !e.ready;
    }).length;
    if (!left) return done(entries);
    entries.forEach(function wait(e) {
      if (!e.ready)
        e.waiting.push(function one() {
          left -= 1;
          if (!left) done(entries);
        });
    });
  }

  function currentScriptId() {
    var script = document.currentScript;
    if (!script) return loadingId;
    for (var id in config.modules)
      if (Object.prototype.hasOwnProperty.call(config.modules, id) && script.src.endsWith(config.modules[id]))
        return id;
    return loadingId;
  }

  function define(name, deps, factory) {
    if (typeof name !== 'string') {
      factory = deps;
      deps = name;
      name = currentScriptId();
    }
    if (!Array.isArray(deps)) {
      factory = deps;
      deps = [];
    }
    var entry = modules[name] || (modules[name] = { exports: undefined, ready: false, waiting: [] });
    pending[name] = true;
    var module = { exports: {} };
    whenAll(
      deps.filter(function special(d) {
        return d !== 'require' && d !== 'exports' && d !== 'module';
      }),
      function ready() {
        var args = deps.map(function arg(d) {
          if (d === 'require') return require;
          if (d === 'exports') return module.exports;
          if (d === 'module') return module;
          return modules[d].exports;
        });
        var value;
        try {
          value = typeof factory === 'function' ? factory.apply(null, args) : factory;
        } catch (error) {
          fail('Module ' + name + ' failed: ' + (error && error.message));
        }
        delete pending[name];
        settle(entry, value === undefined ? module.exports : value);
      },
    );
  }
  define.amd = {};

  function require(ids, callback) {
    if (typeof ids === 'string') return modules[ids] && modules[ids].exports;
    whenAll(ids, function ready(entries) {
      if (callback)
        callback.apply(
          null,
          entries.map(function exports(e) {
            return e.exports;
          }),
        );
    });
    return undefined;
  }
  window.define = define;
  window.require = require;
  window.requirejs = require;

  // --- the PCI instance ---------------------------------------------------------------------
  function chosenPci() {
    for (var i = 0; i < registered.length; i += 1)
      if (registered[i].typeIdentifier === config.typeIdentifier) return registered[i];
    return registered[0];
  }

  function start(init) {
    var moduleIds = config.entryModule ? [config.entryModule] : Object.keys(config.modules);
    require(moduleIds, function loaded() {
      var pci = chosenPci();
      if (!pci || typeof pci.getInstance !== 'function') {
        fail('No module registered a PCI with getInstance (' + config.typeIdentifier + ').');
        return;
      }
      var boundTo = {};
      boundTo[config.responseIdentifier] = init.response;
      var pciConfig = {
        properties: config.properties,
        templateVariables: {},
        contextVariables: {},
        boundTo: boundTo,
        responseIdentifier: config.responseIdentifier,
        status: 'interacting',
        onready: function onready(readyInstance) {
          instance = readyInstance || instance;
          post({ pci: 'ready' });
        },
        oncompleted: function oncompleted(doneInstance) {
          instance = doneInstance || instance;
          post({ pci: 'completed', response: safe('getResponse'), state: safe('getState') });
        },
      };
      try {
        var made = pci.getInstance(root, pciConfig, init.state === null ? undefined : init.state);
        if (made && !instance) instance = made;
      } catch (error) {
        fail('getInstance failed: ' + (error && error.message));
      }
    });
  }

  function safe(method) {
    if (!instance || typeof instance[method] !== 'function') return null;
    try {
      var value = instance[method]();
      return value === undefined ? null : value;
    } catch (error) {
      fail(method + ' failed: ' + (error && error.message));
      return null;
    }
  }

  var started = false;
  window.addEventListener('message', function onMessage(event) {
    if (event.source !== window.parent || event.origin !== config.parentOrigin) return;
    var data = event.data;
    if (!data || data.token !== token) return;
    if (data.pci === 'init' && !started) {
      started = true;
      start(data);
    } else if (data.pci === 'collect') {
      post({ pci: 'collected', id: data.id, response: safe('getResponse'), state: safe('getState') });
    } else if (
      data.pci === 'record-started' ||
      data.pci === 'record-refused' ||
      data.pci === 'record-failed' ||
      data.pci === 'record-done'
    ) {
      answerTake(data);
    }
  });

  if (typeof ResizeObserver === 'function')
    new ResizeObserver(function resized() {
      post({ pci: 'height', height: Math.ceil(document.documentElement.scrollHeight) });
    }).observe(document.body);
  post({ pci: 'hello' });
})();
