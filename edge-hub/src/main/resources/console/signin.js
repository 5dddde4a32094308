'use strict';
// Sign-in page: posts the login and password as JSON to /api/v1/session (the hub sets the HttpOnly
// session cookie), then goes to the page the person came from — only ever a path on this hub.
(function () {
  const t = JSON.parse(document.getElementById('i18n').content);
  const form = document.getElementById('signin');
  const error = document.getElementById('signin-error');
  const button = document.getElementById('signin-submit');

  function next() {
    const n = new URLSearchParams(location.search).get('next');
    return n && n.startsWith('/') && !n.startsWith('//') && !n.startsWith('/\\') ? n : '/';
  }

  function show(text) {
    error.textContent = text;
    error.hidden = false;
  }

  const switcher = document.getElementById('lang-switch');
  const q = new URLSearchParams(location.search);
  q.set('lang', switcher.getAttribute('hreflang'));
  switcher.href = '?' + q.toString();

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    error.hidden = true;
    try {
      const r = await fetch('/api/v1/session', { method: 'POST', credentials: 'same-origin', cache: 'no-store',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ login: form.login.value, password: form.password.value }) });
      if (r.ok) {
        window.location.assign(next());
        return;
      }
      form.password.value = '';
      if (r.status === 429) {
        show(String(t['signin.throttled']).replace('{0}', r.headers.get('Retry-After') || '?'));
      } else if (r.status === 401) {
        show(t['signin.failed']);
      } else {
        show(t.unreachable);
      }
    } catch (e) {
      show(t.unreachable);
    } finally {
      button.disabled = false;
    }
  });
})();
