// Lets a plain `node` child process load the TypeScript sources with swc (as jest does), so a test can
// look at what a module really loads at run time: `node --require ./test/support/register-ts.cjs …`.
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const { transformSync } = require('@swc/core');

const swcrc = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '.swcrc'), 'utf8'));
delete swcrc.$schema;

// Sources import './x.js' (as the compiled output needs); resolve those to the .ts file beside them
// (a real .js file, such as jest.config.js, stays itself).
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  if (request.startsWith('.') && request.endsWith('.js') && parent?.filename) {
    const compiled = path.resolve(path.dirname(parent.filename), request);
    const source = `${compiled.slice(0, -3)}.ts`;
    if (!fs.existsSync(compiled) && fs.existsSync(source)) return source;
  }
  return resolveFilename.call(this, request, parent, ...rest);
};

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), { ...swcrc, filename, swcrc: false });
  module._compile(code, filename);
};
