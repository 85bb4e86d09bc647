// What Paper Study bundles of js-yaml (esbuild.js aliases 'js-yaml' to this file): its loader and
// the core schema. The package's single-file ES build also carries the dumper, which tree shaking
// cannot drop; and the loader's default schema (timestamps, merge keys, !!binary, !!omap, !!pairs,
// !!set), which front matter does not need, is the core schema in the bundles (see esbuild.js).
'use strict';

module.exports = {
  load: require('../node_modules/js-yaml/lib/loader.js').load,
  CORE_SCHEMA: require('../node_modules/js-yaml/lib/schema/core.js'),
};
