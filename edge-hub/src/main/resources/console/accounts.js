'use strict';
// Local accounts of clinicians (the establishment's directory): the card holders refused an application for want
// of a local account, first, then those IT linked; a form to link one to a directory login (admins), an unlink
// button per link. Data only as textContent.
(function () {
  const { t, format, el, api, errorText, poll, say } = window.Vigie;
  const body = document.querySelector('#links tbody');
  const empty = document.getElementById('links-empty');
  const summary = document.getElementById('summary');
  const status = document.getElementById('refresh-status');
  const form = document.getElementById('link-form');
  const value = (id) => document.getElementById(id).value.trim();

  async function act(promise, done) {
    try {
      await promise;
      say(done);
      refresh();
    } catch (err) {
      say(errorText(err), true);
    }
  }

  function row(l) {
    const name = (l.givenName + ' ' + l.familyName).trim();
    const action = el('td', { className: 'admin-only' });
    if (l.login) {
      const unlink = el('button', { type: 'button', className: 'remove', text: t['accounts.unlink'] });
      unlink.addEventListener('click', () => {
        if (window.confirm(format(t['accounts.confirmUnlink'], name, l.login))) {
          act(api('/api/v1/sso/accounts/' + encodeURIComponent(l.professional), { method: 'DELETE' }),
            format(t['accounts.unlinked'], name));
        }
      });
      action.append(unlink);
    } else {
      const fill = el('button', { type: 'button', className: 'link', text: t['accounts.link'] });
      fill.addEventListener('click', () => {
        document.getElementById('professional').value = l.professional;
        document.getElementById('familyName').value = l.familyName;
        document.getElementById('givenName').value = l.givenName;
        document.getElementById('login').focus();
      });
      action.append(fill);
    }
    return el('tr', { attrs: { 'data-professional': l.professional } }, el('td', { text: name }),
      el('td', { text: l.professional }), el('td', { text: l.login || t['accounts.notLinked'] }),
      el('td', { text: l.lastSeen ? new Date(l.lastSeen).toLocaleString(t.locale) : '' }), action);
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const link = { professional: value('professional'), login: value('login'), familyName: value('familyName'),
      givenName: value('givenName') };
    act(api('/api/v1/sso/accounts', { method: 'POST', body: link }), format(t['accounts.linked'], link.login))
      .then(() => form.reset());
  });

  async function refresh() {
    try {
      const links = await api('/api/v1/sso/accounts');
      body.replaceChildren(...links.map(row));
      empty.hidden = links.length > 0;
      summary.textContent = format(t['accounts.summary'], links.filter((l) => !l.login).length);
      status.classList.remove('error');
      status.textContent = format(t.updated, new Date().toLocaleTimeString(t.locale));
    } catch (err) {
      status.classList.add('error');
      status.textContent = errorText(err);
    }
  }

  poll(refresh, 10000);
})();
