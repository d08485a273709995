import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * `kubectl create --dry-run=client -f <file>` run offline. kubectl decodes a file's documents on its
 * own, but maps each object's kind to a resource through the API server's discovery before it
 * prints anything, so without a cluster every object fails with "unable to recognize". This serves
 * that discovery from a local HTTP server standing for a cluster with every custom resource
 * definition the files use installed: the built-in API groups serve the kinds of Kubernetes' API
 * (read from the `kubernetes-types` package, so a removed version such as `apps/v1beta1` is not
 * served), and every other API group named in the given texts (found by a plain text scan, not by
 * stslint's parser) serves every kind the texts name. kubectl then accepts or rejects each
 * document as its decoder and mapper do with a real cluster. OpenAPI validation is off
 * (`--validate=false`): it needs the server's schema, and stslint's schema check is not what is
 * compared.
 */
export interface KubectlCreate {
  /** The objects kubectl would create from `file`, as `<kind>/<name>`, in order; and what it printed on stderr. */
  accepted(file: string): Promise<{ objects: string[]; errors: string[] }>;
  close(): Promise<void>;
}

/** The kinds of each built-in API version (`v1`, `apps/v1`…), from `kubernetes-types`. */
function builtInDiscovery(): Map<string, Set<string>> {
  const root = path.dirname(createRequire(import.meta.url).resolve('kubernetes-types/package.json'));
  const discovery = new Map<string, Set<string>>();
  for (const entry of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    if (!/\/v[0-9][a-z0-9]*\.d\.ts$/.test(entry)) continue;
    const text = readFileSync(path.join(root, entry), 'utf8');
    for (const declaration of text.split(/^export interface /m)) {
      const apiVersion = /^\s*apiVersion\?: "([^"]+)";/m.exec(declaration)?.[1];
      const kind = /^\s*kind\?: "([^"]+)";/m.exec(declaration)?.[1];
      if (apiVersion === undefined || kind === undefined) continue;
      discovery.set(apiVersion, (discovery.get(apiVersion) ?? new Set<string>()).add(kind));
    }
  }
  return discovery;
}

/** Starts the discovery server for the built-in API and the custom API versions and kinds named in `texts`. */
export async function startKubectlCreate(texts: Iterable<string>): Promise<KubectlCreate> {
  const discovery = builtInDiscovery();
  const builtInGroups = new Set([...discovery.keys()].map((groupVersion) => (groupVersion.includes('/') ? groupVersion.split('/')[0]! : '')));
  const customVersions = new Set<string>();
  const customKinds = new Set<string>();
  for (const text of texts) {
    for (const match of text.matchAll(/["']?apiVersion["']?\s*:\s*["']?([A-Za-z0-9.-]+\/[A-Za-z0-9.-]+)/g)) {
      if (!builtInGroups.has(match[1]!.split('/')[0]!)) customVersions.add(match[1]!);
    }
    for (const match of text.matchAll(/["']?kind["']?\s*:\s*["']?([A-Za-z][A-Za-z0-9]*)/g)) customKinds.add(match[1]!);
  }
  for (const groupVersion of customVersions) discovery.set(groupVersion, customKinds);
  const resources = (kinds: Iterable<string>) =>
    [...kinds].map((kind) => ({ name: `${kind.toLowerCase()}s`, singularName: kind.toLowerCase(), namespaced: true, kind, verbs: ['create', 'get', 'list'] }));
  const groups = new Map<string, string[]>();
  for (const groupVersion of discovery.keys()) {
    if (!groupVersion.includes('/')) continue;
    const [group, version] = groupVersion.split('/') as [string, string];
    groups.set(group, [...(groups.get(group) ?? []), version]);
  }
  const server = http.createServer((request, response) => {
    const url = (request.url ?? '').replace(/\?.*$/, '');
    response.setHeader('Content-Type', 'application/json');
    const send = (body: unknown) => response.end(JSON.stringify(body));
    if (url === '/version') return send({ major: '1', minor: '32', gitVersion: 'v1.32.0' });
    if (url === '/api') return send({ kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [] });
    if (url === '/apis') {
      return send({
        kind: 'APIGroupList',
        apiVersion: 'v1',
        groups: [...groups].map(([name, versions]) => ({
          name,
          versions: versions.map((version) => ({ groupVersion: `${name}/${version}`, version })),
          preferredVersion: { groupVersion: `${name}/${versions[0]}`, version: versions[0] },
        })),
      });
    }
    const groupVersion = url === '/api/v1' ? 'v1' : /^\/apis\/([^/]+\/[^/]+)$/.exec(url)?.[1];
    const kinds = groupVersion === undefined ? undefined : discovery.get(groupVersion);
    if (kinds) return send({ kind: 'APIResourceList', groupVersion, resources: resources(kinds) });
    response.statusCode = 404;
    send({ kind: 'Status', status: 'Failure', code: 404 });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const home = mkdtempSync(path.join(os.tmpdir(), 'stslint-kubectl-'));
  const kubeconfig = path.join(home, 'config');
  writeFileSync(
    kubeconfig,
    JSON.stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: 'discovery', cluster: { server: `http://127.0.0.1:${port}` } }],
      users: [{ name: 'nobody', user: {} }],
      contexts: [{ name: 'discovery', context: { cluster: 'discovery', user: 'nobody', namespace: 'default' } }],
      'current-context': 'discovery',
    }),
  );
  return {
    accepted(file) {
      const args = ['create', '--dry-run=client', '--validate=false', `--cache-dir=${path.join(home, 'cache')}`, '-f', file, '-o', 'jsonpath={.kind}/{.metadata.name}{"\\n"}'];
      return new Promise((resolve, reject) => {
        const child = spawn('kubectl', args, { env: { ...process.env, KUBECONFIG: kubeconfig }, stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
        child.on('error', reject);
        child.on('close', () => resolve({ objects: stdout.split('\n').filter(Boolean), errors: stderr.split('\n').filter(Boolean) }));
      });
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(home, { recursive: true, force: true });
    },
  };
}
