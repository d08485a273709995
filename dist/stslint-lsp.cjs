var __stslintImportMetaUrl = require('node:url').pathToFileURL(__filename).href;
"use strict";process.stderr.write(`stslint lsp: not available in this build
`);process.exitCode=2;
