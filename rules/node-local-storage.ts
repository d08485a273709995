import { claimTemplateStorageClass, NODE_LOCAL_PROVISIONERS, persistentVolumeNodeBinding } from '../src/k8s/storage.js';
import { hostPathDataVolumes } from '../src/k8s/volumes.js';
import { defineRule, type RelatedReport, type RuleContext } from '../src/engine/rule.js';
import {
  findPersistentVolumesForClaim,
  findPersistentVolumesForPreCreatedClaim,
  findPreCreatedClaims,
  findStorageClass,
  type PersistentVolumeVariants,
} from '../src/index/claim-storage.js';
import { isEmptyLabelSelector } from '../src/k8s/label-selector.js';
import { asArray, asRecord, isRecord, scalarString, type PlainRecord } from '../src/k8s/plain-value.js';

type MessageId =
  | 'noProvisioner'
  | 'storageClass'
  | 'className'
  | 'persistentVolume'
  | 'hostPathPersistentVolume'
  | 'hostPathVolume'
  | 'preCreatedClaimsPersistentVolume'
  | 'preCreatedClaimsHostPath'
  | 'preCreatedClaimsStorageClass';
type Context = RuleContext<MessageId>;

/** What node-local storage does to a StatefulSet pod, in the messages' words (the rationale says why). */
const PINNED = 'a pod stays Pending if its node is lost';
const BINDING_WORDS = { local: 'is a local volume on one node', nodeAffinity: 'is pinned to a node here', hostPath: 'is a directory of the node that runs the pod' };

