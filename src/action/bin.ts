// Placeholder: the GitHub Action entry point is being written (issue 5).
process.stderr.write('stslint action: not available in this build\n');
process.exitCode = 2;
