import path from 'node:path';
import { projectRoot } from '../config';

declare const __FP_BUNDLE__: boolean | undefined;

/** True when running the ahead-of-time build (`npm run build` → dist/), false under tsx. */
export const compiled = typeof __FP_BUNDLE__ !== 'undefined' && __FP_BUNDLE__;

const ENTRIES = { 'train.job': 'server/routing/train.job.ts' } as const;

/** Node arguments that run one of the server's entry scripts as a child process. */
export function entryArgs(name: keyof typeof ENTRIES): string[] {
  return compiled
    ? [path.join(projectRoot, 'dist', 'server', `${name}.js`)]
    : ['--import', 'tsx', path.join(projectRoot, ENTRIES[name])];
}
