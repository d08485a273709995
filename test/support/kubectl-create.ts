import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * `kubectl create --dry-run=client -f <file>` run offline. kubectl decodes a file's documents on its
 * own, but maps each object's kind to a resource through the API server's discovery before it
 * prints anything, so without a cluster every object fails with "unable to recognize". This serves
 * that discovery from a local HTTP server that answers for every API version and kind the given
 * texts mention (found by a plain text scan, not by stslint's parser): kubectl then accepts or
 * rejects each document exactly as its decoder does, and a kind or version named nowhere in the
 * texts is still unknown. OpenAPI validation is off (`--validate=false`): it needs the server's
 * schema, and stslint's schema check is not what is compared.
 */
export interface KubectlCreate {
  /** The objects kubectl would create from `file`, as `<kind>/<name>`, in order; and what it printed on stderr. */
  accepted(file: string): Promise<{ objects: string[]; errors: string[] }>;
  close(): Promise<void>;
}

/** Starts the discovery server for the API versions and kinds named in `texts`. */
export async function startKubectlCreate(texts: Iterable<string>): Promise<KubectlCreate> {
  const groupVersions = new Set(['v1', 'apps/v1']);
  const kinds = new Set<string>();
  for (const text of texts) {
    for (const match of text.matchAll(/["']?apiVersion["']?\s*:\s*["']?([A-Za-z0-9.-]+(?:\/[A-Za-z0-9.-]+)?)/g)) groupVersions.add(match[1]!);
    for (const match of text.matchAll(/["']?kind["']?\s*:\s*["']?([A-Za-z][A-Za-z0-9]*)/g)) kinds.add(match[1]!);
  }
  kinds.delete('List');
  const resources = [...kinds].map((kind) => ({
    name: `${kind.toLowerCase()}s`,
    singularName: kind.toLowerCase(),
    namespaced: true,
    kind,
    verbs: ['create', 'get', 'list'],
  }));
  const groups = new Map<string, string[]>();
  for (const groupVersion of groupVersions) {
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
    if (groupVersion !== undefined && groupVersions.has(groupVersion)) return send({ kind: 'APIResourceList', groupVersion, resources });
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
