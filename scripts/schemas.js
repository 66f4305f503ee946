// Regenerate the committed JSON Schemas from the zod schemas (tests fail when they drift): npm run schemas
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

for (const kind of ['questionnaire', 'answers', 'report', 'explanation']) {
  const text = execFileSync(process.execPath, ['bin/kamcheck.js', 'schema', kind], { encoding: 'utf8' });
  writeFileSync(`schemas/${kind}.schema.json`, text);
  console.log(`schemas/${kind}.schema.json`);
}
