// The submit form: paste or load a spec, POST /api/runs, open the run; a 400 lists its violations by path.
import { $, api, el, problemText } from './common.js';
import { ready } from './session.js';

// Nothing loads until the gateway knows who this is (session.js shows the sign-in form otherwise).
await ready;

$('spec-file').addEventListener('change', async () => {
  const chosen = $('spec-file').files[0];
  if (chosen) {
    $('spec').value = await chosen.text();
    $('spec').focus();
  }
});

function show(box) {
  $('outcome').replaceChildren(box);
  $('outcome').focus();
}

$('submit-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  if (!$('spec').value.trim()) {
    show(el('div', { class: 'alert', role: 'alert' }, el('h2', {}, 'Nothing to submit'),
      el('p', {}, 'Paste a spec into the box or load one from a file.')));
    return;
  }
  $('submit').disabled = true;
  try {
    const headers = { 'Content-Type': 'application/json' };
    if ($('idempotency-key').value.trim()) headers['Idempotency-Key'] = $('idempotency-key').value.trim();
    const reply = await api('/api/runs', { method: 'POST', body: $('spec').value, headers });
    if (reply.status === 202 || reply.status === 200) {
      location.assign(`run.html?id=${encodeURIComponent(reply.json.id)}`);
      return;
    }
    const problem = reply.json || {};
    const violations = problem.violations || [];
    show(el('div', { class: 'alert', role: 'alert', id: 'problem' },
      el('h2', {}, reply.status === 400 ? 'The spec was rejected' : `Submission failed (HTTP ${reply.status})`),
      el('p', {}, problemText(reply)),
      violations.length === 0 ? null : el('ul', { class: 'violations', 'aria-label': 'Violations' },
        violations.map((v) => el('li', { 'data-path': v.path },
          el('code', {}, v.path || '(spec)'), ' ', el('span', { class: 'rule' }, v.rule), el('br'), v.message)))));
  } catch (err) {
    show(el('div', { class: 'alert', role: 'alert' }, el('h2', {}, 'The gateway did not answer'), el('p', {}, String(err))));
  } finally {
    $('submit').disabled = false;
  }
});
