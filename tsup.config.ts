import { readFile } from 'node:fs/promises';
import { defineConfig, type Options } from 'tsup';

/**
 * pdfkit reads its data files (the sRGB profile of PDF/A) from beside its own code, through
 * `__dirname`. Bundled into the command, its code no longer lies there, so the bundle asks Node
 * where the installed pdfkit is (it stays a dependency) and reads them from there.
 */
const pdfkitDataFromItsPackage: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'pdfkit-data-from-its-package',
  setup(build) {
    build.onLoad({ filter: /[\\/]pdfkit[\\/]js[\\/]pdfkit\.es\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const locate =
        "import { createRequire as __pdfkitRequire } from 'node:module';\n" +
        "import { dirname as __pdfkitDirname } from 'node:path';\n" +
        "const __pdfkitDir = __pdfkitDirname(__pdfkitRequire(import.meta.url).resolve('pdfkit'));\n";
      return { contents: locate + source.replaceAll('__dirname', '__pdfkitDir'), loader: 'js' };
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
    // The library, for both module systems, its dependencies left to the user's installer and bundler.
    ...shared,
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: { entry: { index: 'src/index.ts' } },
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
