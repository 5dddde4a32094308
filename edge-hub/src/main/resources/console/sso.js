'use strict';
// The applications clinicians open from the kiosks without a password (the hub's OpenID Provider): what IT
// registered, a form to register one (admins), a new secret or a removal per application. A secret is shown
// once, in the page only, never stored by the page. Data only as textContent.
(function () {
  const { t, format, el, api, errorText, poll, say } = window.Vigie;
  const body = document.querySelector('#clients tbody');
  const empty = document.getElementById('clients-empty');
  const summary = document.getElementById('summary');
  const status = document.getElementById('refresh-status');
  const secretBox = document.getElementById('secret-box');
  const secret = document.getElementById('client-secret');
  const form = document.getElementById('client-form');

  function showSecret(client) {
    secret.textContent = client.clientSecret || '';
    secretBox.hidden = !client.clientSecret;
  }

  async function act(promise, done) {
    try {
      const answer = await promise;
      say(done);
      if (answer) {
        showSecret(answer);
      }
      refresh();
    } catch (err) {
      say(errorText(err), true);
    }
  }

  function row(c) {
    const renew = el('button', { type: 'button', className: 'secret', text: t['sso.newSecret'] });
    renew.hidden = c.tokenEndpointAuthMethod !== 'client_secret_basic';
    renew.addEventListener('click', () => act(api('/api/v1/sso/clients/' + encodeURIComponent(c.clientId) + '/secret',
      { method: 'POST' }), format(t['sso.secretIssued'], c.name)));
    const remove = el('button', { type: 'button', className: 'remove', text: t['sso.remove'] });
    remove.addEventListener('click', () => {
      if (window.confirm(format(t['sso.confirmRemove'], c.name))) {
        act(api('/api/v1/sso/clients/' + encodeURIComponent(c.clientId), { method: 'DELETE' }),
          format(t['sso.removed'], c.name));
      }
    });
    const logout = c.backChannelLogoutUri ? t['sso.logout.back'] : c.frontChannelLogoutUri ? t['sso.logout.front']
      : t['sso.logout.none'];
    return el('tr', { attrs: { 'data-client': c.clientId } }, el('td', { text: c.name }), el('td', { text: c.clientId }),
      el('td', { text: t['sso.level.' + c.minLevel] || c.minLevel }),
      el('td', { text: t['sso.auth.' + c.tokenEndpointAuthMethod] || c.tokenEndpointAuthMethod }),
      el('td', { text: c.redirectUris.join(' ') }), el('td', { text: logout }),
      el('td', { text: c.kioskGroups.join(', ') }), el('td', { className: 'admin-only' }, renew, remove));
  }

  function lines(text) {
    return text.split(/[\s,]+/).map((s) => s.trim()).filter((s) => s.length > 0);
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const value = (id) => document.getElementById(id).value.trim();
    const client = { clientId: value('clientId'), name: value('name'), redirectUris: lines(value('redirectUris')),
      minLevel: value('minLevel'), tokenEndpointAuthMethod: value('authMethod'), kioskGroups: lines(value('kioskGroups')) };
    for (const id of ['jwks', 'backChannelLogoutUri', 'frontChannelLogoutUri']) {
      if (value(id)) {
        client[id] = value(id);
      }
    }
    act(api('/api/v1/sso/clients', { method: 'POST', body: client }), format(t['sso.registered'], client.name))
      .then(() => form.reset());
  });

  async function refresh() {
    try {
      const clients = await api('/api/v1/sso/clients');
      body.replaceChildren(...clients.map(row));
      empty.hidden = clients.length > 0;
      summary.textContent = format(t['sso.summary'], clients.length);
      status.classList.remove('error');
      status.textContent = format(t.updated, new Date().toLocaleTimeString(t.locale));
    } catch (err) {
      status.classList.add('error');
      status.textContent = errorText(err);
    }
  }

  poll(refresh, 10000);
})();
