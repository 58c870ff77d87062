// Minifies the JavaScript the site ships, in place: usage node scripts/minify.mjs FILE...
// Files ending in .mjs are ES modules; .js files are classic scripts. The names a page or
// another module reads (exports, window.Scholion, Module's string keys) are kept.
import { readFileSync, writeFileSync } from 'node:fs';
import { minify } from 'terser';

for (const file of process.argv.slice(2)) {
  const source = readFileSync(file, 'utf8');
  const result = await minify(source, {
    module: file.endsWith('.mjs'),
    ecma: 2020,
    compress: { passes: 2 },
    mangle: true,
    format: { comments: false },
  });
  if (!result.code) throw new Error(`terser returned nothing for ${file}`);
  writeFileSync(file, result.code);
}
