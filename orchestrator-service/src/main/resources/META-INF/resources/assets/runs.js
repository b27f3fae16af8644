// The runs list: status filter and paging in the address (back/forward work), refreshed from GET /api/events.
import { $, api, el, statusBadge, formatTime, formatDuration, percent, problemText, announce } from './common.js';
import { ready } from './session.js';

// Nothing loads until the gateway knows who this is (session.js shows the sign-in form otherwise).
await ready;

const tbody = document.querySelector('#runs tbody');

function state() {
  const q = new URLSearchParams(location.search);
  return { status: q.get('status') || '', page: Math.max(0, parseInt(q.get('page') || '0', 10) || 0), size: parseInt(q.get('size') || '20', 10) || 20 };
}

function go(s) {
  const q = new URLSearchParams();
  if (s.status) q.set('status', s.status);
  if (s.page) q.set('page', String(s.page));
  if (s.size !== 20) q.set('size', String(s.size));
  history.pushState(null, '', q.toString() ? `?${q}` : location.pathname);
  load();
}

async function load() {
  const s = state();
  $('status').value = s.status;
  if (![...$('size').options].some((o) => o.value === String(s.size))) {
    $('size').append(el('option', { value: String(s.size) }, String(s.size)));
  }
  $('size').value = String(s.size);
  const q = new URLSearchParams({ page: String(s.page), size: String(s.size) });
  if (s.status) q.set('status', s.status);
  const reply = await api(`/api/runs?${q}`);
  tbody.replaceChildren();
  if (!reply.ok) {
    tbody.append(el('tr', {}, el('td', { colspan: 6, class: 'empty', role: 'alert' }, `Could not load runs: ${problemText(reply)}`)));
    return;
  }
  const { runs, total } = reply.json;
  if (runs.length === 0) {
    tbody.append(el('tr', {}, el('td', { colspan: 6, class: 'empty' }, s.status ? `No ${s.status.replaceAll('_', ' ')} runs.` : 'No runs yet. Submit a spec to start one.')));
  }
  for (const run of runs) {
    const duration = run.finishedAt ? new Date(run.finishedAt) - new Date(run.createdAt) : null;
    tbody.append(el('tr', { 'data-run': run.id },
      el('td', {}, el('a', { href: `run.html?id=${encodeURIComponent(run.id)}` }, run.name || run.id),
        el('div', { class: 'hint mono' }, run.id.slice(0, 8))),
      el('td', {}, statusBadge(run.status)),
      el('td', {}, run.stack || '—'),
      el('td', {}, el('time', { datetime: run.createdAt }, formatTime(run.createdAt))),
      el('td', { class: 'num' }, formatDuration(duration)),
      el('td', { class: 'num' }, percent(run.successRate))));
  }
  const pages = Math.max(1, Math.ceil(total / s.size));
  $('page-info').textContent = `Page ${s.page + 1} of ${pages} · ${total} run${total === 1 ? '' : 's'}`;
  $('prev').disabled = s.page === 0;
  $('next').disabled = s.page + 1 >= pages;
}

$('filter').addEventListener('submit', (e) => {
  e.preventDefault();
  go({ status: $('status').value, page: 0, size: parseInt($('size').value, 10) });
  announce('Run list filtered');
});
$('status').addEventListener('change', () => $('filter').requestSubmit());
$('size').addEventListener('change', () => $('filter').requestSubmit());
$('prev').addEventListener('click', () => go({ ...state(), page: state().page - 1 }));
$('next').addEventListener('click', () => go({ ...state(), page: state().page + 1 }));
window.addEventListener('popstate', load);

// Any run changing state refreshes the page, at most every half second.
let pending = null;
const events = new EventSource('/api/events');
events.addEventListener('run-event', (message) => {
  const event = JSON.parse(message.data);
  if (event.type === 'RUN_STATUS_CHANGED' && !pending) {
    pending = setTimeout(() => { pending = null; load(); }, 500);
  }
});

load();
