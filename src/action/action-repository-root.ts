import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The repository root that annotation paths, summary links and SARIF URIs are relative to: the
 * nearest folder holding `.git`, from `workingDirectory` up to and including `workspace`
 * (`$GITHUB_WORKSPACE`), else `workspace` itself. A repository checked out into a subfolder of the
 * workspace (`actions/checkout` with `path:`) is thus found, and nothing above the workspace is
 * ever taken for the repository. A working directory outside the workspace gets the CLI's answer:
 * its nearest `.git` ancestor, else itself.
 */
export function actionRepositoryRoot(workingDirectory: string, workspace: string): string {
  const top = path.resolve(workspace);
  let current = path.resolve(workingDirectory);
  const inside = (folder: string) => {
    const relative = path.relative(top, folder);
    return relative === '' || !(relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative));
  };
  const bounded = inside(current);
  for (;;) {
    if (existsSync(path.join(current, '.git'))) return current;
    const parent = path.dirname(current);
    if ((bounded && current === top) || parent === current) return bounded ? top : path.resolve(workingDirectory);
    current = parent;
  }
}
