#!/usr/bin/env node
// Usage: node mermaid_labels.mjs FILE.mmd
// Parses the diagram with the real Mermaid parser (run from a folder where
// `mermaid` and `jsdom` are installed) and prints each node's id and label
// as the reader will see it: Mermaid's entity codes decoded, `<br>` as a
// line break. Shows that an escaped name comes back as exactly one label.
import { JSDOM } from 'jsdom';
import fs from 'node:fs';

const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
globalThis.window = dom.window;
globalThis.document = dom.window.document;
for (const k of ['Element', 'HTMLElement', 'SVGElement', 'DOMParser', 'XMLSerializer', 'getComputedStyle']) {
  if (!(k in globalThis)) globalThis[k] = dom.window[k];
}
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false });

const diagram = await mermaid.mermaidAPI.getDiagramFromText(fs.readFileSync(process.argv[2], 'utf8'));
const vertices = diagram.db.getVertices();
const decode = (text) => {
  // Mermaid keeps `#name;` and `#123;` as placeholders until it renders them
  // as HTML entities; a `<br>` it wrote itself is a line break.
  const html = text.replaceAll('ﬂ°°', '&#').replaceAll('ﬂ°', '&').replaceAll('¶ß', ';');
  const area = document.createElement('textarea');
  return html.split(/<br\s*\/?>/).map((part) => { area.innerHTML = part; return area.value; }).join('\n');
};
for (const vertex of vertices instanceof Map ? vertices.values() : Object.values(vertices)) {
  console.log(`${vertex.id}\t${JSON.stringify(decode(vertex.text))}`);
}
console.log(`edges\t${diagram.db.getEdges().length}`);
