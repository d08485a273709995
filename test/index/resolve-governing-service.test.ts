import { describe, expect, it } from 'vitest';
import { ObjectIndex } from '../../src/index/object-index.js';
import { resolveGoverningService, type GoverningServiceResolution } from '../../src/index/governing-service.js';
import type { ManifestDocument } from '../../src/parser/manifest-document.js';
import { parseDocuments } from '../../src/parser/parse-documents.js';

const APP = '/repo/x.yaml';

/** A Patroni-style PostgreSQL StatefulSet in namespace `shop` (serviceName omitted when `undefined`). */
const statefulSet = (serviceName: string | undefined, namespace = 'shop') => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: postgres
  namespace: ${namespace}
spec:
${serviceName === undefined ? '' : `  serviceName: ${serviceName}\n`}  replicas: 3
  selector:
    matchLabels:
      app: postgres
  template:
    metadata:
      labels:
        app: postgres
        cluster-name: postgres
    spec:
      containers:
        - name: postgres
          image: ghcr.io/zalando/spilo-16:3.3-p2
`;

interface ServiceSpec {
  namespace?: string;
  clusterIP?: string;
  /** YAML for `spec.selector`'s value; `null` leaves the field out. */
  selector?: string | null;
  apiVersion?: string;
}

const service = (name: string, { namespace = 'shop', clusterIP = 'None', selector = '\n    app: postgres', apiVersion = 'v1' }: ServiceSpec = {}) => `apiVersion: ${apiVersion}
kind: Service
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
  clusterIP: ${clusterIP}
${selector === null ? '' : `  selector:${selector}\n`}  ports:
    - name: postgresql
      port: 5432
`;

const SELECTORLESS: ServiceSpec = { selector: null };

const endpoints = (name: string, namespace = 'shop') => `apiVersion: v1
kind: Endpoints
metadata:
  name: ${name}
  namespace: ${namespace}
subsets:
  - addresses:
      - ip: 10.244.1.17
    ports:
      - name: postgresql
        port: 5432
`;

const endpointSlice = (serviceName: string, namespace = 'shop') => `apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: ${serviceName}-7xk2p
  namespace: ${namespace}
  labels:
    kubernetes.io/service-name: ${serviceName}
addressType: IPv4
endpoints:
  - addresses: ["10.244.1.17"]
ports:
  - name: postgresql
    port: 5432
`;

/** Indexes the files (path → YAML documents) and resolves the one apps/v1 StatefulSet. */
function resolve(files: Record<string, string[]>): GoverningServiceResolution {
  const documents = Object.entries(files).flatMap(([path, texts]) => parseDocuments({ path, text: texts.join('---\n') }).documents);
  const index = new ObjectIndex(documents);
  const target = documents.filter((document) => document.kind === 'StatefulSet');
  expect(target).toHaveLength(1);
  return resolveGoverningService(index, target[0]!);
}

/** The resolution with each object list spelled `name@namespace@file#documentIndex`. */
function summary(resolution: GoverningServiceResolution) {
  const spell = (documents: readonly ManifestDocument[]) =>
    documents.map((document) => `${document.name}@${document.declaredNamespace}@${document.file.path}#${document.documentIndex}`);
  if ('candidates' in resolution) return { ...resolution, candidates: spell(resolution.candidates) };
  if ('services' in resolution) return { ...resolution, services: spell(resolution.services) };
  return resolution;
}

