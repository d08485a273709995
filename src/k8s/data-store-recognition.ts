/**
 * Which data-store family a container runs, judged by what it does (core-rules, "A data store"):
 * the server it starts, its image (the family's own or an image that wraps the family's server),
 * or, for an image whose name says nothing, the family's data directory mounted together with the
 * family's server port declared.
 */
import { asArray, asRecord, asString, isRecord, type PlainRecord } from './plain-value.js';
import { DATA_STORE_FAMILIES } from './data-store-families.js';
import { dataStoreImageRepository, dataStoreRepositoryMatches, type DataStoreFamily } from './data-store-family.js';

/**
 * How a family's servers are recognised beyond the family table's own images and server
 * commands (`data-store-families.ts`): one entry per family, each citing its sources.
 */
export interface DataStoreRecognition {
  /**
   * Images that wrap the family's server: it runs inside them under a supervisor or entry script
   * (Patroni, Stolon, Confluent's images). Same pattern syntax as `DataStoreFamily.imageRepositories`.
   */
  wrapperImages: readonly string[];
  /**
   * The family's documented data directories. A mount counts when its `mountPath` is one of them,
   * lies inside one, or is the directory that holds one (not `/`).
   */
  dataDirectories: readonly string[];
  /** Environment variables whose value names the data directory (`PGDATA`). */
  dataDirectoryVariables?: readonly string[];
  /** The family's server ports (`containerPort`); one must be declared along with the data directory. */
  serverPorts: readonly number[];
  /** Where the images, directories and ports come from. */
  sources: readonly string[];
}

/**
 * The recognition table, keyed by family id (`DataStoreFamily.id`). Families without data
 * directories or ports here (Redis, Kafka, NATS…) are recognised by image or command only, as
 * core-rules lists directories and ports only for these. `/bitnami/<family>` is where Bitnami's
 * images keep their data (bitnami/containers, each image's README "Persisting your database").
 */
export const DATA_STORE_RECOGNITION: Readonly<Record<string, DataStoreRecognition>> = {
  postgresql: {
    wrapperImages: ['patroni', 'patroni-*', 'spilo', 'spilo-*', 'stolon'],
    dataDirectories: ['/var/lib/postgresql/data', '/bitnami/postgresql'],
    dataDirectoryVariables: ['PGDATA'],
    serverPorts: [5432],
    sources: [
      'core-rules "A data store": Patroni, Spilo and Stolon wrap PostgreSQL; /var/lib/postgresql/data or $PGDATA; 5432',
      'docker-library postgres README ("PGDATA"); github.com/zalando/patroni kubernetes/Dockerfile; github.com/sorintlab/stolon (image sorintlab/stolon runs stolon-keeper over postgres)',
    ],
  },
  mysql: {
    wrapperImages: [],
    dataDirectories: ['/var/lib/mysql', '/bitnami/mysql'],
    serverPorts: [3306],
    sources: ['core-rules "A data store": /var/lib/mysql, 3306; docker-library mysql README ("Where to Store Data")'],
  },
  mariadb: {
    wrapperImages: [],
    dataDirectories: ['/var/lib/mysql', '/bitnami/mariadb'],
    serverPorts: [3306],
    sources: ['core-rules "A data store": /var/lib/mysql, 3306; docker-library mariadb README (MySQL\'s directory and port: the MySQL entry, first in the table, takes a custom image)'],
  },
  mongodb: {
    wrapperImages: [],
    dataDirectories: ['/data/db', '/bitnami/mongodb'],
    serverPorts: [27017],
    sources: ['core-rules "A data store": /data/db, 27017; docker-library mongo README ("Where to Store Data")'],
  },
  zookeeper: {
    wrapperImages: ['cp-zookeeper', 'k8szk'],
    dataDirectories: ['/var/lib/zookeeper', '/bitnami/zookeeper'],
    serverPorts: [2181, 2888],
    sources: [
      'core-rules "A data store": cp-zookeeper, k8szk; /var/lib/zookeeper; 2181 or 2888',
      'Confluent docs "Docker Image Configuration Reference" (cp-zookeeper, /var/lib/zookeeper/data); kubernetes/contrib statefulsets/zookeeper (k8szk)',
    ],
  },
  kafka: {
    wrapperImages: ['cp-kafka', 'cp-server', 'cp-enterprise-kafka', 'confluent-local'],
    dataDirectories: [],
    serverPorts: [],
    sources: [
      'core-rules "A data store": Confluent\'s cp-kafka, cp-server and confluent-local, started through /etc/confluent/docker/run',
      'Confluent docs "Docker Image Configuration Reference" (cp-enterprise-kafka is cp-server\'s name before 5.3)',
    ],
  },
  cassandra: {
    wrapperImages: [],
    dataDirectories: ['/var/lib/cassandra', '/bitnami/cassandra'],
    serverPorts: [9042, 7000],
    sources: ['core-rules "A data store": /var/lib/cassandra, 9042 or 7000; docker-library cassandra README'],
  },
  elasticsearch: {
    wrapperImages: [],
    dataDirectories: ['/usr/share/elasticsearch/data', '/bitnami/elasticsearch'],
    serverPorts: [9200, 9300],
    sources: ['core-rules "A data store": /usr/share/elasticsearch/data, 9200 or 9300; elastic.co "Install Elasticsearch with Docker"'],
  },
  etcd: {
    wrapperImages: [],
    dataDirectories: ['/var/lib/etcd', '/bitnami/etcd'],
    serverPorts: [2379, 2380],
    sources: ['core-rules "A data store": /var/lib/etcd, 2379 or 2380; etcd docs "Run etcd clusters inside containers"'],
  },
  rabbitmq: {
    wrapperImages: [],
    dataDirectories: ['/var/lib/rabbitmq', '/bitnami/rabbitmq'],
    serverPorts: [5672],
    sources: ['core-rules "A data store": /var/lib/rabbitmq, 5672; docker-library rabbitmq README'],
  },
  cockroachdb: {
    wrapperImages: [],
    dataDirectories: ['/cockroach/cockroach-data'],
    serverPorts: [26257],
    sources: ['core-rules "A data store": /cockroach/cockroach-data, 26257; cockroachlabs.com "Start a Cluster in Docker"'],
  },
  couchdb: {
    wrapperImages: [],
    dataDirectories: ['/opt/couchdb/data', '/bitnami/couchdb'],
    serverPorts: [5984],
    sources: ['core-rules "A data store": /opt/couchdb/data, 5984; docker-library couchdb README'],
  },
};

