'use strict';
// Shared by every console page: texts from the page's i18n meta element, formatting, and calls to the hub's
// REST API with the session's CSRF token. Data only ever enters the DOM as text (Vigie.el, textContent).
window.Vigie = (function () {
  const t = JSON.parse(document.getElementById('i18n').content);
  const dateTime = new Intl.DateTimeFormat(t.locale, { dateStyle: 'short', timeStyle: 'medium' });
  const lang = document.documentElement.lang;

  function format(template, ...values) {
    return String(template).replace(/\{(\d+)\}/g, (m, i) => String(values[Number(i)]));
  }

  function when(iso) {
    return iso ? dateTime.format(new Date(iso)) : t.none;
  }

  // el('td', {className: 'x', text: value, title: …, attrs: {'data-k': v}}, child…): never parses HTML.
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    const p = props || {};
    for (const [k, v] of Object.entries(p)) {
      if (k === 'text') {
        node.textContent = v === null || v === undefined ? '' : String(v);
      } else if (k === 'attrs') {
        for (const [a, av] of Object.entries(v)) {
          node.setAttribute(a, String(av));
        }
      } else {
        node[k] = v;
      }
    }
    children.forEach((c) => node.append(c));
    return node;
  }

  function signIn() {
    window.location.assign('/signin?next=' + encodeURIComponent(location.pathname + location.search));
  }

  const session = fetch('/api/v1/session', { headers: { Accept: 'application/json' }, cache: 'no-store' })
    .then((r) => {
      if (r.status === 401) {
        signIn();
        throw new Error('signed out');
      }
      return r.json();
    });

  // api('/api/v1/x', {method: 'POST', body: {...}}) → parsed JSON (or null); throws {status, error, message}.
  async function api(path, options) {
    const o = options || {};
    const headers = { Accept: 'application/json' };
    const method = o.method || 'GET';
    if (method !== 'GET') {
      headers['X-CSRF-Token'] = (await session).csrf;
    }
    if (o.body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    const r = await fetch(path, { method, headers, cache: 'no-store', credentials: 'same-origin',
      body: o.body === undefined ? undefined : JSON.stringify(o.body) });
    if (r.status === 401) {
      signIn();
    }
    const text = await r.text();
    const json = text ? JSON.parse(text) : null;
    if (!r.ok) {
      throw { status: r.status, error: json && json.error, message: json && json.message,
        parameter: json && json.parameter, setting: json && json.setting };
    }
    return json;
  }

  // The message for a failed call: the translated code when there is one (with the hub's detail),
  // else the hub's own words.
  function errorText(e) {
    const translated = e && e.error && t['error.' + e.error];
    if (translated) {
      return e.message ? translated + ' (' + e.message + ')' : translated;
    }
    return (e && e.message) || t.unreachable;
  }

  /** Tells the outcome of an action in the page's action-result line, marked as an error when it is one. */
  function say(text, isError) {
    const result = document.getElementById('action-result');
    result.textContent = text;
    result.classList.toggle('error', Boolean(isError));
  }

  function poll(fn, ms) {
    fn();
    return setInterval(fn, ms);
  }

  document.addEventListener('DOMContentLoaded', () => {
    const page = document.body.getAttribute('data-page');
    for (const a of document.querySelectorAll('nav a[data-nav]')) {
      if (a.getAttribute('data-nav') === page) {
        a.setAttribute('aria-current', 'page');
      }
      if (new URLSearchParams(location.search).has('lang')) {
        a.href = a.getAttribute('href') + '?lang=' + lang;
      }
    }
    const switcher = document.getElementById('lang-switch');
    if (switcher) {
      const q = new URLSearchParams(location.search);
      q.set('lang', switcher.getAttribute('hreflang'));
      switcher.href = '?' + q.toString();
    }
    session.then((s) => {
      document.getElementById('staff-login').textContent = s.login;
      document.getElementById('staff-role').textContent = t['role.' + s.role] || s.role;
      document.body.setAttribute('data-role', s.role);
    }).catch(() => {});
    const out = document.getElementById('signout');
    if (out) {
      out.addEventListener('click', async () => {
        try {
          await api('/api/v1/session', { method: 'DELETE' });
        } finally {
          window.location.assign('/signin');
        }
      });
    }
  });

  return { t, format, when, el, api, errorText, say, poll, session };
})();
