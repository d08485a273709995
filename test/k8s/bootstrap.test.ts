import { describe, expect, it } from 'vitest';
import { detectBootstrap, replicationBootstrapFound } from '../../src/k8s/bootstrap.js';
import { DATA_STORE_FAMILIES } from '../../src/k8s/data-store-families.js';
import type { PlainRecord } from '../../src/k8s/plain-value.js';

/** A StatefulSet `mysql` governed by Service `mysql`, whose one init container runs `script` with bash. */
function withScript(script: string, env: PlainRecord[] = []): PlainRecord {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'mysql' },
    spec: {
      serviceName: 'mysql',
      replicas: 3,
      template: {
        metadata: { labels: { app: 'mysql' } },
        spec: {
          initContainers: [{ name: 'init', image: 'mysql:8.0', command: ['bash', '-c', script], env }],
          containers: [{ name: 'mysql', image: 'mysql:8.0' }],
        },
      },
    },
  };
}

const kinds = (script: string, env?: PlainRecord[]) => detectBootstrap(withScript(script, env)).ordinal;

describe('detectBootstrap: ordinal bootstrap kinds', () => {
  it.each([
    ['the tutorial: role from the ordinal, clone from the previous pod', '[[ $HOSTNAME =~ -([0-9]+)$ ]]\nordinal=${BASH_REMATCH[1]}\nif [[ $ordinal -eq 0 ]]; then cp primary.cnf /conf; fi\nncat --recv-only mysql-$(($ordinal-1)).mysql 3307', ['role-from-ordinal', 'clone-from-previous']],
    ['role from a suffix strip compared with "0"', 'ORD=${HOSTNAME##*-}\nif [ "$ORD" = "0" ]; then init-primary; fi', ['role-from-ordinal']],
    ['role from comparing the pod name with pod 0', 'if [ "$(hostname)" == "mysql-0" ]; then init-primary; fi', ['role-from-ordinal']],
    ['role from a *-0 glob', 'case "$HOSTNAME" in *-0) init-primary ;; esac', ['role-from-ordinal']],
    ['clone from a previous pod through a computed variable', 'ORD=${HOSTNAME##*-}\nPREV=$(( $ORD - 1 ))\nxtrabackup --stream | nc mysql-$PREV.mysql 3307', ['clone-from-previous']],
    ['waiting for pod 0', 'until mysqladmin ping -h mysql-0.mysql; do sleep 2; done', ['waits-for-first', 'points-at-first']],
    ['waiting for pod 0 in a loop of several lines', 'while true; do\n  if nc -z mysql-0.mysql 3306; then break; fi\n  sleep 1\ndone', ['waits-for-first', 'points-at-first']],
    ['pointing at pod 0 only', 'mysql -h mysql-0.mysql -e "CHANGE REPLICATION SOURCE TO SOURCE_HOST=\'mysql-0.mysql\'"', ['points-at-first']],
  ])('%s', (_name, script, expected) => {
    expect(kinds(script)).toEqual(expected);
  });

  it.each([
    ['an identifier derived from the ordinal (server-id)', 'ordinal=${HOSTNAME##*-}\necho server-id=$((100 + $ordinal)) > /conf/id.cnf'],
    ['a comparison of $? with 0 next to an identifier', 'ID=${HOSTNAME##*-}\necho $ID > myid\n[ $? -eq 0 ] && echo ok'],
    ['a list of every peer', 'echo "server.1=mysql-0.mysql:2888\nserver.2=mysql-1.mysql:2888\nserver.3=mysql-2.mysql:2888" > zoo.cfg'],
    ['a brace range of every peer (MinIO)', 'minio server http://mysql-{0...3}.mysql/data'],
    ['a loop over the ordinals with $((N - 1))', 'for N in $(seq 3); do echo "server.$N=mysql-$(( $N - 1 )).mysql:2888" >> zoo.cfg; done'],
    ['a comparison with 0 without any ordinal derivation', 'if [ "$RETRIES" -eq 0 ]; then exit 1; fi'],
    ['pod 0 of another StatefulSet', 'until nc -z zk-0.zk-hs 2181; do sleep 2; done'],
  ])('finds none in %s', (_name, script) => {
    expect(kinds(script)).toEqual([]);
  });

  it('reads a ConfigMap the pods mount', () => {
    const bootstrap = detectBootstrap(withScript('bash /scripts/init.sh'), [{ data: { 'init.sh': 'until nslookup mysql-0.mysql; do sleep 1; done' } }]);
    expect(bootstrap.ordinal).toEqual(['waits-for-first', 'points-at-first']);
  });

  it('treats a variable set from the pod name like HOSTNAME', () => {
    const env = [{ name: 'MY_POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }];
    expect(kinds('ORD=${MY_POD##*-}\n[ "$ORD" -ne 0 ] && join-primary', env)).toEqual(['role-from-ordinal']);
  });

  it('builds no pattern from the StatefulSet name (a name full of pattern characters is matched literally)', () => {
    const statefulSet = withScript('until nc -z a.b+c-0.mysql 3306; do sleep 1; done');
    (statefulSet.metadata as PlainRecord).name = 'a.b+c';
    expect(detectBootstrap(statefulSet).ordinal).toEqual(['waits-for-first', 'points-at-first']);
    (statefulSet.metadata as PlainRecord).name = 'a.b*c';
    expect(detectBootstrap(statefulSet).ordinal).toEqual([]);
  });
});

describe('replicationBootstrapFound: ordinal bootstrap counts as replication bootstrap', () => {
  const mysql = DATA_STORE_FAMILIES.find((family) => family.id === 'mysql')!;
  const mongodb = DATA_STORE_FAMILIES.find((family) => family.id === 'mongodb')!;

  it('accepts every kind of ordinal bootstrap for families where generic signs count', () => {
    for (const script of ['case "$HOSTNAME" in *-0) init-primary ;; esac', 'until mysqladmin ping -h mysql-0.mysql; do sleep 2; done']) {
      expect(replicationBootstrapFound(detectBootstrap(withScript(script)), mysql)).toBe(true);
    }
  });

  it('accepts an identifier derived from the ordinal, which is not ordinal bootstrap', () => {
    const bootstrap = detectBootstrap(withScript('echo server-id=$((100 + ${HOSTNAME##*-})) > /conf/id.cnf'));
    expect(bootstrap.ordinal).toEqual([]);
    expect(replicationBootstrapFound(bootstrap, mysql)).toBe(true);
  });

  it('still asks MongoDB for a named and initiated replica set', () => {
    expect(replicationBootstrapFound(detectBootstrap(withScript('if [ "$(hostname)" == "mysql-0" ]; then echo primary; fi')), mongodb)).toBe(false);
  });
});
