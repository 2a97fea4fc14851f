// The workbench's module loader: a small AMD `define` that SharePoint's own loader replaces on a real page. Every
// SPFx runtime bundle (node_modules/@microsoft/sp-*/dist) and the web part's --ship bundle call
// define("<component id>_<version>", [dependency names], factory); the factory runs at once, with its dependencies
// taken from what is already defined. Names come from the manifests (see scripts/build-workbench.mjs), so a
// dependency that nothing defined is an error, never a silent empty object.
(function () {
  'use strict';
  var modules = {};
  var componentNames = {};

  function nameOf(id) {
    var componentId = id.split('_')[0];
    return componentNames[componentId] || id;
  }

  function define(id, dependencies, factory) {
    if (typeof id !== 'string') {
      // An anonymous module (the web part's strings): its name is on the script element that carries it.
      factory = dependencies;
      dependencies = id;
      id = document.currentScript && document.currentScript.getAttribute('data-module');
      if (!id) {
        throw new Error('An anonymous AMD module was loaded without a data-module name');
      }
    }
    var name = nameOf(id);
    var args = dependencies.map(function (dependency) {
      if (!Object.prototype.hasOwnProperty.call(modules, dependency)) {
        throw new Error(name + ' needs ' + dependency + ', which is not loaded');
      }
      return modules[dependency];
    });
    modules[name] = factory.apply(undefined, args);
  }

  window.define = define;
  window.workbenchModules = {
    /** Component id → the package name other bundles use for it. */
    nameComponents: function (names) {
      Object.keys(names).forEach(function (id) { componentNames[id] = names[id]; });
    },
    provide: function (name, exports) { modules[name] = exports; },
    get: function (name) {
      if (!Object.prototype.hasOwnProperty.call(modules, name)) {
        throw new Error(name + ' is not loaded');
      }
      return modules[name];
    },
    has: function (name) { return Object.prototype.hasOwnProperty.call(modules, name); }
  };
})();
