#!/usr/bin/env node
"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// src/cli/launcher.ts
var import_node_fs = require("node:fs");
var import_node_module = __toESM(require("node:module"), 1);
var import_node_os = __toESM(require("node:os"), 1);
var import_node_path = __toESM(require("node:path"), 1);
var import_node_vm = __toESM(require("node:vm"), 1);
var server = process.argv[2] === "lsp";
var bundle = import_node_path.default.join(__dirname, server ? "stslint-lsp.cjs" : "stslint-main.cjs");
var hash = server ? "12283df35804f6552606d1479e92b511" : "cfda5feb6e738295eae457dfcccbf3ca";
var source = (0, import_node_fs.readFileSync)(bundle, "utf8");
var useCache = !process.env.STSLINT_NO_COMPILE_CACHE;
var cacheFile = import_node_path.default.join(import_node_os.default.tmpdir(), "stslint-compile-cache", `${hash}-${process.version}-${process.arch}.bin`);
var cachedData;
if (useCache) {
  try {
    cachedData = (0, import_node_fs.readFileSync)(cacheFile);
  } catch {
    cachedData = void 0;
  }
}
var script = new import_node_vm.default.Script(import_node_module.default.wrap(source), { filename: bundle, cachedData });
if (useCache && (cachedData === void 0 || script.cachedDataRejected === true)) {
  process.once("exit", () => {
    try {
      (0, import_node_fs.mkdirSync)(import_node_path.default.dirname(cacheFile), { recursive: true });
      const temporary = `${cacheFile}.${process.pid}`;
      (0, import_node_fs.writeFileSync)(temporary, script.createCachedData());
      (0, import_node_fs.renameSync)(temporary, cacheFile);
    } catch {
    }
  });
}
var run = script.runInThisContext();
var bundleModule = { exports: {} };
run.call(bundleModule.exports, bundleModule.exports, require, bundleModule, bundle, import_node_path.default.dirname(bundle));
