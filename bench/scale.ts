/**
 * How stslint scales with the size of its input: wall time, throughput and peak memory of the CLI on
 * synthetic repositories generated from the shared corpus, and on files of many StatefulSets.
 *
 *   npm run bench:scale -- [--sizes 5,25,100] [--objects 1000,5000] [--jobs 1,auto]
 *                          [--cli dist/stslint.cjs] [--baseline <other stslint.cjs>] [--keep]
 *
 * Inputs, generated in a temporary folder (removed afterwards unless `--keep`):
 * - `corpus-<N>mb/`: copies of `../shared/corpus` until N MB, each copy in a folder of its own with
 *   every object moved to a namespace of its own (`copy-<i>`), as a monorepo of rendered charts;
 * - `statefulsets-<N>.yaml`: one file of N StatefulSets, each with its headless Service, in one
 *   namespace (a `helm template` of a large umbrella chart);
 * - `services-<N>.yaml`: one namespace of N Services and N/10 StatefulSets.
 *
 * Each input is linted by a fresh CLI process (`--format json -o /dev/null`) under `/usr/bin/time`,
 * once per `--jobs` value (the flag is left out for a CLI that lacks it, so an older build can be the
 * baseline), and the table gives wall time, MB/s, peak RSS and the growth ratios between sizes. With
 * `--baseline`, every row is also run with that CLI and the ratio is printed beside it.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isMap, parseAllDocuments } from 'yaml';
import { CORPUS, corpusFolders } from '../test/support/corpus.js';

interface Options {
  sizes: number[];
  objects: number[];
  jobs: string[];
  cli: string;
  baseline: string | undefined;
  keep: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { sizes: [5, 25, 100], objects: [1000, 5000], jobs: ['1', 'auto'], cli: 'dist/stslint.cjs', baseline: undefined, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = (): string => argv[++i] ?? '';
    if (arg === '--sizes') options.sizes = value().split(',').filter(Boolean).map(Number);
    else if (arg === '--objects') options.objects = value().split(',').filter(Boolean).map(Number);
    else if (arg === '--jobs') options.jobs = value().split(',').filter(Boolean);
    else if (arg === '--cli') options.cli = value();
    else if (arg === '--baseline') options.baseline = value();
    else if (arg === '--keep') options.keep = true;
    else {
      console.error(`bench: unknown argument ${arg}\nusage: npm run bench:scale -- [--sizes 5,25,100] [--objects 1000,5000] [--jobs 1,auto] [--cli <path>] [--baseline <path>] [--keep]`);
      process.exit(2);
    }
  }
  return options;
}

/** Every corpus file, read once: folder, name, text. */
function readCorpus(): { folder: string; name: string; text: string }[] {
  return corpusFolders().flatMap((folder) =>
    readdirSync(path.join(CORPUS, folder))
      .filter((name) => /\.(ya?ml|json)$/i.test(name))
      .map((name) => ({ folder, name, text: readFileSync(path.join(CORPUS, folder, name), 'utf8') })),
  );
}

/** The file with every object's `metadata.namespace` set to `namespace` (kept as is when it does not parse). */
function inNamespace(text: string, name: string, namespace: string): string {
  if (name.endsWith('.json')) return text;
  const documents = parseAllDocuments(text);
  if (!Array.isArray(documents) || documents.some((document) => document.errors.length > 0)) return text;
  for (const document of documents) {
    if (!isMap(document.contents) || !document.has('kind')) continue;
    if (!isMap(document.get('metadata'))) continue;
    document.setIn(['metadata', 'namespace'], namespace);
  }
  return documents.map((document) => document.toString()).join('---\n');
}

function generateCorpusCopies(root: string, megabytes: number, corpus: ReturnType<typeof readCorpus>): string {
  const folder = path.join(root, `corpus-${megabytes}mb`);
  let bytes = 0;
  for (let copy = 0; bytes < megabytes * 1024 * 1024; copy++) {
    const namespace = `copy-${copy}`;
    for (const file of corpus) {
      if (bytes >= megabytes * 1024 * 1024) break;
      const target = path.join(folder, namespace, file.folder);
      mkdirSync(target, { recursive: true });
      const text = inNamespace(file.text, file.name, namespace);
      writeFileSync(path.join(target, file.name), text);
      bytes += Buffer.byteLength(text);
    }
  }
  return folder;
}

function statefulSetWithService(i: number): string {
  const name = `db-${i}`;
  return `apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: load
spec:
  clusterIP: None
  selector:
    app.kubernetes.io/name: ${name}
  ports:
    - name: postgres
      port: 5432
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: ${name}
  namespace: load
spec:
  serviceName: ${name}
  replicas: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: ${name}
  template:
    metadata:
      labels:
        app.kubernetes.io/name: ${name}
    spec:
      containers:
        - name: postgres
          image: docker.io/library/postgres:16.4
          volumeMounts:
            - name: data
              mountPath: /var/lib/postgresql/data
  volumeClaimTemplates:
    - metadata:
        name: data
      spec:
        accessModes: ["ReadWriteOnce"]
        storageClassName: standard-rwo
        resources:
          requests:
            storage: 10Gi
`;
}

