/**
 * Shapes of the data-store family table (`data-store-families.ts`): how a family is recognised and
 * what shows that its replicas are joined into one cluster (statefulset-semantics §5.2–5.4).
 */

/**
 * One sign that replication or clustering is configured. Exactly one field is set.
 *
 * - `env`: an environment variable name (`*` matches any run of characters, e.g. `*_SEEDS`) set on
 *   any container or init container, or a key of a ConfigMap the pod mounts or reads.
 * - `text`: a pattern found in `command`, `args`, `env` (as `NAME=value`), `lifecycle` hooks of any
 *   container or init container, or in the `data` of a ConfigMap the pod mounts or reads.
 * - `image`: the repository of any container's or init container's image (same pattern syntax as
 *   {@link DataStoreFamily.imageRepositories}), e.g. a clustering sidecar.
 * - `podNameEnv`: an environment variable of that name set from `fieldRef: metadata.name`.
 */
export type ReplicationIndicator =
  | { env: string }
  | { text: RegExp }
  | { image: string }
  | { podNameEnv: string };

/** Indicators of which at least one must be found; `description` says what they stand for. */
export interface ReplicationIndicatorGroup {
  description: string;
  indicators: readonly ReplicationIndicator[];
}

/**
 * How the members of a family find each other, which decides the advice given when nothing does:
 * `primary-replica` (role from the ordinal, clone from the previous pod, replicas follow pod 0),
 * `peer-list` (id from the ordinal, every member listed), `seed` (every pod joins a seed address),
 * `replica-set` (MongoDB: a named replica set that something initiates).
 */
export type ClusterTopology = 'primary-replica' | 'peer-list' | 'seed' | 'replica-set';

/** A family of data-store servers (core-rules, "A data store"; statefulset-semantics §5.3). */
export interface DataStoreFamily {
  /** Stable kebab-case id, e.g. `postgresql`. */
  id: string;
  /** Name used in messages, e.g. `PostgreSQL`. */
  displayName: string;
  /**
   * Image repositories recognised, compared without registry, tag or digest and without a leading
   * `library/`. An entry without `/` is compared with the last path segment (`postgres` matches
   * `docker.io/library/postgres:16`); an entry with `/` with the trailing segments
   * (`pires/docker-elasticsearch-kubernetes`). `*` matches any run of characters.
   */
  imageRepositories: readonly string[];
  /**
   * Servers recognised when a container starts them (`command`/`args`, also inside `sh -c`):
   * space-separated words, the first compared with the program's base name without `.sh`
   * (`kafka-server-start` matches `./bin/kafka-server-start.sh`), the others with the words after it
   * (`pulsar zookeeper` matches `exec bin/pulsar zookeeper`).
   */
  serverCommands: readonly string[];
  topology: ClusterTopology;
  /**
   * What shows that the family's replicas form one cluster: bootstrap is present when every group
   * has at least one indicator found (most families have one group; MongoDB has two).
   */
  replicationIndicators: readonly ReplicationIndicatorGroup[];
  /**
   * Whether the family-independent signs (ordinal derivation, `<name>-0.<serviceName>` peer names,
   * generic replication variables, clustering helpers) count as bootstrap on their own. False for
   * MongoDB, whose replica set must be both named and initiated.
   */
  genericBootstrapCounts: boolean;
  /**
   * Settings that start clustering but do not finish it on their own (Redis `cluster-enabled yes`
   * without `redis-cli --cluster create`): not bootstrap, but when present the finding says that
   * clustering was started and not finished. `description` names the settings.
   */
  unfinishedSetup?: ReplicationIndicatorGroup;
  /**
   * A condition without which the server is not a data store in the sense of the rules (Vault only
   * with integrated raft storage, NATS only with JetStream).
   */
  requires?: ReplicationIndicatorGroup;
  /**
   * Whether the family's members elect or form a quorum (lifecycle-rules, "A quorum store"), and
   * whether they must find a quorum before any of them is Ready ("A quorum-first store"). Absent:
   * never a quorum store (MySQL without Galera, PostgreSQL, Redis, MinIO, CouchDB).
   */
  quorum?: QuorumMembership;
}

/**
 * When a family's StatefulSet is a quorum store (lifecycle-rules, "Shared terms"). Indicator
 * groups are searched like replication indicators (`replication.ts`).
 */
export interface QuorumMembership {
  /** Settings without which the members form no quorum (Kafka in KRaft mode, a MongoDB replica set, Galera); absent: always. */
  when?: ReplicationIndicatorGroup;
  /** Settings that take the members out of the quorum (Elasticsearch nodes that are not master-eligible). */
  unless?: ReplicationIndicatorGroup;
  /**
   * Whether members cannot become Ready before a quorum of them has found each other: always
   * (`true`), never (`false`: a first member is Ready alone), or when these settings are found
   * (Consul's `-bootstrap-expect` above 1, Kafka's controller role).
   */
  quorumFirst: boolean | ReplicationIndicatorGroup;
}

/**
 * True when `name` matches `pattern` exactly, where `*` in the pattern matches any run of
 * characters (`*_SEEDS` matches `CASSANDRA_SEEDS`, `spilo-*` matches `spilo-16`). Case-sensitive;
 * used for environment variable names and image repositories in the data-store family table
 * (`data-store-families.ts`).
 */
export function dataStoreNameMatches(name: string, pattern: string): boolean {
  if (!pattern.includes('*')) return name === pattern;
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`).test(name);
}

/**
 * True when an image repository (`dataStoreImageRepository`) matches an entry of
 * `DataStoreFamily.imageRepositories`: an entry without `/` is compared with the last path segment
 * (`postgresql` matches `bitnami/postgresql`), an entry with `/` with as many trailing segments as
 * it has (`pires/docker-elasticsearch-kubernetes`). `*` matches any run of characters.
 */
export function dataStoreRepositoryMatches(repository: string, pattern: string): boolean {
  const wanted = pattern.split('/');
  const segments = repository.split('/');
  if (segments.length < wanted.length) return false;
  const tail = segments.slice(segments.length - wanted.length);
  return wanted.every((part, position) => dataStoreNameMatches(tail[position]!, part));
}

/**
 * The repository of a container image reference, as data-store detection compares it: without
 * registry host, tag or digest, lower-cased, and without Docker Hub's `library/` prefix.
 * `docker.io/bitnami/postgresql:16` → `bitnami/postgresql`; `postgres@sha256:…` → `postgres`;
 * `public.ecr.aws/docker/library/redis:8` → `docker/library/redis` (its last segment is what most
 * family entries compare). The first segment is a registry when it contains `.` or `:` or is
 * `localhost` (the rule of the reference grammar, distribution/reference). `undefined` for an empty
 * or non-string image.
 *
 * @see https://kubernetes.io/docs/concepts/containers/images/#image-names
 */
export function dataStoreImageRepository(image: unknown): string | undefined {
  if (typeof image !== 'string') return undefined;
  let reference = image.trim().toLowerCase();
  const at = reference.indexOf('@');
  if (at !== -1) reference = reference.slice(0, at);
  const segments = reference.split('/');
  const last = segments.length - 1;
  const colon = segments[last]!.indexOf(':');
  if (colon !== -1) segments[last] = segments[last]!.slice(0, colon);
  if (segments.length > 1 && /[.:]|^localhost$/.test(segments[0]!)) segments.shift();
  if (segments.length > 1 && segments[0] === 'library') segments.shift();
  const repository = segments.join('/');
  return repository === '' || segments.some((segment) => segment === '') ? undefined : repository;
}
