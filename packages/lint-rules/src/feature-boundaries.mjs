import { dirname, isAbsolute, join, normalize, relative, sep } from 'node:path';

/**
 * `family/feature-boundaries`: a feature is used by others only through its public API, the
 * `index.ts` at its root; code shared by every feature never depends on one.
 *
 * Options, one entry per source tree (paths relative to the repository root):
 *   root        the tree, e.g. "apps/miniapp/src"
 *   features    folder of the features inside it ("." when they sit at the root, as in the BFF)
 *   notFeatures folders inside `features` that are not features (BFF: common, config, database…)
 *   shared      folders of shared code that must not import any feature
 *   alias       an import prefix standing for `root` (the mini-program's "@/")
 * Files elsewhere (app.module.ts, the tab pages) compose features and may import what they need.
 */
const PUBLIC_ENTRY = /^(index(\.(ts|tsx|js|mjs))?)?$/;

function toPosix(path) {
  return path.split(sep).join('/');
}

function locate(file, tree, cwd, isImport = false) {
  const rootDir = join(cwd, tree.root);
  const inTree = relative(rootDir, file);
  if (inTree.startsWith('..') || isAbsolute(inTree)) return null;
  const featuresDir = join(rootDir, tree.features ?? '.');
  const inFeatures = toPosix(relative(featuresDir, file));
  const [first, ...rest] = inFeatures.split('/');
  // A file sits inside a feature's folder; an import may also name the folder itself (its index).
  const isFeature =
    !inFeatures.startsWith('..') &&
    first !== '' &&
    !first.includes('.') &&
    (rest.length > 0 || isImport) &&
    !(tree.notFeatures ?? []).includes(first);
  const [top] = toPosix(inTree).split('/');
  return {
    feature: isFeature ? first : null,
    rest: rest.join('/'),
    shared: (tree.shared ?? []).includes(top) && toPosix(inTree).includes('/'),
  };
}

export const featureBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Features are used only through their index.ts, and shared code uses none.' },
    schema: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          root: { type: 'string' },
          features: { type: 'string' },
          notFeatures: { type: 'array', items: { type: 'string' } },
          shared: { type: 'array', items: { type: 'string' } },
          alias: { type: 'string' },
        },
        required: ['root'],
        additionalProperties: false,
      },
    },
    messages: {
      internals:
        "Feature '{{from}}' imports '{{source}}', inside feature '{{to}}': import its public API ('{{to}}/index') instead.",
      sharedUsesFeature:
        "Shared code imports '{{source}}' from feature '{{to}}': shared code must not depend on a feature.",
    },
  },
  create(context) {
    const cwd = context.cwd ?? process.cwd();
    const file = context.filename ?? context.getFilename();
    const trees = context.options;
    const tree = trees.find((candidate) => locate(file, candidate, cwd) !== null);
    if (!tree) return {};
    const here = locate(file, tree, cwd);

    function check(node, source) {
      if (typeof source !== 'string') return;
      let target;
      if (source.startsWith('.')) target = normalize(join(dirname(file), source));
      else if (tree.alias && source.startsWith(tree.alias))
        target = join(cwd, tree.root, source.slice(tree.alias.length));
      else return;
      const there = locate(target.replace(/\.js$/, ''), tree, cwd, true);
      if (!there || !there.feature || there.feature === here.feature) return;
      if (here.shared) {
        context.report({ node, messageId: 'sharedUsesFeature', data: { source, to: there.feature } });
      } else if (here.feature && !PUBLIC_ENTRY.test(there.rest)) {
        context.report({ node, messageId: 'internals', data: { source, from: here.feature, to: there.feature } });
      }
    }

    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};

export default { rules: { 'feature-boundaries': featureBoundaries } };
