import type { BuildOptions } from 'esbuild';

/** esbuild options for the one-file CLI bundle (dist/stslint.cjs). */
export declare const BUILD_OPTIONS: BuildOptions & { absWorkingDir: string; outfile: string };