/** `PersistentVolume "a"`, `PersistentVolumes "a" and "b"`, `PersistentVolumes "a", "b", "c" and 2 more`. */
function volumesText(names: readonly string[]): string {
  const quoted = names.map((name) => `"${name}"`);
  if (quoted.length === 1) return `PersistentVolume ${quoted[0]}`;
  const more = quoted.length - 3;
  return `PersistentVolumes ${more > 0 ? `${quoted.slice(0, 3).join(', ')} and ${more} more` : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`}`;
}

/** Related locations for node-bound PersistentVolumes: where each is tied to a node. */
function volumesRelated(volumes: readonly PersistentVolumeVariants[]): RelatedReport[] {
  return volumes.map(({ name, variants }) => {
    const binding = persistentVolumeNodeBinding(variants[0]!.object)!;
    return { document: variants[0]!, path: binding.path, target: 'key', message: `PersistentVolume "${name}" ${BINDING_WORDS[binding.source]}` };
  });
}

/** Reports node-bound PersistentVolumes a claim template binds to, at the field it binds through. */
function reportVolumes(context: Context, claim: string, path: (string | number)[], volumes: readonly PersistentVolumeVariants[]): void {
  const pinned = volumes.filter((volume) => persistentVolumeNodeBinding(volume.variants[0]!.object)?.pinned);
  const shown = pinned.length > 0 ? pinned : volumes;
  const data = { claim, volumes: volumesText(shown.map((volume) => volume.name)) };
  context.report({ messageId: pinned.length > 0 ? 'persistentVolume' : 'hostPathPersistentVolume', data, path, related: volumesRelated(shown) });
}

/**
 * One finding at most per claim template, from the most direct evidence: PersistentVolumes bound
 * through `volumeName` or `selector` (when any is in the inputs, they alone decide); else the
 * StorageClass of the inputs (every variant node-local); else PersistentVolumes bound through the
 * class or a `claimRef`; else, with no StorageClass of that name in the inputs, the class name.
 */
function checkClaimTemplate(context: Context, claimTemplate: PlainRecord, base: (string | number)[]): boolean {
  const claim = scalarString(asRecord(claimTemplate.metadata).name) ?? '';
  const spec = asRecord(claimTemplate.spec);
  const storageClass = claimTemplateStorageClass(claimTemplate);
  const volumes = findPersistentVolumesForClaim(context.index, { statefulSet: context.document, claimTemplate, storageClassName: storageClass?.name });
  const nodeBound = volumes.filter(({ variants }) => variants.every((volume) => persistentVolumeNodeBinding(volume.object)));
  const explicit = scalarString(spec.volumeName) ? 'volumeName' : isEmptyLabelSelector(spec.selector) ? undefined : 'selector';
  if (explicit && volumes.length > 0) {
    if (nodeBound.length > 0) reportVolumes(context, claim, [...base, 'spec', explicit], nodeBound);
    return nodeBound.length > 0;
  }
  const classPath = storageClass ? [...base, ...storageClass.path] : [...base, 'metadata', 'name'];
  const className = storageClass?.name ?? '';
  const classes = className === '' ? [] : findStorageClass(context.index, className, context.document);
  const provisioners = classes.map((variant) => NODE_LOCAL_PROVISIONERS.find((known) => known.provisioner === variant.object.provisioner));
  if (classes.length > 0 && provisioners.every((provisioner) => provisioner !== undefined)) {
    const related: RelatedReport[] = classes.map((variant, i) => ({
      document: variant,
      path: ['provisioner'],
      message: `StorageClass "${className}" uses provisioner "${provisioners[i]!.provisioner}"`,
    }));
    related.push(...volumesRelated(nodeBound));
    const messageId = provisioners[0]!.provisioning === 'static' ? 'noProvisioner' : 'storageClass';
    context.report({ messageId, data: { claim, storageClass: className, provisioner: provisioners[0]!.provisioner }, path: classPath, related });
    return true;
  }
  if (nodeBound.length > 0) {
    reportVolumes(context, claim, classPath, nodeBound);
    return true;
  }
  const byName = classes.length === 0 && className !== '' ? NODE_LOCAL_PROVISIONERS.find((known) => known.defaultClassNames.includes(className)) : undefined;
  if (byName) {
    context.report({ messageId: 'className', data: { claim, storageClass: className, product: byName.product }, path: classPath });
    return true;
  }
  return false;
}

/** Where a pre-created claim names what it binds to: `spec.volumeName`, `spec.selector` or its class. */
function claimBindingField(claim: PlainRecord): (string | number)[] | undefined {
  const spec = asRecord(claim.spec);
  if (scalarString(spec.volumeName)) return ['spec', 'volumeName'];
  if (!isEmptyLabelSelector(spec.selector)) return ['spec', 'selector'];
  const storageClass = claimTemplateStorageClass(claim);
  return storageClass ? [...storageClass.path] : undefined;
}

/**
 * Claims created beforehand for a claim template (named as the controller would name them): the
 * controller takes them instead of creating its own, so what they bind to decides where the pods
 * run (core-rules `node-local-storage`). One finding per claim template, at its name, from the
 * node-bound PersistentVolumes the claims bind to, else their node-local StorageClass; the claims
 * and volumes or classes are related locations.
 */
function checkPreCreatedClaims(context: Context, claimTemplate: PlainRecord, base: (string | number)[]): void {
  const claim = scalarString(asRecord(claimTemplate.metadata).name) ?? '';
  const claims = findPreCreatedClaims(context.index, context.document, claim);
  const bound: { document: RuleContext['document']; volumes: PersistentVolumeVariants[] }[] = [];
  const classed: { document: RuleContext['document']; className: string; classes: readonly RuleContext['document'][]; provisioner: string }[] = [];
  for (const document of claims) {
    const volumes = findPersistentVolumesForPreCreatedClaim(context.index, context.document, document).filter(({ variants }) =>
      variants.every((volume) => persistentVolumeNodeBinding(volume.object)),
    );
    if (volumes.length > 0) {
      bound.push({ document, volumes });
      continue;
    }
    const className = claimTemplateStorageClass(document.object)?.name ?? '';
    const classes = className === '' ? [] : findStorageClass(context.index, className, context.document);
    const provisioners = classes.map((variant) => NODE_LOCAL_PROVISIONERS.find((known) => known.provisioner === variant.object.provisioner));
    if (classes.length > 0 && provisioners.every((provisioner) => provisioner !== undefined)) classed.push({ document, className, classes, provisioner: provisioners[0]!.provisioner });
  }
  const claimRelated = (document: RuleContext['document']): RelatedReport => ({
    document,
    path: claimBindingField(document.object) ?? ['metadata', 'name'],
    target: 'key',
    message: `PersistentVolumeClaim "${document.name}" is created beforehand and binds here`,
  });
  const path = [...base, 'metadata', 'name'];
  if (bound.length > 0) {
    const volumes = bound.flatMap((entry) => entry.volumes);
    const pinned = volumes.filter((volume) => persistentVolumeNodeBinding(volume.variants[0]!.object)?.pinned);
    const shown = pinned.length > 0 ? pinned : volumes;
    const data = { claim, volumes: volumesText(shown.map((volume) => volume.name)) };
    const related = [...bound.map((entry) => claimRelated(entry.document)), ...volumesRelated(shown)];
    context.report({ messageId: pinned.length > 0 ? 'preCreatedClaimsPersistentVolume' : 'preCreatedClaimsHostPath', data, path, related });
    return;
  }
  if (classed.length > 0) {
    const first = classed[0]!;
    const data = { claim, storageClass: first.className };
    const related: RelatedReport[] = [
      ...classed.map((entry) => claimRelated(entry.document)),
      ...first.classes.map((variant) => ({ document: variant, path: ['provisioner'], message: `StorageClass "${first.className}" uses provisioner "${first.provisioner}"` })),
    ];
    context.report({ messageId: 'preCreatedClaimsStorageClass', data, path, related });
  }
}


export default defineRule<MessageId>({
  id: 'node-local-storage',
  title: 'Pod state is kept on storage that can follow the pod to another node',
  severity: 'warning',
  kinds: ['StatefulSet'],
  rationale: [
    'A StatefulSet pod keeps its claim for life, so the volume behind it decides where the pod can run.',
    'A `local` PersistentVolume, or one a node-local provisioner creates (`kubernetes.io/no-provisioner`,',
    '`rancher.io/local-path`, OpenEBS Local PV, LVM and ZFS LocalPV, TopoLVM, DirectPV, the hostpath',
    'provisioners of minikube, MicroK8s and Docker Desktop, the CSI hostpath driver), carries node affinity:',
    'the pod can only run on that node, and when the node is lost it stays Pending with a "volume node',
    'affinity conflict" until someone deletes the PersistentVolumeClaim and, with it, the data. A `hostPath`',
    'volume has no claim at all: a pod rescheduled to another node starts on that node\'s directory, usually',
    'empty (kubernetes.io: Volumes, "local" and "hostPath"; PersistentVolumes, "Node Affinity").',
    '',
    'This rule looks at each claim template\'s class (`spec.storageClassName`, else the legacy annotation',
    '`volume.beta.kubernetes.io/storage-class`) and at the PersistentVolumes of the inputs it binds to',
    'through `volumeName`, `selector`, its class or a volume\'s `claimRef`. When the StorageClass is not in',
    'the inputs, it judges by the class name alone, and only for the default names of node-local',
    'provisioners (`local-path`, `local-storage`, `openebs-hostpath`…); PersistentVolumes not in the inputs',
    'are not guessed at. A claim template without a class binds by class to nothing, as the cluster\'s',
    'default class is unknown; its `volumeName`, `selector` and volumes reserved for it by `claimRef` count.',
    'PersistentVolumeClaims of the inputs named as the controller names a claim template\'s claims',
    '(`data-db-0`, `data-db-1`: `<template>-<statefulset>-<ordinal>`) are taken by the controller instead of',
    'new ones, so when the template itself says nothing node-local, what those claims bind to through their',
    'own `volumeName`, `selector` or class is judged the same way, and reported at the claim template.',
    'It also reports `hostPath` volumes of the pod template that a container mounts read-write, unless the',
    'path is a node system path (`/var/lib/kubelet`, `/run`, `/dev`, `/etc`, runtime sockets…) that node',
    'agents mount. Several StorageClasses or PersistentVolumes with one name are variants: the StatefulSet',
    'passes when any of them lets it pass.',
  ].join('\n'),
  remediation: 'Keep pod state on a StorageClass whose volumes can attach on any node (network or replicated storage), or plan to delete the PersistentVolumeClaim when its node is lost.',
  messages: {
    noProvisioner: `StorageClass "{{storageClass}}" binds local volumes: ${PINNED}`,
    storageClass: `StorageClass "{{storageClass}}" is node-local: ${PINNED}`,
    className: `StorageClass "{{storageClass}}" is usually {{product}}: ${PINNED}`,
    persistentVolume: `This claim template binds node-local {{volumes}}: ${PINNED}`,
    hostPathPersistentVolume: 'This claim template binds hostPath {{volumes}}: a rescheduled pod starts empty',
    hostPathVolume: 'hostPath volume "{{volume}}" is mounted read-write: a rescheduled pod starts empty',
    preCreatedClaimsPersistentVolume: `Pre-created claims bind node-local {{volumes}}: ${PINNED}`,
    preCreatedClaimsHostPath: 'Pre-created claims bind hostPath {{volumes}}: a rescheduled pod starts empty',
    preCreatedClaimsStorageClass: `Pre-created claims use StorageClass "{{storageClass}}": ${PINNED}`,
  },
  examples: { good: 'valid/class-local-path-with-network-provisioner.yaml', bad: 'invalid/class-is-local-path.yaml' },
  references: [
    'https://kubernetes.io/docs/concepts/storage/volumes/#local',
    'https://kubernetes.io/docs/concepts/storage/volumes/#hostpath',
    'https://kubernetes.io/docs/concepts/storage/persistent-volumes/#node-affinity',
    'https://kubernetes.io/docs/concepts/storage/storage-classes/#local',
  ],
  check(context) {
    asArray(asRecord(context.object.spec).volumeClaimTemplates).forEach((claimTemplate, position) => {
      if (!isRecord(claimTemplate)) return;
      const base = ['spec', 'volumeClaimTemplates', position];
      if (!checkClaimTemplate(context, claimTemplate, base)) checkPreCreatedClaims(context, claimTemplate, base);
    });
    for (const volume of hostPathDataVolumes(context.object)) {
      const mount = volume.mounts[0]!;
      context.report({
        messageId: 'hostPathVolume',
        data: { volume: volume.name },
        path: volume.path,
        related: [{ document: context.document, path: mount.path, message: `container "${mount.containerName}" mounts it read-write here` }],
      });
    }
  },
});
