// n8n stores execution data `flatted`-encoded; use the copy that ships inside the provisioned n8n.
'use strict';
const path = require('path');
const { paths } = require('../provision-n8n');

module.exports = require(require.resolve('flatted', { paths: [path.join(paths().appDir, 'node_modules', 'n8n')] }));
