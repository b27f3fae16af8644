// Who is signed in. GET /api/whoami answers for the session cookie; a 401 replaces the page with the sign-in form:
// an API key (POST /api/session sets an HttpOnly cookie the page's scripts cannot read) or, when the gateway has an
// OIDC issuer, "Sign in with <issuer>" (authorization code + PKCE, the exchange done here, the token posted the same
// way). The key or token is never put in localStorage, sessionStorage or the address; only the PKCE verifier and
// state of a sign-in in progress live in sessionStorage, until the issuer sends the browser back.
import { $, el, CSRF_HEADER } from './common.js';

const PKCE_KEY = 'forgeline.oidc.pending';

async function call(path, { method = 'GET', body } = {}) {
  const headers = { Accept: 'application/json', ...CSRF_HEADER };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, credentials: 'same-origin', headers, body: body === undefined ? undefined : JSON.stringify(body) });
  let json = null;
  try {
    json = await response.json();
  } catch {
    json = null;
  }
  return { ok: response.ok, status: response.status, json };
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function randomString(bytes) {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

function issuerName(issuer) {
  try {
    return new URL(issuer).host;
  } catch {
    return issuer;
  }
}

async function discovery(issuer) {
  const response = await fetch(`${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`, { credentials: 'omit' });
  if (!response.ok) throw new Error(`the issuer's discovery document answered HTTP ${response.status}`);
  return response.json();
}

/** Where the issuer sends the browser back: the runs page of this gateway (register it with the issuer). */
function redirectUri() {
  return `${location.origin}/`;
}

async function startOidc(oidc) {
  if (!crypto.subtle) throw new Error('signing in with an issuer needs the gateway on https (or localhost)');
  const config = await discovery(oidc.issuer);
  const verifier = randomString(32);
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const state = randomString(16);
  sessionStorage.setItem(PKCE_KEY, JSON.stringify({ state, verifier, returnTo: location.pathname + location.search }));
  const url = new URL(config.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code', client_id: oidc.clientId, redirect_uri: redirectUri(), scope: oidc.scope || 'openid',
    state, code_challenge: challenge, code_challenge_method: 'S256',
  }).toString();
  location.assign(url.toString());
}

/** The issuer sent the browser back with ?code&state: exchange the code, post the token, clean the address. */
async function finishOidc(oidc) {
  const params = new URLSearchParams(location.search);
  const code = params.get('code');
  const returnedState = params.get('state');
  const error = params.get('error');
  const pending = JSON.parse(sessionStorage.getItem(PKCE_KEY) || 'null');
  if (!pending || (!code && !error) || returnedState !== pending.state) return null;
  sessionStorage.removeItem(PKCE_KEY);
  history.replaceState(null, '', pending.returnTo || '/');
  if (error) return `The issuer refused the sign-in: ${params.get('error_description') || error}`;
  const config = await discovery(oidc.issuer);
  const response = await fetch(config.token_endpoint, {
    method: 'POST', credentials: 'omit',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri(),
      client_id: oidc.clientId, code_verifier: pending.verifier }).toString(),
  });
  const tokens = response.ok ? await response.json() : null;
  if (!tokens) return `The issuer did not exchange the code (HTTP ${response.status}).`;
  // The gateway checks a JWT's audience: the access token when it is a JWT, else the ID token (audience = client id).
  const isJwt = (t) => typeof t === 'string' && t.split('.').length === 3;
  const token = isJwt(tokens.access_token) ? tokens.access_token : tokens.id_token;
  const reply = await call('/api/session', { method: 'POST', body: { token } });
  if (!reply.ok) return 'Forgeline did not accept the token from the issuer (audience, tenant claim or expiry).';
  location.replace(pending.returnTo || '/');
  return new Promise(() => {});
}

