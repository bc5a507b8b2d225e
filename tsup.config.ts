import { defineConfig } from 'tsup';

export default defineConfig({
  // core: the IO-free pipeline (`ket-luan/core`); index: the same with templates and fonts read from disk
  entry: { index: 'src/index.ts', core: 'src/core.ts', cli: 'src/cli/main.ts' },
  format: ['esm', 'cjs'],
  dts: { entry: { index: 'src/index.ts', core: 'src/core.ts' } },
  target: 'node20',
  clean: true,
  sourcemap: true,
  shims: true,
});
