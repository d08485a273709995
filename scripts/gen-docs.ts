// Regenerates docs/rules/ from the rules' metadata and fixtures (`npm run gen:docs`).
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, ruleDocsPages } from './rule-docs-pages.js';

const folder = path.join(ROOT, 'docs', 'rules');
mkdirSync(folder, { recursive: true });
const pages = ruleDocsPages();
const wanted = new Set(pages.map(([file]) => path.basename(file)));
for (const stale of readdirSync(folder).filter((file) => !wanted.has(file))) rmSync(path.join(folder, stale));
for (const [file, content] of pages) writeFileSync(path.join(ROOT, file), content);
console.log(`wrote ${pages.length} pages to docs/rules/`);
