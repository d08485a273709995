import { defineRule, type RelatedReport } from '../src/engine/rule.js';
import { findStorageClass } from '../src/index/claim-storage.js';
import { findDataStore } from '../src/index/config-maps.js';
import { asRecord } from '../src/k8s/plain-value.js';
import { claimTemplates } from '../src/k8s/stateful-set.js';
import { claimTemplateStorageClass, storageClassReclaimPolicy } from '../src/k8s/storage.js';

type MessageId = 'disksDeleted' | 'disksRetained' | 'classNotInInputs' | 'defaultClass';

/** What happens to a retention policy field's claims, in the message's words. */
export const WHEN = { whenScaled: 'on scale-down, even to 0', whenDeleted: 'with the StatefulSet' } as const;

export default defineRule<MessageId>({
  id: 'persistent-volume-claim-retention-deletes-data',
  title: 'A data store keeps its claims when it is scaled down or deleted',
  severity: 'warning',
  kinds: ['StatefulSet'],
  rationale: [
    '`spec.persistentVolumeClaimRetentionPolicy` decides whether the controller deletes the claims it made',
    'from `volumeClaimTemplates` (statefulset-semantics §3.4; GA in 1.32). With `whenScaled: Delete` the',
    'claims of every pod removed by a scale-down are deleted, and scaling to 0, the documented way to shut a',
    'StatefulSet down in order, removes them all; raising `spec.ordinals.start` condemns the lower ordinals',
    'the same way. With `whenDeleted: Delete` deleting the StatefulSet (also the `--cascade=orphan` recreate',
    'that immutable-field changes need, if someone forgets the flag) deletes the claims. What then happens to',
    'the disks is the StorageClass\'s `reclaimPolicy`: `Delete` (its default, and that of most cloud classes)',
    'destroys them, `Retain` keeps them as `Released` volumes that no new claim binds without an',
    'administrator. For a data store that is the data.',
    '',
    'Reported at each `Delete` value of a StatefulSet whose main container runs a data store (core-rules, "A',
    'data store"), saying what the claim templates\' StorageClass among the inputs does with the disks, or that',
    'it is not among the inputs. `Retain` (the default) is never reported, and neither are caches and other',
    'workloads whose volumes hold nothing to keep.',
  ].join('\n'),
  remediation: 'Set whenScaled and whenDeleted to Retain, and delete the claims by hand once the data is backed up or no longer needed.',
  messages: {
    disksDeleted: '{{field}}: Delete drops the claims {{when}}, and their StorageClass deletes the disks',
    disksRetained: '{{field}}: Delete drops the claims {{when}}; their StorageClass keeps the disks, unbound',
    classNotInInputs: '{{field}}: Delete drops the claims {{when}}; their StorageClass (not linted) may delete the disks',
    defaultClass: '{{field}}: Delete drops the claims {{when}}; the default StorageClass usually deletes the disks too',
  },
  examples: { good: 'valid/retain-on-scale-down.yaml', bad: 'invalid/when-scaled-delete-with-delete-class.yaml' },
  references: [
    'https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#persistentvolumeclaim-retention',
    'https://kubernetes.io/docs/concepts/storage/persistent-volumes/#reclaiming',
    'https://kubernetes.io/docs/concepts/storage/storage-classes/#reclaim-policy',
  ],
  check({ object, document, index, fixer, report }) {
    const policy = asRecord(asRecord(object.spec).persistentVolumeClaimRetentionPolicy);
    const fields = (['whenDeleted', 'whenScaled'] as const).filter((field) => policy[field] === 'Delete');
    if (fields.length === 0 || !findDataStore(index, document)) return;
    // The first claim template with a class decides the wording; a class among the inputs that deletes wins.
    const classes = claimTemplates(object).flatMap(({ claimTemplate }) => {
      const name = claimTemplateStorageClass(claimTemplate)?.name;
      return name === undefined || name === '' ? [] : [{ name, variants: findStorageClass(index, name, document) }];
    });
    const deleting = classes.find(({ variants }) => variants.length > 0 && variants.every((variant) => storageClassReclaimPolicy(variant.object).policy === 'Delete'));
    const found = deleting ?? classes.find(({ variants }) => variants.length > 0) ?? classes[0];
    for (const field of fields) {
      const data = { field, when: WHEN[field], storageClass: found?.name ?? '' };
      const path = ['spec', 'persistentVolumeClaimRetentionPolicy', field];
      const suggestions = [{ desc: `Set ${field} to Retain`, edits: [fixer.replaceScalar(path, 'Retain')] }];
      if (found === undefined) {
        report({ messageId: 'defaultClass', data, path, suggestions });
      } else if (found.variants.length === 0) {
        report({ messageId: 'classNotInInputs', data, path, suggestions });
      } else {
        const variant = found === deleting ? found.variants[0]! : (found.variants.find((entry) => storageClassReclaimPolicy(entry.object).policy !== 'Delete') ?? found.variants[0]!);
        const reclaim = storageClassReclaimPolicy(variant.object);
        const related: RelatedReport[] = [{
          document: variant,
          path: reclaim.defaulted ? ['metadata', 'name'] : ['reclaimPolicy'],
          message: reclaim.defaulted ? `StorageClass "${found.name}" sets no reclaimPolicy, so it is Delete` : `reclaimPolicy is ${reclaim.policy}`,
        }];
        report({ messageId: found === deleting ? 'disksDeleted' : 'disksRetained', data, path, related, suggestions });
      }
    }
  },
});
