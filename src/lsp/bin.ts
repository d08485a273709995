// Placeholder: the language server is being written (issue 5).
process.stderr.write('stslint lsp: not available in this build\n');
process.exitCode = 2;
