import path from 'node:path';

/**
 * Node directories that belong to the node and its agents, not to an application: the ones
 * core-rules `node-local-storage` names (`/var/lib/kubelet`, `/run`, `/var/run`, `/dev`, `/sys`,
 * `/proc`, `/etc`, `/lib/modules`, `/usr`), plus the container runtimes' and CNI's state
 * directories, node logs and the OS directories, which node agents mount for the same reasons.
 */
const NODE_SYSTEM_DIRECTORIES = [
  '/var/lib/kubelet',
  '/run',
  '/var/run',
  '/dev',
  '/sys',
  '/proc',
  '/etc',
  '/lib/modules',
  '/usr',
  '/lib',
  '/lib64',
  '/bin',
  '/sbin',
  '/boot',
  '/var/log',
  '/var/lib/docker',
  '/var/lib/containerd',
  '/var/lib/cni',
  '/opt/cni',
  '/var/snap/microk8s/common/run',
  '/var/snap/microk8s/common/var/lib/kubelet',
];

/**
 * True when a `hostPath` path is a node system path rather than application data (core-rules
 * `node-local-storage`): the node's root `/`, a path at or under one of the node's own directories
 * (`/var/lib/kubelet/plugins/x`, `/dev`), a Unix socket file (`*.sock`, e.g.
 * `/var/run/docker.sock`, `/run/containerd/containerd.sock`,
 * `/var/snap/microk8s/common/run/containerd.sock`) or a Windows named pipe (`\\.\pipe\…`, how
 * container runtimes listen on Windows nodes). The path is normalised first (`//`, `.`, `..`,
 * trailing `/`); a relative path is never a system path.
 *
 * @see https://kubernetes.io/docs/concepts/storage/volumes/#hostpath
 */
export function isNodeSystemPath(hostPath: string): boolean {
  if (hostPath.startsWith('\\\\.\\pipe\\')) return true;
  if (!hostPath.startsWith('/')) return false;
  const normalized = path.posix.normalize(hostPath).replace(/(.)\/+$/, '$1');
  if (normalized === '/' || normalized.endsWith('.sock')) return true;
  return NODE_SYSTEM_DIRECTORIES.some((directory) => normalized === directory || normalized.startsWith(`${directory}/`));
}
