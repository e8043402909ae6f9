'use strict';
// A worker thread starts without the TypeScript hook of the thread that created it. Running from the sources
// (npm start, tests), register the same hook here, then load the task; a compiled build loads render-task.js.
const path = require('node:path');

require(path.resolve(__dirname, '../../../../infra/scripts/run-ts.js')).registerTypeScript();
module.exports = require('./render-task.ts');
