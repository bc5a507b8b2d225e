import { readFile } from 'node:fs/promises';
import { defineConfig, type Options } from 'tsup';

/**
 * pdfkit reads its data files (the sRGB profile of PDF/A) from beside its own code, through a URL
 * relative to its module (`new URL('./data/…', import.meta.url)`). Bundled into the command, its
 * code no longer lies there, so the bundle asks Node where the installed pdfkit is (it stays a
 * dependency) and reads them from there.
 */
const pdfkitDataFromItsPackage: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'pdfkit-data-from-its-package',
  setup(build) {
    build.onLoad({ filter: /[\\/]pdfkit[\\/]js[\\/]pdfkit\.node\.mjs$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const relative = /new URL\((['"])\.\/data\//g;
      if (!relative.test(source)) throw new Error('pdfkit no longer reads its data files through new URL(\'./data/…\', import.meta.url): update tsup.config.ts');
      const locate =
        "import { createRequire as __pdfkitRequire } from 'node:module';\n" +
        "import { pathToFileURL as __pdfkitFileUrl } from 'node:url';\n" +
        "const __pdfkitUrl = __pdfkitFileUrl(__pdfkitRequire(import.meta.url).resolve('pdfkit')).href;\n";
      const contents = source.replace(/new URL\((['"]\.\/data\/[^'"]+['"]), import\.meta\.url\)/g, 'new URL($1, __pdfkitUrl)');
      return { contents: locate + contents, loader: 'js' };
    });
  },
};

const shared = {
  target: 'node22',
  sourcemap: true,
  shims: true,
} as const;

// `npm run build` empties dist/ first: the two builds run side by side and must not clean each other's files.
export default defineConfig([
  {
    // The library, for both module systems, its dependencies left to the user's installer and bundler:
    // `ket-luan` (index: templates and fonts read from disk) and `ket-luan/core` (the same pipeline, IO-free).
    ...shared,
    entry: { index: 'src/index.ts', core: 'src/core.ts' },
    format: ['esm', 'cjs'],
    dts: { entry: { index: 'src/index.ts', core: 'src/core.ts' } },
  },
  {
    // The command, as ESM only (nothing requires it), in one bundle with its dependencies: a cold
    // start then reads a few files instead of hundreds, and pdfkit shares our ES module copy of
    // fontkit instead of loading its CommonJS twin.
    ...shared,
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    platform: 'node',
    splitting: true,
    noExternal: [/.*/],
    esbuildPlugins: [pdfkitDataFromItsPackage],
    esbuildOptions(options) {
      options.chunkNames = 'cli-chunks/[name]-[hash]';
    },
    // CommonJS dependencies inside an ES module bundle still call require() for Node's built-ins.
    banner: { js: "import { createRequire as __ketLuanRequire } from 'node:module'; const require = __ketLuanRequire(import.meta.url);" },
  },
]);
