var __stslintImportMetaUrl = require('node:url').pathToFileURL(__filename).href;
"use strict";process.stderr.write(`stslint action: not available in this build
`);process.exitCode=2;
