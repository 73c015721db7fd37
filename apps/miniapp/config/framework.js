// Which rendering library each platform's build uses, read by the Taro config (config/index.ts)
// and by Babel (babel.config.js). H5 runs on Preact through preact/compat: the same components,
// about 110 KB less script and a faster first screen; the mini-programs stay on React
// (docs/decisions/018-preact-on-h5.md).
const frameworkFor = (platform) => (platform === 'h5' ? 'preact' : 'react');

// Whether the H5 development build refreshes components in place on an edit. React's fast refresh
// does; Preact's (prefresh) wraps the workspace's own ES modules (packages/domain/dist) in CommonJS
// code and breaks them, so under Preact an edit reloads the page instead.
const fastRefreshFor = (platform) => frameworkFor(platform) === 'react';

module.exports = { frameworkFor, fastRefreshFor };
