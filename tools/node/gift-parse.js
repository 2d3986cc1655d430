// Parses the GIFT text on standard input with gift-pegjs and writes the questions it read
// as JSON. A syntax error is written to standard error, with its line and column, and the
// exit status is 1.
'use strict';
const { parse } = require('gift-pegjs');

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  try {
    process.stdout.write(JSON.stringify(parse(input)));
  } catch (e) {
    const at = e.location ? `${e.location.start.line}:${e.location.start.column}: ` : '';
    process.stderr.write(`${at}${e.message}\n`);
    process.exit(1);
  }
});
