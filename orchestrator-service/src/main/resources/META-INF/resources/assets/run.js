// The run page: header, module DAG, details, files and live events. State comes from GET /api/runs/{id};
// the run's SSE stream says when it changed, so the page follows the run without reloading.
import { $, api, el, statusBadge, formatTime, formatDuration, formatClock, formatBytes, percent, problemText, where,
  announce, label, RUN_TERMINAL } from './common.js';
import { renderDag } from './dag.js';
import { ready } from './session.js';

// Nothing loads until the gateway knows who this is (session.js shows the sign-in form otherwise).
await ready;

const runId = new URLSearchParams(location.search).get('id');
let run = null;
let stream = null;
let refreshing = null;
let again = false;
const autoOpened = new Set();

function fail(message) {
  $('load-error').replaceChildren(el('div', { class: 'alert', role: 'alert' }, el('h2', {}, 'Cannot show this run'), el('p', {}, message)));
  $('load-error').focus();
}

/** Fetches the run and its files; calls made while one is in flight coalesce into one more. */
function refresh() {
  if (refreshing) {
    again = true;
    return refreshing;
  }
  refreshing = (async () => {
    try {
      do {
        again = false;
        const [reply, files] = await Promise.all([api(`/api/runs/${runId}`), api(`/api/runs/${runId}/files`)]);
        if (!reply.ok) {
          fail(problemText(reply));
          return;
        }
        render(reply.json, files.ok ? files.json : []);
      } while (again);
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

function render(next, files) {
  const previous = run?.status;
  run = next;
  document.title = `${run.name} · ${label(run.status)} · Forgeline`;
  $('run-title').textContent = run.name;
  $('run-id').textContent = `${run.stack} · run ${run.id}`;
  $('run-status').replaceChildren(statusBadge(run.status));
  if (previous && previous !== run.status) announce(`Run ${label(run.status)}`);
  const counts = run.counts || {};
  const fact = (term, value) => el('div', {}, el('dt', {}, term), el('dd', {}, value));
  $('facts').replaceChildren(
    fact('Created', formatTime(run.createdAt)),
    fact('Finished', formatTime(run.finishedAt)),
    fact('Duration', formatDuration(run.durationMs)),
    fact('Modules validated', `${counts.fullyValidated ?? 0} of ${counts.total ?? run.modules.length}`),
    fact('Success rate', percent(run.successRate)));
  $('run-reason').textContent = run.reason || '';
  renderDag($('dag'), run.modules);
  renderModules(run.modules);
  renderRunIssues(run.issues || []);
  renderFiles(files);
  renderSteering();
}

function issueList(issues, labelText) {
  return el('ul', { class: 'issues', 'aria-label': labelText }, issues.map((i) => el('li', {},
    el('span', { class: 'where' }, where(i)),
    el('span', {}, i.severity ? el('span', { class: `sev sev-${i.severity}` }, i.severity) : null, i.message,
      ' ', el('span', { class: 'rule' }, `(${i.rule})`)))));
}

function renderModules(modules) {
  const open = new Set([...document.querySelectorAll('details.module[open]')].map((d) => d.dataset.module));
  for (const m of modules) {
    // A module that has just failed opens once, showing why; the reader may close it again.
    if (m.status === 'FAILED' && !autoOpened.has(m.module)) {
      autoOpened.add(m.module);
      open.add(m.module);
    }
  }
  $('modules').replaceChildren(...modules.map((m) => {
    const issues = m.issues || [];
    const attempts = m.attempts || [];
    const isOpen = open.has(m.module) || location.hash === `#module-${m.module}`;
    return el('details', { class: 'module', id: `module-${m.module}`, 'data-module': m.module, 'data-status': m.status, open: isOpen },
      el('summary', {},
        el('span', { class: 'mname' }, m.module),
        statusBadge(m.status),
        el('span', {}, `attempt ${m.attempt} of ${m.maxAttempts}`),
        el('span', {}, formatDuration(m.durationMs)),
        el('span', { class: 'reason' }, m.reason || (m.dependsOn?.length ? `after ${m.dependsOn.join(', ')}` : 'no dependencies'))),
      el('div', { class: 'body' },
        m.reason ? el('p', {}, el('strong', {}, 'Reason: '), m.reason) : null,
        el('h3', {}, issues.length ? `Issues (${issues.length})` : 'Issues'),
        issues.length ? issueList(issues, `Issues of ${m.module}`) : el('p', { class: 'hint' }, 'None.'),
        el('h3', {}, 'Attempts'),
        attempts.length === 0 ? el('p', { class: 'hint' }, 'Not dispatched yet.') : el('table', {},
          el('caption', { class: 'visually-hidden' }, `Attempts of ${m.module}`),
          el('thead', {}, el('tr', {}, ['#', 'Outcome', 'Dispatched', 'Generation', 'Validation', 'Worker', 'Issues']
            .map((h) => el('th', { scope: 'col' }, h)))),
          el('tbody', {}, attempts.map((a) => el('tr', {},
            el('td', {}, String(a.attempt)), el('td', {}, statusBadge(a.status)), el('td', {}, formatTime(a.dispatchedAt)),
            el('td', {}, formatDuration(a.generationMs)), el('td', {}, formatDuration(a.validationMs)),
            el('td', { class: 'mono' }, a.workerId || '—'), el('td', {}, String((a.issues || []).length))))))));
  }));
}

function renderRunIssues(issues) {
  $('run-issues').replaceChildren(...(issues.length === 0 ? [] : [
    el('h3', {}, `Run validation issues (${issues.length})`), issueList(issues, 'Run validation issues')]));
}

function renderFiles(files) {
  $('archive').setAttribute('href', `/api/runs/${runId}/archive`);
  $('archive').hidden = files.length === 0;
  $('files').replaceChildren(files.length === 0 ? el('p', { class: 'hint' }, 'No validated files yet.')
    : el('ul', { class: 'files', 'aria-label': `${files.length} validated files` }, files.map((f) => el('li', {},
      el('a', { href: `/api/runs/${runId}/files/${f.path.split('/').map(encodeURIComponent).join('/')}`, title: `from module ${f.module}` }, f.path),
      el('span', { class: 'size' }, formatBytes(f.sizeBytes))))));
}

function renderSteering() {
  const finished = RUN_TERMINAL.has(run.status);
  const select = $('replay-module');
  // Until the reader picks a module, the first one that did not validate is offered.
  const chosen = select.dataset.chosen || run.modules.find((m) => m.status !== 'VALIDATED')?.module;
  select.replaceChildren(...run.modules.map((m) => el('option', { value: m.module }, `${m.module} (${label(m.status)})`)));
  if (chosen) select.value = chosen;
  $('replay-failed').disabled = !finished || run.modules.every((m) => m.status === 'VALIDATED');
  $('replay-module-button').disabled = !finished;
  select.disabled = !finished;
  $('cancel').disabled = finished;
}

async function steer(path, body, doing) {
  $('steer-message').textContent = `${doing}…`;
  const reply = await api(`/api/runs/${runId}/${path}`, { method: 'POST', body, headers: body ? { 'Content-Type': 'application/json' } : {} });
  $('steer-message').textContent = reply.ok ? `${doing}: accepted.` : `${doing}: refused. ${problemText(reply)}`;
  if (reply.ok) {
    follow();
    await refresh();
  }
}

$('replay-module').addEventListener('change', (e) => { e.target.dataset.chosen = e.target.value; });
$('replay-failed').addEventListener('click', () => steer('replay', null, 'Replay of the failed modules'));
$('replay-module-button').addEventListener('click', () => {
  const module = $('replay-module').value;
  steer('replay', JSON.stringify({ modules: [module] }), `Replay of ${module} and its downstream modules`);
});
$('cancel').addEventListener('click', () => {
  if (confirm('Cancel this run? Its unfinished modules become CANCELLED.')) steer('cancel', null, 'Cancel');
});

function live(state, text) {
  $('live').dataset.state = state;
  $('live-text').textContent = text;
}

function logEvent(e) {
  const list = $('activity');
  const what = `${label(e.status)}${e.attempt ? ` · attempt ${e.attempt}` : ''}${e.detail ? ` · ${e.detail}` : ''}`;
  list.append(el('li', {}, el('time', { datetime: e.at }, formatClock(e.at)), el('span', {}, e.module || 'run'),
    el('span', { class: 'what', title: what }, what)));
  while (list.children.length > 300) list.firstElementChild.remove();
  list.scrollTop = list.scrollHeight;
}

/**
 * Follows the run's SSE stream. The server ends a stream after a terminal event and the browser then resumes with
 * Last-Event-ID, which carries on after a replay; the page closes the stream only once the run is really finished.
 */
function follow() {
  if (stream && stream.readyState !== EventSource.CLOSED) return;
  $('activity').replaceChildren();
  stream = new EventSource(`/api/runs/${runId}/events`);
  stream.addEventListener('open', () => live('open', 'Live'));
  stream.addEventListener('error', () => {
    if (stream.readyState === EventSource.CONNECTING) live('closed', 'Reconnecting…');
    else live('closed', 'Not connected');
  });
  stream.addEventListener('run-event', async (message) => {
    const event = JSON.parse(message.data);
    logEvent(event);
    const terminal = event.type === 'RUN_STATUS_CHANGED' && RUN_TERMINAL.has(event.status);
    await refresh();
    if (terminal && run && RUN_TERMINAL.has(run.status)) {
      stream.close();
      live('closed', `Run ${label(run.status)} · stream closed`);
    }
  });
}

window.addEventListener('hashchange', () => {
  const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (target?.tagName === 'DETAILS') {
    target.open = true;
    target.querySelector('summary').focus();
  }
});

if (!runId) {
  fail('No run id in the address (run.html?id=…).');
} else {
  refresh().then(follow);
}
