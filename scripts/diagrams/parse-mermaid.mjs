// Parses the Mermaid block of each given Markdown file with Mermaid itself (the renderer GitHub uses), in jsdom.
// Exits 1 when one does not parse, or when a deliberately broken diagram is accepted (the check must be able to fail).
import { JSDOM } from 'jsdom';
import fs from 'fs';
const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window; globalThis.document = dom.window.document;
globalThis.DOMParser = dom.window.DOMParser; globalThis.Element = dom.window.Element;
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false });
let bad = 0;
for (const f of process.argv.slice(2)) {
  const text = fs.readFileSync(f, 'utf8');
  const src = text.split('```mermaid\n')[1].split('```')[0];
  try { const r = await mermaid.parse(src); console.log(f, 'ok', r.diagramType); }
  catch (e) { bad++; console.log(f, 'FAILED', String(e.message || e).slice(0, 400)); }
}
// a deliberately broken one must fail, or this check proves nothing
try { await mermaid.parse('flowchart LR\n  a["x"] --> \n  subgraph\n'); console.log('broken: accepted?!'); bad++; } catch (e) { console.log('broken: rejected as expected'); }
process.exit(bad ? 1 : 0);