function generateStatefulSets(root: string, count: number): string {
  const file = path.join(root, `statefulsets-${count}.yaml`);
  writeFileSync(file, Array.from({ length: count }, (_, i) => statefulSetWithService(i)).join('---\n'));
  return file;
}

function generateServices(root: string, count: number): string {
  const file = path.join(root, `services-${count}.yaml`);
  const documents: string[] = [];
  for (let i = 0; i < count; i++) {
    if (i % 10 === 0) documents.push(statefulSetWithService(i));
    else documents.push(`apiVersion: v1\nkind: Service\nmetadata:\n  name: web-${i}\n  namespace: load\nspec:\n  selector:\n    app: web-${i}\n  ports:\n    - port: 80\n`);
  }
  writeFileSync(file, documents.join('---\n'));
  return file;
}

function sizeOf(target: string): number {
  const stat = statSync(target);
  if (stat.isFile()) return stat.size;
  return readdirSync(target, { recursive: true, encoding: 'utf8' }).reduce((sum, entry) => {
    const entryStat = statSync(path.join(target, entry));
    return sum + (entryStat.isFile() ? entryStat.size : 0);
  }, 0);
}

interface Measure {
  seconds: number;
  rssMegabytes: number;
  exitCode: number;
}

function supportsJobs(cli: string): boolean {
  const help = spawnSync(process.execPath, [cli, '--help'], { encoding: 'utf8' });
  return help.stdout.includes('--jobs');
}

function run(cli: string, target: string, jobs: string | undefined): Measure {
  const args = [process.execPath, cli, '--format', 'json', '-o', '/dev/null', ...(jobs ? ['--jobs', jobs] : []), target];
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M', ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const [seconds, kilobytes] = result.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  if (result.status !== 0 && result.status !== 1) console.error(`bench: ${cli} exited ${result.status} on ${target}:\n${result.stderr.slice(0, 2000)}`);
  return { seconds: seconds!, rssMegabytes: kilobytes! / 1024, exitCode: result.status ?? -1 };
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  const root = mkdtempSync(path.join(os.tmpdir(), 'stslint-scale-'));
  try {
    const corpus = readCorpus();
    const inputs: { label: string; target: string; series: string; size: number }[] = [];
    for (const megabytes of options.sizes) inputs.push({ label: `corpus ${megabytes} MB`, target: generateCorpusCopies(root, megabytes, corpus), series: 'corpus', size: megabytes });
    for (const count of options.objects) inputs.push({ label: `${count} StatefulSets + Services, one file`, target: generateStatefulSets(root, count), series: 'statefulsets', size: count });
    for (const count of options.objects) inputs.push({ label: `${count} Services, one namespace`, target: generateServices(root, count), series: 'services', size: count });

    const clis = [{ name: 'stslint', cli: options.cli }, ...(options.baseline ? [{ name: 'baseline', cli: options.baseline }] : [])];
    const rows: { input: (typeof inputs)[number]; cli: string; jobs: string; measure: Measure; megabytes: number }[] = [];
    for (const input of inputs) {
      const megabytes = sizeOf(input.target) / (1024 * 1024);
      for (const { name, cli } of clis) {
        const jobsValues = supportsJobs(cli) ? options.jobs : ['(none)'];
        for (const jobs of jobsValues) {
          const measure = run(cli, input.target, jobs === '(none)' ? undefined : jobs);
          rows.push({ input, cli: name, jobs, measure, megabytes });
          console.error(`${input.label} · ${name} · jobs ${jobs}: ${measure.seconds.toFixed(2)} s, ${measure.rssMegabytes.toFixed(0)} MB`);
        }
      }
    }

    console.log(`\nnode ${process.version}, ${os.cpus().length} cores\n`);
    console.log('| input | MB | cli | --jobs | wall s | MB/s | peak RSS MB | RSS / input |');
    console.log('|---|---|---|---|---|---|---|---|');
    for (const { input, cli, jobs, measure, megabytes } of rows) {
      const throughput = megabytes / measure.seconds;
      console.log(`| ${input.label} | ${megabytes.toFixed(1)} | ${cli} | ${jobs} | ${measure.seconds.toFixed(2)} | ${throughput.toFixed(1)} | ${measure.rssMegabytes.toFixed(0)} | ${(measure.rssMegabytes / megabytes).toFixed(1)}× |`);
    }
    console.log('\nGrowth (time ratio of the largest to the smallest size of each series, same cli and --jobs):\n');
    for (const series of ['corpus', 'statefulsets', 'services']) {
      for (const { name } of clis) {
        const ofSeries = rows.filter((row) => row.input.series === series && row.cli === name);
        for (const jobs of [...new Set(ofSeries.map((row) => row.jobs))]) {
          const sorted = ofSeries.filter((row) => row.jobs === jobs).sort((a, b) => a.input.size - b.input.size);
          if (sorted.length < 2) continue;
          const first = sorted[0]!;
          const last = sorted.at(-1)!;
          console.log(`- ${series} ${name} jobs ${jobs}: ${last.input.size}/${first.input.size} size → ${(last.measure.seconds / first.measure.seconds).toFixed(2)}× time (${(last.megabytes / first.megabytes).toFixed(2)}× bytes)`);
        }
      }
    }
  } finally {
    if (options.keep) console.error(`inputs kept in ${root}`);
    else rmSync(root, { recursive: true, force: true });
  }
}

main();
