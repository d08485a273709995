/**
 * Data-store detection: which family of data-store server a StatefulSet's main container runs
 * (core-rules, "A data store"), judged by the server it starts or else by its image.
 */
import { asArray, asString, type PlainRecord } from './plain-value.js';
import { DATA_STORE_FAMILIES } from './data-store-families.js';
import { dataStoreImageRepository, dataStoreRepositoryMatches, type DataStoreFamily } from './data-store-family.js';
import { findMainContainer, type PodContainer } from './pod-template.js';
import { replicationEvidence, replicationIndicatorFound } from './replication.js';

/** A StatefulSet whose main container runs a data store. */
export interface DetectedDataStore {
  family: DataStoreFamily;
  /** The main container (`findMainContainer`). */
  container: PodContainer;
  /** The container's `image` as written (`''` when absent). */
  image: string;
  /** The container's `name` (`''` when absent). */
  containerName: string;
}

/**
 * The data-store family the StatefulSet's main container runs, or `undefined` (core-rules, "A data
 * store"). The server the container starts in `command`/`args` decides first (a general-purpose
 * image running `mysqld`, or a Kafka image running `zookeeper-server-start.sh`); else the image's
 * repository name, without registry or tag (`data-store-families.ts`). A family with a condition
 * counts only when the pod template or the given ConfigMaps (those the pods mount or read, as
 * plain objects) meet it: Vault only with raft storage, NATS only with JetStream. `undefined` when
 * the pod template has no containers.
 */
export function detectDataStore(statefulSet: PlainRecord, configMaps: readonly PlainRecord[] = []): DetectedDataStore | undefined {
  const main = findMainContainer(statefulSet);
  if (!main) return undefined;
  const family = familyByCommand(main.container) ?? familyByImage(main.container.image);
  if (!family) return undefined;
  if (family.requires) {
    const evidence = replicationEvidence(statefulSet, configMaps);
    if (!family.requires.indicators.some((indicator) => replicationIndicatorFound(indicator, evidence))) return undefined;
  }
  return { family, container: main, image: asString(main.container.image) ?? '', containerName: asString(main.container.name) ?? '' };
}

function familyByCommand(container: PlainRecord): DataStoreFamily | undefined {
  const lines = dataStoreCommandLines(container);
  return DATA_STORE_FAMILIES.find((family) =>
    family.serverCommands.some((command) => {
      const wanted = command.split(' ');
      return lines.some((line) => wanted.every((word, position) => line[position] === word));
    }),
  );
}

function familyByImage(image: unknown): DataStoreFamily | undefined {
  const repository = dataStoreImageRepository(image);
  if (repository === undefined) return undefined;
  return DATA_STORE_FAMILIES.find((family) => family.imageRepositories.some((pattern) => dataStoreRepositoryMatches(repository, pattern)));
}

/** Words that run the next word as the program: `exec mysqld`, `gosu mysql mysqld` (user skipped). */
const WRAPPERS = new Set(['exec', 'nohup', 'tini', 'dumb-init', '--', 'env', 'time', 'command']);
const USER_WRAPPERS = new Set(['gosu', 'su-exec']);
/** Shells whose `-c` argument is a script. */
const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh']);
/** Shell separators after which a new command starts. */
const SEPARATORS = /\n|;|&&|\|\||\||\$\(|`|\(|\)|\{|\}/;

/**
 * The commands a container starts, each as a list of words beginning at a command position, for
 * matching a family's `serverCommands`. Taken from `[...command, ...args]` as one command line,
 * and, when that line runs a shell with `-c` (`sh -c`, `bash -ec`), from the script argument read
 * as shell text, split at newlines, `;`, `&&`, `||`, `|`, `$(`, backquotes and braces. Leading `VAR=value` assignments, `exec`/`env`/`nohup`/`tini`/
 * `dumb-init`, `gosu <user>`/`su-exec <user>` and image entrypoint scripts (`*entrypoint.sh`) are
 * skipped, and the first word is reduced to its base name without `.sh`
 * (`./bin/kafka-server-start.sh` → `kafka-server-start`). Quotes are dropped. Non-string entries of
 * `command`/`args` are ignored.
 *
 * @see https://kubernetes.io/docs/tasks/inject-data-application/define-command-argument-container/
 */
export function dataStoreCommandLines(container: PlainRecord): string[][] {
  const argv = [...asArray(container.command), ...asArray(container.args)].filter((word): word is string => typeof word === 'string');
  const lines = [commandStart(argv.flatMap(words))];
  const script = shellScript(argv);
  if (script !== undefined) {
    for (const segment of script.split(SEPARATORS)) lines.push(commandStart(words(segment)));
  }
  return lines.filter((line) => line.length > 0);
}

/** The script of `sh -c <script>` (any shell of {@link SHELLS}, flags such as `-ec` allowed). */
function shellScript(argv: readonly string[]): string | undefined {
  const [program, ...rest] = argv.flatMap((element, position) => (position === 0 ? words(element) : [element]));
  if (program === undefined || !SHELLS.has(baseName(program))) return undefined;
  const flag = rest.findIndex((word) => /^-[a-z]*c[a-z]*$/.test(word));
  return flag === -1 ? undefined : rest[flag + 1];
}

function words(text: string): string[] {
  return text
    .split(/\s+/)
    .map((word) => word.replace(/^["']+|["']+$/g, ''))
    .filter((word) => word !== '');
}

function commandStart(line: readonly string[]): string[] {
  let position = 0;
  while (position < line.length) {
    const word = line[position]!;
    const name = baseName(word);
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(word) || WRAPPERS.has(name) || /entrypoint$/.test(name)) position += 1;
    else if (USER_WRAPPERS.has(name)) position += 2;
    else break;
  }
  const rest = line.slice(position);
  if (rest.length === 0) return [];
  return [baseName(rest[0]!), ...rest.slice(1)];
}

function baseName(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1).replace(/\.sh$/, '');
}
