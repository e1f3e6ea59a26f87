// Local ESLint rule: a module's internals are private. Code outside `src/modules/<m>/` (and other
// modules) may import only `src/modules/<m>/index.ts`, the module's public face, or
// `src/modules/<m>/pure.ts`, its browser-safe face (pure code only, for the web app).
import path from 'node:path';

const MODULES = `${path.sep}src${path.sep}modules${path.sep}`;

function moduleOf(file) {
  const i = file.indexOf(MODULES);
  if (i < 0) return null;
  const rest = file.slice(i + MODULES.length).split(path.sep);
  return { name: rest[0], inner: rest.slice(1).join('/') };
}

export default {
  meta: { type: 'problem', messages: { boundary: "Import '{{name}}' through its index.ts, not its internals ({{inner}})." } },
  create(context) {
    const from = moduleOf(context.filename);
    const check = (node) => {
      const spec = node.source && node.source.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = moduleOf(path.resolve(path.dirname(context.filename), spec));
      if (!target || (from && from.name === target.name)) return;
      if (['index.ts', 'index.js', 'pure.ts', ''].includes(target.inner)) return;
      // Tests of a module may reach into it; other modules may not.
      if (/\.test\.ts$/.test(context.filename) && from && from.name === target.name) return;
      context.report({ node, messageId: 'boundary', data: { name: target.name, inner: target.inner } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};
