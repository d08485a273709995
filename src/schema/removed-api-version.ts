/** A group/version that the API server no longer serves for a kind. */
export interface RemovedApiVersion {
  /** The Kubernetes release that stopped serving it, e.g. `'1.16'`. */
  removedIn: string;
  /** The apiVersion to use instead, or `undefined` when the kind itself is gone (PodSecurityPolicy). */
  replacement: string | undefined;
}

export type RemovedApiVersionRow = readonly [apiVersion: string, removedIn: string, kinds: string, replacement: string | undefined];

/**
 * Removed beta versions of built-in kinds, from the Kubernetes Deprecated API Migration Guide
 * (https://kubernetes.io/docs/reference/using-api/deprecation-guide/) and the 1.16 removal notice
 * (https://kubernetes.io/blog/2019/07/18/api-deprecations-in-1-16/). Alpha versions are left out.
 */
export const REMOVED_API_VERSIONS: readonly RemovedApiVersionRow[] = [
  ['extensions/v1beta1', '1.16', 'DaemonSet Deployment ReplicaSet', 'apps/v1'],
  ['extensions/v1beta1', '1.16', 'NetworkPolicy', 'networking.k8s.io/v1'],
  ['extensions/v1beta1', '1.16', 'PodSecurityPolicy', undefined],
  ['apps/v1beta1', '1.16', 'Deployment StatefulSet ReplicaSet ControllerRevision', 'apps/v1'],
  ['apps/v1beta2', '1.16', 'DaemonSet Deployment StatefulSet ReplicaSet ControllerRevision', 'apps/v1'],
  ['extensions/v1beta1', '1.22', 'Ingress', 'networking.k8s.io/v1'],
  ['networking.k8s.io/v1beta1', '1.22', 'Ingress IngressClass', 'networking.k8s.io/v1'],
  ['admissionregistration.k8s.io/v1beta1', '1.22', 'MutatingWebhookConfiguration ValidatingWebhookConfiguration', 'admissionregistration.k8s.io/v1'],
  ['apiextensions.k8s.io/v1beta1', '1.22', 'CustomResourceDefinition', 'apiextensions.k8s.io/v1'],
  ['apiregistration.k8s.io/v1beta1', '1.22', 'APIService', 'apiregistration.k8s.io/v1'],
  ['authentication.k8s.io/v1beta1', '1.22', 'TokenReview', 'authentication.k8s.io/v1'],
  ['authorization.k8s.io/v1beta1', '1.22', 'LocalSubjectAccessReview SelfSubjectAccessReview SelfSubjectRulesReview SubjectAccessReview', 'authorization.k8s.io/v1'],
  ['certificates.k8s.io/v1beta1', '1.22', 'CertificateSigningRequest', 'certificates.k8s.io/v1'],
  ['coordination.k8s.io/v1beta1', '1.22', 'Lease', 'coordination.k8s.io/v1'],
  ['rbac.authorization.k8s.io/v1beta1', '1.22', 'ClusterRole ClusterRoleBinding Role RoleBinding', 'rbac.authorization.k8s.io/v1'],
  ['scheduling.k8s.io/v1beta1', '1.22', 'PriorityClass', 'scheduling.k8s.io/v1'],
  ['storage.k8s.io/v1beta1', '1.22', 'CSIDriver CSINode StorageClass VolumeAttachment', 'storage.k8s.io/v1'],
  ['batch/v1beta1', '1.25', 'CronJob', 'batch/v1'],
  ['discovery.k8s.io/v1beta1', '1.25', 'EndpointSlice', 'discovery.k8s.io/v1'],
  ['events.k8s.io/v1beta1', '1.25', 'Event', 'events.k8s.io/v1'],
  ['autoscaling/v2beta1', '1.25', 'HorizontalPodAutoscaler', 'autoscaling/v2'],
  ['policy/v1beta1', '1.25', 'PodDisruptionBudget', 'policy/v1'],
  ['policy/v1beta1', '1.25', 'PodSecurityPolicy', undefined],
  ['node.k8s.io/v1beta1', '1.25', 'RuntimeClass', 'node.k8s.io/v1'],
  ['autoscaling/v2beta2', '1.26', 'HorizontalPodAutoscaler', 'autoscaling/v2'],
  ['flowcontrol.apiserver.k8s.io/v1beta1', '1.26', 'FlowSchema PriorityLevelConfiguration', 'flowcontrol.apiserver.k8s.io/v1'],
  ['storage.k8s.io/v1beta1', '1.27', 'CSIStorageCapacity', 'storage.k8s.io/v1'],
  ['flowcontrol.apiserver.k8s.io/v1beta2', '1.29', 'FlowSchema PriorityLevelConfiguration', 'flowcontrol.apiserver.k8s.io/v1'],
  ['flowcontrol.apiserver.k8s.io/v1beta3', '1.32', 'FlowSchema PriorityLevelConfiguration', 'flowcontrol.apiserver.k8s.io/v1'],
];

/**
 * Whether `apiVersion` of `kind` is one the API server stopped serving, and since when:
 * `removedApiVersion('apps/v1beta2', 'StatefulSet')` → `{ removedIn: '1.16', replacement: 'apps/v1' }`;
 * `undefined` for a served version, an unknown kind, or a custom resource's own group.
 */
export function removedApiVersion(apiVersion: string, kind: string): RemovedApiVersion | undefined {
  const row = REMOVED_API_VERSIONS.find(([version, , kinds]) => version === apiVersion && kinds.split(' ').includes(kind));
  return row ? { removedIn: row[1], replacement: row[3] } : undefined;
}
