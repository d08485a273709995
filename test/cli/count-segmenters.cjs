// Preloaded (`node --require`) by test/cli/bundle.test.ts: reports on stderr each Intl.Segmenter
// built, to show which runs load the terminal text libraries.
const Original = Intl.Segmenter;
Intl.Segmenter = new Proxy(Original, {
  construct(target, args) {
    process.stderr.write('Intl.Segmenter constructed\n');
    return Reflect.construct(target, args);
  },
});
