import { asArray, asRecord, asString, isRecord, scalarString, type PlainRecord } from './plain-value.js';
import { podTemplateLabels } from './pod-template.js';

/** Kinds of `apps/v1`; a controller of one of these is not an operator. */
const APPS_KINDS = new Set(['Deployment', 'DaemonSet', 'ReplicaSet', 'StatefulSet', 'ControllerRevision']);

/**
 * Labels that operators put on the StatefulSets they own (statefulset-semantics §5.4, confirmed
 * from the operators' public manifests): a label key, and the value it must have (any value when
 * absent).
 */
const OPERATOR_LABELS: readonly { key: string; value?: RegExp }[] = [
  { key: 'strimzi.io/cluster' },
  { key: 'cnpg.io/cluster' },
  { key: 'postgres-operator.crunchydata.com/cluster' },
  { key: 'elasticsearch.k8s.elastic.co/cluster-name' },
  { key: 'application', value: /^spilo$/ },
  { key: 'cassandra.datastax.com/cluster' },
  { key: 'k8ssandra.io/cluster-name' },
  { key: 'scylla/cluster' },
  { key: 'clickhouse.altinity.com/chi' },
  { key: 'apps.kubeblocks.io/component-name' },
  // app.kubernetes.io/managed-by names the tool that manages the object (kubernetes.io "Recommended
  // Labels"); Helm writes `Helm`, operators their own name (`percona-server-mongodb-operator`).
  { key: 'app.kubernetes.io/managed-by', value: /operator|^kubedb\.com$|^kubeblocks$/i },
];

/**
 * True when an operator manages the StatefulSet, so replication is its job (statefulset-semantics
 * §5.4): a controller `ownerReference` (`controller: true`) to a kind outside `apps/v1` (judged by
 * `apiVersion` when given, else by kind; operator fixtures often drop `apiVersion`), or a
 * well-known operator label on the StatefulSet or its pod template.
 *
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/owners-dependents/
 */
export function isOperatorManaged(statefulSet: PlainRecord): boolean {
  const metadata = asRecord(statefulSet.metadata);
  for (const owner of asArray(metadata.ownerReferences)) {
    if (!isRecord(owner) || owner.controller !== true) continue;
    const apiVersion = asString(owner.apiVersion);
    if (apiVersion !== undefined ? !/^apps\/v1(beta\d+)?$/.test(apiVersion) : !APPS_KINDS.has(asString(owner.kind) ?? '')) return true;
  }
  return [asRecord(metadata.labels), podTemplateLabels(statefulSet)].some((labels) =>
    OPERATOR_LABELS.some(({ key, value }) => {
      const text = scalarString(labels[key]);
      return text !== undefined && (value === undefined || value.test(text));
    }),
  );
}
