// js-yaml's error snippet (the lines around a YAML error, with a pointer), which frontMatter.ts cuts
// from the message anyway: esbuild.js puts this in its place in the bundles. Without a snippet, the
// message is js-yaml's first line alone: the reason and (line:column).
'use strict';

module.exports = function makeSnippet() {
  return null;
};
