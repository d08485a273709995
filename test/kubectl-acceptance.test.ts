import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARSE_OPTIONS } from '../src/engine/parse-options.js';
import { parseDocuments } from '../src/parser/parse-documents.js';
import { KUBECTL, reportKubectlSkip } from './support/kubectl.js';
import { startKubectlCreate, type KubectlCreate } from './support/kubectl-create.js';
import { CORPUS, ROOT } from './support/corpus.js';

// core-rules, "lenient YAML": a document kubectl accepts is linted. Every manifest file of the shared
// corpus, the fixtures and the examples goes through `kubectl create --dry-run=client -f` (against
// a local stand-in for the API server's discovery, see support/kubectl-create.ts) and through
// stslint's parser: every object kubectl would create must be among the objects stslint lints.
// stslint may read more than kubectl (a StatefulSet without apiVersion is linted as apps/v1), never less.

const MANIFEST = /\.(ya?ml|json)$/i;
const CONCURRENCY = 4;

function manifestFiles(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((entry) => MANIFEST.test(entry))
    .map((entry) => path.join(root, entry))
    .sort();
}

const files = [
  ...manifestFiles(CORPUS),
  ...manifestFiles(path.join(ROOT, 'fixtures')),
  ...manifestFiles(path.join(ROOT, 'examples')),
].sort();

/** `<kind>/<name>` of each object, counted. */
function counted(objects: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const object of objects) counts.set(object, (counts.get(object) ?? 0) + 1);
  return counts;
}

interface FileVerdict {
  file: string;
  kubectl: string[];
  kubectlErrors: string[];
  stslint: string[];
  lenient: boolean;
}

reportKubectlSkip('the comparison with kubectl create --dry-run=client');
if (!existsSync(CORPUS)) console.warn(`skipping the corpus files of the kubectl comparison: ${CORPUS} is not there`);

describe.skipIf(!KUBECTL.available)('kubectl create --dry-run=client and stslint read the same objects', () => {
  let kubectl: KubectlCreate;
  const verdicts: FileVerdict[] = [];

  beforeAll(async () => {
    const texts = new Map(files.map((file) => [file, readFileSync(file, 'utf8').replace(/^\uFEFF/, '')]));
    kubectl = await startKubectlCreate(texts.values());
    const queue = [...files];
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
          const parsed = parseDocuments({ path: file, text: texts.get(file)! }, PARSE_OPTIONS);
          const accepted = await kubectl.accepted(file);
          verdicts.push({
            file,
            kubectl: accepted.objects,
            kubectlErrors: accepted.errors,
            stslint: parsed.documents.map((document) => `${document.kind}/${document.name}`),
            lenient: parsed.problems.some((problem) => problem.code === 'KUBECTL_LENIENT'),
          });
        }
      }),
    );
    verdicts.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  }, 300_000);

  afterAll(async () => {
    await kubectl?.close();
  });

  it('compares every file of the corpus, the fixtures and the examples', () => {
    expect(verdicts.map((verdict) => verdict.file)).toEqual(files);
    expect(verdicts.some((verdict) => verdict.kubectl.length > 0)).toBe(true);
  });

  it('drops no object that kubectl accepts', () => {
    const dropped: string[] = [];
    for (const verdict of verdicts) {
      const ours = counted(verdict.stslint);
      for (const [object, count] of counted(verdict.kubectl)) {
        if ((ours.get(object) ?? 0) < count) dropped.push(`${path.relative(path.dirname(ROOT), verdict.file)}: ${object}`);
      }
    }
    expect(dropped).toEqual([]);
  });

  it('says "kubectl tolerates" only of files kubectl parses', () => {
    const lenient = verdicts.filter((verdict) => verdict.lenient);
    expect(lenient.length).toBeGreaterThan(0);
    const rejected = lenient.filter((verdict) => verdict.kubectlErrors.some((error) => /error parsing|error converting YAML/.test(error)));
    expect(rejected.map((verdict) => `${verdict.file}: ${verdict.kubectlErrors.join(' | ')}`)).toEqual([]);
  });
});
