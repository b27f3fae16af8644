// Shared helpers of the web view: HTTP calls, status badges (icon + word, never colour alone), formatting.

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Status → tone (colour family) and icon shape. */
const STATUS = {
  QUEUED: ['idle', 'circle'], PENDING: ['idle', 'circle'],
  RUNNING: ['run', 'half'], DISPATCHED: ['run', 'half'], VALIDATING: ['run', 'half'],
  RETRY_SCHEDULED: ['warn', 'retry'],
  SUCCEEDED: ['ok', 'check'], VALIDATED: ['ok', 'check'],
  FAILED: ['bad', 'cross'], TIMED_OUT: ['bad', 'clock'],
  CANCELLED: ['idle', 'slash'], SKIPPED: ['idle', 'skip'],
  // Attempt outcomes.
  PASSED: ['ok', 'check'], REJECTED: ['bad', 'cross'], EXPIRED: ['warn', 'clock'], ABANDONED: ['idle', 'slash'],
};

const ICON_PATHS = {
  circle: '<circle cx="8" cy="8" r="5.5" fill="none" stroke="currentColor" stroke-width="2"/>',
  half: '<circle cx="8" cy="8" r="5.5" fill="none" stroke="currentColor" stroke-width="2"/><path d="M8 2.5a5.5 5.5 0 0 1 0 11z" fill="currentColor"/>',
  retry: '<path d="M12.5 5.5A5 5 0 1 0 13 9" fill="none" stroke="currentColor" stroke-width="2"/><path d="M13.8 2.2v4.3H9.5z" fill="currentColor"/>',
  check: '<circle cx="8" cy="8" r="7" fill="currentColor"/><path d="M4.6 8.2l2.3 2.3 4.5-4.8" fill="none" stroke="#fff" stroke-width="2"/>',
  cross: '<circle cx="8" cy="8" r="7" fill="currentColor"/><path d="M5.3 5.3l5.4 5.4M10.7 5.3l-5.4 5.4" stroke="#fff" stroke-width="2"/>',
  clock: '<circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" stroke-width="2"/><path d="M8 4.5V8l2.5 1.6" fill="none" stroke="currentColor" stroke-width="1.8"/>',
  slash: '<circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" stroke-width="2"/><path d="M4 12L12 4" stroke="currentColor" stroke-width="2"/>',
  skip: '<path d="M3 4l5 4-5 4zM8.5 4l5 4-5 4z" fill="currentColor"/>',
};

export function tone(status) {
  return (STATUS[status] || ['idle'])[0];
}

/** An inline SVG icon for a status; decorative, the word next to it carries the meaning. */
export function statusIcon(status) {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.innerHTML = ICON_PATHS[(STATUS[status] || [null, 'circle'])[1]];
  return svg;
}

/** A badge: icon + the status word, coloured by tone. */
export function statusBadge(status) {
  const span = el('span', { class: `status tone-${tone(status)}`, 'data-status': status });
  span.append(statusIcon(status), document.createTextNode(label(status)));
  return span;
}

export function label(status) {
  return status ? status.replaceAll('_', ' ') : 'UNKNOWN';
}

export const RUN_TERMINAL = new Set(['SUCCEEDED', 'FAILED', 'TIMED_OUT', 'CANCELLED']);

/** Creates an element with attributes and children (strings become text, never HTML). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'text') node.textContent = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

/**
 * Sent on every call: a header a cross-site form cannot send, which the gateway requires on unsafe requests that
 * the session cookie authenticates.
 */
export const CSRF_HEADER = { 'X-Forgeline-Csrf': '1' };

/**
 * An API answer: status, parsed JSON body (or null), and the problem document when it is one. The session is the
 * HttpOnly cookie the browser sends by itself; a 401 (signed out elsewhere, key revoked) raises
 * 'forgeline:unauthorized', on which session.js shows the sign-in form.
 */
export async function api(path, { method = 'GET', body, headers = {} } = {}) {
  const response = await fetch(path, { method, body, credentials: 'same-origin', headers: { Accept: 'application/json', ...CSRF_HEADER, ...headers } });
  if (response.status === 401) window.dispatchEvent(new CustomEvent('forgeline:unauthorized'));
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { ok: response.ok, status: response.status, json, text };
}

/** A problem document (or any failed answer) as one readable line. */
export function problemText(reply) {
  const p = reply.json || {};
  return p.detail || p.title || `HTTP ${reply.status}`;
}

export function formatDuration(ms) {
  if (ms === null || ms === undefined) return '—';
  if (ms < 1000) return `${ms} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${Math.round(s - m * 60)} s`;
}

export function formatTime(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  return d.toLocaleString(undefined, { year: 'numeric', month: 'short', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

export function formatClock(iso) {
  return iso ? new Date(iso).toLocaleTimeString(undefined, { hour12: false }) : '';
}

export function formatBytes(n) {
  if (n < 1024) return `${n} B`;
  return `${(n / 1024).toFixed(1)} KB`;
}

export function percent(rate) {
  return rate === null || rate === undefined ? '—' : `${Math.round(rate * 100)} %`;
}

/** "path:line" of an issue (path alone when it has no line). */
export function where(issue) {
  if (!issue.path) return '(run)';
  return issue.line ? `${issue.path}:${issue.line}` : issue.path;
}

/** Announces a message to screen readers through the page's polite live region. */
export function announce(message) {
  const region = document.getElementById('announcer');
  if (region) region.textContent = message;
}

/** document.getElementById, short. */
export const $ = (id) => document.getElementById(id);

/** The parts every page shares: skip link, site header with the current page marked, polite live region. */
function siteChrome() {
  const here = location.pathname.endsWith('submit.html') ? 'submit.html' : location.pathname.endsWith('run.html') ? null : './';
  const link = (href, text) => el('li', {}, el('a', { href, 'aria-current': href === here ? 'page' : null }, text));
  const brand = el('a', { class: 'brand', href: './' }, el('img', { src: 'assets/favicon.svg', alt: '', width: 22, height: 22 }), 'Forgeline');
  document.body.prepend(
    el('a', { class: 'skip-link', href: '#main' }, 'Skip to content'),
    el('header', { class: 'site' }, el('div', { class: 'bar' }, brand,
      el('nav', { 'aria-label': 'Main' }, el('ul', {}, link('./', 'Runs'), link('submit.html', 'Submit a spec'))),
      el('div', { class: 'who', id: 'who', hidden: true }))),
    el('div', { id: 'announcer', class: 'visually-hidden', role: 'status', 'aria-live': 'polite' }));
}

siteChrome();
