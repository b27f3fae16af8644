// Draws the module DAG as SVG: one column per dependency depth, edges from a module to its dependents.
import { tone, label, formatDuration } from './common.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
const W = 176;
const H = 74;
const COL_GAP = 44;
const ROW_GAP = 18;
const PAD = 12;

function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Depth of each module: 0 without dependencies, else one more than its deepest dependency. */
export function depths(modules) {
  const byName = new Map(modules.map((m) => [m.module, m]));
  const depth = new Map();
  const visit = (name, trail) => {
    if (depth.has(name)) return depth.get(name);
    if (trail.has(name)) return 0; // a cycle cannot be submitted; never loop if one appears anyway
    trail.add(name);
    const deps = (byName.get(name)?.dependsOn || []).filter((d) => byName.has(d));
    const d = deps.length === 0 ? 0 : 1 + Math.max(...deps.map((x) => visit(x, trail)));
    trail.delete(name);
    depth.set(name, d);
    return d;
  };
  modules.forEach((m) => visit(m.module, new Set()));
  return depth;
}

/** Column of modules per depth; within a column ordered by their dependencies' rows, to keep edges short. */
function layout(modules) {
  const depth = depths(modules);
  const columns = [];
  for (const m of modules) (columns[depth.get(m.module)] ||= []).push(m);
  const row = new Map();
  columns.forEach((column) => {
    const key = (m) => {
      const rows = (m.dependsOn || []).filter((d) => row.has(d)).map((d) => row.get(d));
      return rows.length ? rows.reduce((a, b) => a + b, 0) / rows.length : 0;
    };
    column.sort((a, b) => key(a) - key(b) || a.module.localeCompare(b.module));
    column.forEach((m, i) => row.set(m.module, i));
  });
  const tallest = Math.max(...columns.map((c) => c.length));
  const pos = new Map();
  columns.forEach((column, c) => {
    const offset = ((tallest - column.length) * (H + ROW_GAP)) / 2;
    column.forEach((m, i) => pos.set(m.module, { x: PAD + c * (W + COL_GAP), y: PAD + offset + i * (H + ROW_GAP) }));
  });
  return { pos, width: PAD * 2 + columns.length * W + (columns.length - 1) * COL_GAP, height: PAD * 2 + tallest * (H + ROW_GAP) - ROW_GAP };
}

function iconShape(status) {
  const t = tone(status);
  const g = svg('g', { 'aria-hidden': 'true' });
  const shapes = {
    ok: '<circle cx="7" cy="7" r="7" fill="currentColor"/><path d="M3.6 7.2l2.3 2.3 4.5-4.8" fill="none" stroke="#fff" stroke-width="2"/>',
    bad: '<circle cx="7" cy="7" r="7" fill="currentColor"/><path d="M4.3 4.3l5.4 5.4M9.7 4.3l-5.4 5.4" stroke="#fff" stroke-width="2"/>',
    run: '<circle cx="7" cy="7" r="5.5" fill="none" stroke="currentColor" stroke-width="2"/><path d="M7 1.5a5.5 5.5 0 0 1 0 11z" fill="currentColor"/>',
    warn: '<path d="M11.5 4.5A5 5 0 1 0 12 8" fill="none" stroke="currentColor" stroke-width="2"/><path d="M12.8 1.2v4.3H8.5z" fill="currentColor"/>',
    idle: status === 'SKIPPED' ? '<path d="M1 2l5 5-5 5zM7 2l5 5-5 5z" fill="currentColor"/>'
      : status === 'CANCELLED' ? '<circle cx="7" cy="7" r="6" fill="none" stroke="currentColor" stroke-width="2"/><path d="M3 11L11 3" stroke="currentColor" stroke-width="2"/>'
        : '<circle cx="7" cy="7" r="5.5" fill="none" stroke="currentColor" stroke-width="2"/>',
  };
  g.innerHTML = shapes[t];
  return g;
}

function truncate(text, max) {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Renders the DAG into {@code container}; keeps keyboard focus on the same module across re-renders. */
export function renderDag(container, modules) {
  const focused = document.activeElement?.closest?.('[data-module]')?.getAttribute('data-module');
  if (modules.length === 0) {
    container.textContent = 'This run has no modules.';
    return;
  }
  const { pos, width, height } = layout(modules);
  const root = svg('svg', { class: 'dag', width, height, viewBox: `0 0 ${width} ${height}`, role: 'group', 'aria-labelledby': 'dag-heading' });
  const defs = svg('defs');
  const marker = svg('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: '9', refY: '5', markerWidth: '7', markerHeight: '7', orient: 'auto-start-reverse' });
  marker.append(svg('path', { d: 'M0 0L10 5L0 10z', fill: '#9aa3b2' }));
  defs.append(marker);
  root.append(defs);

  const edges = svg('g', { 'aria-hidden': 'true' });
  for (const m of modules) {
    const to = pos.get(m.module);
    for (const dep of m.dependsOn || []) {
      const from = pos.get(dep);
      if (!from) continue;
      const x1 = from.x + W;
      const y1 = from.y + H / 2;
      const x2 = to.x - 2;
      const y2 = to.y + H / 2;
      const mid = (x1 + x2) / 2;
      edges.append(svg('path', { class: 'edge', d: `M${x1} ${y1}C${mid} ${y1} ${mid} ${y2} ${x2} ${y2}`, 'marker-end': 'url(#arrow)' }));
    }
  }
  root.append(edges);

  for (const m of modules) {
    const { x, y } = pos.get(m.module);
    const issues = (m.issues || []).length;
    const meta = [`attempt ${m.attempt}/${m.maxAttempts}`, formatDuration(m.durationMs)];
    if (issues) meta.push(`${issues} issue${issues === 1 ? '' : 's'}`);
    const deps = (m.dependsOn || []).length ? `, depends on ${m.dependsOn.join(', ')}` : '';
    const link = svg('a', { href: `#module-${m.module}`, 'data-module': m.module,
      'aria-label': `${m.module}: ${label(m.status)}, ${meta.join(', ')}${deps}` });
    const g = svg('g', { class: `node tone-${tone(m.status)}`, transform: `translate(${x} ${y})`, 'data-status': m.status });
    const title = svg('title', {}, `${m.module}: ${label(m.status)}${m.reason ? ` (${m.reason})` : ''}`);
    g.append(title, svg('rect', { class: 'box', width: W, height: H, rx: 8 }), svg('rect', { class: 'band', x: 0.6, y: 0.6, width: 5, height: H - 1.2, rx: 2 }));
    g.append(svg('text', { class: 'name', x: 16, y: 23 }, truncate(m.module, m.critical ? 14 : 20)));
    const icon = iconShape(m.status);
    icon.setAttribute('transform', 'translate(16 32)');
    const statusText = svg('text', { class: 'stext', x: 36, y: 44 }, label(m.status));
    g.append(icon, statusText, svg('text', { class: 'meta', x: 16, y: 63 }, meta.join(' · ')));
    if (m.critical) g.append(svg('text', { class: 'meta', x: W - 10, y: 23, 'text-anchor': 'end' }, 'critical'));
    link.append(g);
    root.append(link);
  }
  container.replaceChildren(root);
  if (focused) root.querySelector(`[data-module="${CSS.escape(focused)}"]`)?.focus();
}