describe('resolveGoverningService: one case per status', () => {
  it.each<[string, Record<string, string[]>, Record<string, unknown>]>([
    [
      'governed: the named Service is headless and selects the pods',
      { [APP]: [statefulSet('postgres-headless'), service('postgres-headless'), service('postgres', { clusterIP: '10.96.14.2' })] },
      { status: 'governed', services: ['postgres-headless@shop@/repo/x.yaml#1'] },
    ],
    [
      'governed: headless through clusterIPs [None]',
      { [APP]: [statefulSet('postgres-headless'), service('postgres-headless').replace('clusterIP: None', 'clusterIPs: [None]')] },
      { status: 'governed', services: ['postgres-headless@shop@/repo/x.yaml#1'] },
    ],
    [
      'governed: serviceName unset, a headless Service selects the pods',
      { [APP]: [statefulSet(undefined), service('postgres', { clusterIP: '10.96.14.2' }), service('postgres-headless')] },
      { status: 'governed', services: ['postgres-headless@shop@/repo/x.yaml#2'] },
    ],
    [
      'governed: serviceName empty, a headless Service with a subset selector',
      { [APP]: [statefulSet('""'), service('postgres-hl', { selector: '\n    cluster-name: postgres' })] },
      { status: 'governed', services: ['postgres-hl@shop@/repo/x.yaml#1'] },
    ],
    [
      'missing: no Service at all in the inputs',
      { [APP]: [statefulSet('postgres-headless')] },
      { status: 'missing', serviceName: 'postgres-headless', anyServiceGiven: false },
    ],
    [
      'missing: serviceName unset and no Service at all',
      { [APP]: [statefulSet(undefined)] },
      { status: 'missing', serviceName: '', anyServiceGiven: false },
    ],
    [
      'missing: Services given, none named so and none headless selecting',
      { [APP]: [statefulSet('postgres-headless'), service('postgres', { clusterIP: '10.96.14.2' }), service('mysql-headless', { selector: '\n    app: mysql' })] },
      { status: 'missing', serviceName: 'postgres-headless', anyServiceGiven: true },
    ],
    [
      'missing: serviceName unset, only a ClusterIP Service selects the pods',
      { [APP]: [statefulSet(undefined), service('postgres', { clusterIP: '10.96.14.2' })] },
      { status: 'missing', serviceName: '', anyServiceGiven: true },
    ],
    [
      'missing: only a Knative Service of that name (not a core Service)',
      { [APP]: [statefulSet('postgres-headless'), service('postgres-headless', { apiVersion: 'serving.knative.dev/v1' })] },
      { status: 'missing', serviceName: 'postgres-headless', anyServiceGiven: false },
    ],
    [
      'misnamed: no Service of that name, a headless one selects the pods',
      { [APP]: [statefulSet('postgres-hl'), service('postgres-headless'), service('postgres', { clusterIP: '10.96.14.2' })] },
      { status: 'misnamed', serviceName: 'postgres-hl', candidates: ['postgres-headless@shop@/repo/x.yaml#1'] },
    ],
    [
      'misnamed rather than other-namespace when both apply',
      { [APP]: [statefulSet('postgres-hl'), service('postgres-hl', { namespace: 'data' }), service('postgres-headless')] },
      { status: 'misnamed', serviceName: 'postgres-hl', candidates: ['postgres-headless@shop@/repo/x.yaml#2'] },
    ],
    [
      'other-namespace: the Service of that name is in another namespace',
      { [APP]: [statefulSet('postgres-headless'), service('postgres-headless', { namespace: 'data' })] },
      { status: 'other-namespace', serviceName: 'postgres-headless', services: ['postgres-headless@data@/repo/x.yaml#1'] },
    ],
    [
      'other-namespace: the StatefulSet is the one in another namespace',
      { [APP]: [statefulSet('postgres-headless', 'data'), service('postgres-headless'), service('postgres-headless', { namespace: 'staging' })] },
      { status: 'other-namespace', serviceName: 'postgres-headless', services: ['postgres-headless@shop@/repo/x.yaml#1', 'postgres-headless@staging@/repo/x.yaml#2'] },
    ],
    [
      'not-selecting: the named Service selects other pods',
      { [APP]: [statefulSet('postgres-headless'), service('postgres-headless', { selector: '\n    app: postgres\n    role: master' })] },
      { status: 'not-selecting', serviceName: 'postgres-headless', services: ['postgres-headless@shop@/repo/x.yaml#1'] },
    ],
    [
      'not-selecting: selector-less, no Endpoints or EndpointSlice',
      { [APP]: [statefulSet('patroni'), service('patroni', SELECTORLESS)] },
      { status: 'not-selecting', serviceName: 'patroni', services: ['patroni@shop@/repo/x.yaml#1'] },
    ],
    [
      'not-selecting: empty selector, no Endpoints',
      { [APP]: [statefulSet('patroni'), service('patroni', { selector: ' {}' })] },
      { status: 'not-selecting', serviceName: 'patroni', services: ['patroni@shop@/repo/x.yaml#1'] },
    ],
    [
      'not-selecting: selector-less, Endpoints only in another namespace',
      { [APP]: [statefulSet('patroni'), service('patroni', SELECTORLESS), endpoints('patroni', 'data'), endpointSlice('patroni', 'data')] },
      { status: 'not-selecting', serviceName: 'patroni', services: ['patroni@shop@/repo/x.yaml#1'] },
    ],
    [
      'not-selecting: selector-less, Endpoints and EndpointSlice of another Service',
      { [APP]: [statefulSet('patroni'), service('patroni', SELECTORLESS), endpoints('patroni-config'), endpointSlice('patroni-repl')] },
      { status: 'not-selecting', serviceName: 'patroni', services: ['patroni@shop@/repo/x.yaml#1'] },
    ],
    [
      'governed: selector-less headless with an Endpoints object',
      { [APP]: [statefulSet('patroni'), service('patroni', SELECTORLESS), endpoints('patroni')] },
      { status: 'governed', services: ['patroni@shop@/repo/x.yaml#1'] },
    ],
    [
      'governed: selector-less headless with an EndpointSlice labelled kubernetes.io/service-name',
      { [APP]: [statefulSet('patroni'), service('patroni', SELECTORLESS), endpointSlice('patroni')] },
      { status: 'governed', services: ['patroni@shop@/repo/x.yaml#1'] },
    ],
    [
      // core-rules governing-service-not-headless: an application-managed leader Service (Patroni) is not flagged.
      'governed: selector-less ClusterIP leader Service with an Endpoints object',
      { [APP]: [statefulSet('patroni'), service('patroni', { ...SELECTORLESS, clusterIP: '10.96.14.2' }), endpoints('patroni')] },
      { status: 'governed', services: ['patroni@shop@/repo/x.yaml#1'] },
    ],
    [
      'governed: selector-less ClusterIP leader Service with an EndpointSlice',
      { [APP]: [statefulSet('patroni'), service('patroni', { ...SELECTORLESS, clusterIP: '10.96.14.2' }), endpointSlice('patroni')] },
      { status: 'governed', services: ['patroni@shop@/repo/x.yaml#1'] },
    ],
    [
      'governed: a headless variant wins over a leader Service variant',
      { [APP]: [statefulSet('patroni'), service('patroni', { ...SELECTORLESS, clusterIP: '10.96.14.2' }), endpoints('patroni'), service('patroni')] },
      { status: 'governed', services: ['patroni@shop@/repo/x.yaml#3'] },
    ],
    [
      'not-headless: the named Service selects the pods with a cluster IP',
      { [APP]: [statefulSet('postgres'), service('postgres', { clusterIP: '10.96.14.2' })] },
      { status: 'not-headless', serviceName: 'postgres', services: ['postgres@shop@/repo/x.yaml#1'] },
    ],
    [
      'not-headless: clusterIP left for the API server to allocate',
      { [APP]: [statefulSet('postgres'), service('postgres', { clusterIP: '""' })] },
      { status: 'not-headless', serviceName: 'postgres', services: ['postgres@shop@/repo/x.yaml#1'] },
    ],
  ])('%s', (_name, files, expected) => {
    expect(summary(resolve(files))).toEqual(expected);
  });
});

