import type { BuildOptions } from 'esbuild';

type FileBuild = BuildOptions & { absWorkingDir: string; outfile: string };

/** esbuild options of the bundles in dist/ (CLI, language server, GitHub Action), in build order. */
export declare const BUNDLES: FileBuild[];

/** The launcher's options (dist/stslint.cjs), given each bundle's text by output file. */
export declare function launcherOptions(bundleTexts: Record<string, string>): FileBuild;
