// Validates the xAPI statements of the JSON array on standard input with
// @learninglocker/xapi-validation and writes, as JSON, one list of problems per statement
// (each "path: message"); an empty list is a valid statement.
'use strict';
const validate = require('@learninglocker/xapi-validation').default;

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  const statements = JSON.parse(input);
  const problems = statements.map((s) => validate(s).map((w) => `${(w.path || []).join('.')}: ${w.typeName || w.name} (${JSON.stringify(w.data)})`));
  process.stdout.write(JSON.stringify(problems));
});