describe('resolveGoverningService: variants of the named Service', () => {
  const CLUSTER_IP = { clusterIP: '10.96.14.2' };
  const OTHER_PODS = { selector: '\n    app: mysql' };

  it.each<[string, Record<string, string[]>, Record<string, unknown>]>([
    [
      'a same-file ClusterIP variant wins over a headless one elsewhere',
      {
        '/repo/overlays/prod/services.yaml': [service('postgres-headless')],
        [APP]: [statefulSet('postgres-headless'), service('postgres-headless', CLUSTER_IP)],
      },
      { status: 'not-headless', serviceName: 'postgres-headless', services: ['postgres-headless@shop@/repo/x.yaml#1'] },
    ],
    [
      'a same-file variant selecting other pods wins over a good one elsewhere',
      {
        [APP]: [statefulSet('postgres-headless'), service('postgres-headless', OTHER_PODS)],
        '/repo/overlays/prod/services.yaml': [service('postgres-headless')],
      },
      { status: 'not-selecting', serviceName: 'postgres-headless', services: ['postgres-headless@shop@/repo/x.yaml#1'] },
    ],
    [
      'a same-file headless variant wins, the others are not returned',
      {
        '/repo/overlays/dev/services.yaml': [service('postgres-headless', CLUSTER_IP)],
        [APP]: [statefulSet('postgres-headless'), service('postgres-headless')],
      },
      { status: 'governed', services: ['postgres-headless@shop@/repo/x.yaml#1'] },
    ],
    [
      'variants only elsewhere: governed when any variant is headless and selecting',
      {
        '/repo/overlays/dev/services.yaml': [service('postgres-headless', CLUSTER_IP)],
        '/repo/overlays/prod/services.yaml': [service('postgres-headless')],
        '/repo/overlays/test/services.yaml': [service('postgres-headless', OTHER_PODS)],
        [APP]: [statefulSet('postgres-headless')],
      },
      { status: 'governed', services: ['postgres-headless@shop@/repo/overlays/prod/services.yaml#0'] },
    ],
    [
      'variants only elsewhere: not-headless when some select but none is headless',
      {
        '/repo/overlays/dev/services.yaml': [service('postgres-headless', OTHER_PODS)],
        '/repo/overlays/prod/services.yaml': [service('postgres-headless', CLUSTER_IP)],
        [APP]: [statefulSet('postgres-headless')],
      },
      { status: 'not-headless', serviceName: 'postgres-headless', services: ['postgres-headless@shop@/repo/overlays/prod/services.yaml#0'] },
    ],
    [
      'variants only elsewhere: not-selecting lists every variant when none selects',
      {
        '/repo/overlays/dev/services.yaml': [service('postgres-headless', OTHER_PODS)],
        '/repo/overlays/prod/services.yaml': [service('postgres-headless', SELECTORLESS)],
        [APP]: [statefulSet('postgres-headless')],
      },
      {
        status: 'not-selecting',
        serviceName: 'postgres-headless',
        services: ['postgres-headless@shop@/repo/overlays/dev/services.yaml#0', 'postgres-headless@shop@/repo/overlays/prod/services.yaml#0'],
      },
    ],
    [
      'two variants in the StatefulSet\'s own file: passing when either passes',
      { [APP]: [service('postgres-headless', CLUSTER_IP), statefulSet('postgres-headless'), service('postgres-headless')] },
      { status: 'governed', services: ['postgres-headless@shop@/repo/x.yaml#2'] },
    ],
  ])('%s', (_name, files, expected) => {
    expect(summary(resolve(files))).toEqual(expected);
  });
});