/** How a container was recognised as running a family's server. */
export type DataStoreEvidence = 'command' | 'image' | 'data-directory';

/** The family a container runs, and how that was seen. */
export interface ContainerDataStore {
  family: DataStoreFamily;
  by: DataStoreEvidence;
}

/**
 * The data-store family a container (an entry of `containers`) runs, or `undefined` (core-rules,
 * "A data store"), judged in this order:
 *
 * 1. the server it starts in `command`/`args` (`dataStoreCommandLines`): a general-purpose image
 *    running `mysqld`, a Kafka image running `zookeeper-server-start.sh`;
 * 2. its image's repository, without registry or tag: a family's own image or one that wraps the
 *    family's server ({@link DATA_STORE_RECOGNITION}'s `wrapperImages`);
 * 3. for any other image, a volume mounted at the family's data directory together with one of the
 *    family's server ports in `ports[].containerPort`: both, so that an application that happens to
 *    use one of them is not taken for a database. A container without an image is not judged so:
 *    the image is set elsewhere (an operator, a kustomize overlay), and what it runs is unknown.
 *
 * Where two families match, the family table's order decides. Conditions of a family (Vault with
 * raft storage, NATS with JetStream) are not judged here but by `detectDataStore`.
 */
export function containerDataStoreFamily(container: PlainRecord): ContainerDataStore | undefined {
  const byCommand = familyByCommand(container);
  if (byCommand) return { family: byCommand, by: 'command' };
  const byImage = familyByImage(container.image);
  if (byImage) return { family: byImage, by: 'image' };
  const byDirectory = familyByDataDirectory(container);
  return byDirectory ? { family: byDirectory, by: 'data-directory' } : undefined;
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
  return DATA_STORE_FAMILIES.find((family) =>
    [...family.imageRepositories, ...(DATA_STORE_RECOGNITION[family.id]?.wrapperImages ?? [])].some((pattern) => dataStoreRepositoryMatches(repository, pattern)),
  );
}

function familyByDataDirectory(container: PlainRecord): DataStoreFamily | undefined {
  // A container without an image (an operator's rendered template, a kustomize base whose image is
  // set later) has no image whose name could say nothing: what it runs is unknown.
  if (dataStoreImageRepository(container.image) === undefined) return undefined;
  const mountPaths = asArray(container.volumeMounts)
    .map((mount) => asString(asRecord(mount).mountPath))
    .filter((mountPath): mountPath is string => mountPath !== undefined && mountPath.startsWith('/'))
    .map(normalizePath);
  if (mountPaths.length === 0) return undefined;
  const ports = new Set(asArray(container.ports).map((port) => asRecord(port).containerPort));
  const env = new Map(
    asArray(container.env)
      .filter(isRecord)
      .map((entry) => [asString(entry.name), asString(entry.value)] as const),
  );
  return DATA_STORE_FAMILIES.find((family) => {
    const recognition = DATA_STORE_RECOGNITION[family.id];
    if (!recognition || !recognition.serverPorts.some((port) => ports.has(port))) return false;
    const directories = [
      ...recognition.dataDirectories,
      ...(recognition.dataDirectoryVariables ?? []).flatMap((name) => {
        const value = env.get(name);
        return value?.startsWith('/') ? [normalizePath(value)] : [];
      }),
    ];
    return mountPaths.some((mountPath) => directories.some((directory) => holdsDataDirectory(mountPath, directory)));
  });
}

/** True when a volume mounted at `mountPath` holds `directory`: the same path, inside it, or its holder (not `/`). */
function holdsDataDirectory(mountPath: string, directory: string): boolean {
  if (mountPath === directory || mountPath.startsWith(`${directory}/`)) return true;
  return mountPath !== '/' && directory.startsWith(`${mountPath}/`);
}

/** `/var/lib/mysql/` → `/var/lib/mysql`; repeated slashes collapsed. */
function normalizePath(path: string): string {
  const collapsed = path.replace(/\/+/g, '/');
  return collapsed.length > 1 ? collapsed.replace(/\/$/, '') : collapsed;
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