function signInForm(oidc, message) {
  const error = el('div', { id: 'signin-error', role: 'alert' });
  const show = (text) => error.replaceChildren(text ? el('div', { class: 'alert' }, el('h2', {}, 'Not signed in'), el('p', {}, text)) : '');
  const key = el('input', { type: 'password', id: 'signin-key', name: 'key', autocomplete: 'off', spellcheck: 'false', required: true, 'aria-describedby': 'signin-hint', size: 60 });
  const submit = el('button', { type: 'submit', class: 'primary', id: 'signin-submit' }, 'Sign in');
  // method=post: even if this script failed, the key would never end up in the address.
  const form = el('form', { id: 'signin-form', method: 'post', action: '#', novalidate: true },
    el('div', { class: 'field' }, el('label', { for: 'signin-key' }, 'API key'), key,
      el('span', { class: 'hint', id: 'signin-hint' }, el('code', {}, './forgeline up'), ' prints the admin key; an admin makes more with ',
        el('code', {}, 'forgeline keys create'), '.')),
    el('div', { class: 'toolbar', style: 'margin: 16px 0 0' }, submit));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const value = key.value.trim();
    if (!value) {
      show('Enter an API key.');
      key.focus();
      return;
    }
    submit.disabled = true;
    try {
      const reply = await call('/api/session', { method: 'POST', body: { key: value } });
      if (reply.ok) {
        key.value = '';
        location.reload();
        return;
      }
      show(reply.status === 401 ? 'That key was not accepted: it is unknown, revoked or expired.'
        : `Sign-in failed (HTTP ${reply.status}).`);
      key.select();
    } catch (err) {
      show(`The gateway did not answer: ${err}`);
    } finally {
      submit.disabled = false;
    }
  });
  const panel = el('section', { class: 'panel signin', 'aria-labelledby': 'signin-title', id: 'signin' },
    el('h1', { id: 'signin-title' }, 'Sign in to Forgeline'),
    el('p', { class: 'subtitle' }, 'Runs, their files and their events belong to a tenant: sign in to see yours.'),
    error, form);
  if (oidc) {
    const button = el('button', { type: 'button', id: 'signin-oidc' }, `Sign in with ${issuerName(oidc.issuer)}`);
    button.addEventListener('click', () => startOidc(oidc).catch((err) => show(`Cannot reach the issuer: ${err.message}`)));
    panel.append(el('p', { class: 'or' }, 'or'), button);
  }
  $('main').replaceChildren(panel);
  document.title = 'Sign in · Forgeline';
  show(message);
  key.focus();
}

function showWho(me) {
  const signOut = el('button', { type: 'button', id: 'sign-out' }, 'Sign out');
  signOut.addEventListener('click', async () => {
    await call('/api/session', { method: 'DELETE' });
    location.reload();
  });
  $('who').replaceChildren(el('span', { id: 'who-name', title: `role ${me.role}` },
    el('span', { class: 'tenant' }, me.tenant), ' · ', me.name, me.role === 'admin' ? el('span', { class: 'role' }, 'admin') : null), signOut);
  $('who').hidden = false;
}

async function authConfig() {
  try {
    const reply = await call('/api/auth/config');
    return reply.ok ? reply.json?.oidc || null : null;
  } catch {
    return null;
  }
}

async function signedOut(message) {
  signInForm(await authConfig(), message);
  return new Promise(() => {});
}

/** Resolves with {tenant, name, role} when signed in; otherwise shows the sign-in form and never resolves. */
async function authenticate() {
  let message = null;
  if (new URLSearchParams(location.search).has('state')) {
    const oidc = await authConfig();
    if (oidc) message = await finishOidc(oidc);
  }
  const me = await call('/api/whoami');
  if (me.status === 401) return signedOut(message);
  if (!me.ok) {
    $('main').prepend(el('div', { class: 'alert', role: 'alert' }, el('h2', {}, 'Cannot tell who you are'), el('p', {}, `GET /api/whoami answered HTTP ${me.status}.`)));
    return new Promise(() => {});
  }
  showWho(me.json);
  return me.json;
}

let unauthorizedShown = false;
window.addEventListener('forgeline:unauthorized', () => {
  if (unauthorizedShown || !$('who') || $('who').hidden) return;
  unauthorizedShown = true;
  $('who').hidden = true;
  signedOut('Your session ended (signed out, or the key was revoked). Sign in again.');
});

/** The signed-in identity; pages `await ready` before they load anything. */
export const ready = authenticate();
