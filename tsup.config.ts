import { defineConfig } from 'tsup';

const shared = {
  target: 'node22',
  sourcemap: true,
  shims: true,
} as const;

// The library is built for both module systems; the command only as ESM, since nothing requires it.
// `npm run build` empties dist/ first: the two builds run side by side and must not clean each other's files.
export default defineConfig([
  {
    ...shared,
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: { entry: { index: 'src/index.ts' } },
  },
  {
    ...shared,
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
  },
]);
