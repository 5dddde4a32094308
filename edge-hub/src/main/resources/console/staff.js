'use strict';
// IT accounts and sign-in locks: who may sign in, and which accounts or addresses are held back after
// failed sign-ins, with a button (admins) that lifts a block at once. Data only as textContent.
(function () {
  const { t, format, when, el, api, errorText, poll, say } = window.Vigie;
  const locksBody = document.querySelector('#locks tbody');
  const accountsBody = document.querySelector('#accounts tbody');
  const locksEmpty = document.getElementById('locks-empty');
  const summary = document.getElementById('summary');
  const status = document.getElementById('refresh-status');

  async function lift(lock) {
    try {
      const body = {};
      body[lock.kind] = lock.name;
      await api('/api/v1/staff/signin-locks/lift', { method: 'POST', body });
      say(format(t['staff.lifted'], lock.name));
      refresh();
    } catch (err) {
      say(errorText(err), true);
    }
  }

  function lockRow(lock) {
    const button = el('button', { type: 'button', className: 'primary lift', text: t['staff.lift'] });
    button.addEventListener('click', () => lift(lock));
    return el('tr', { attrs: { 'data-kind': lock.kind, 'data-name': lock.name, 'data-locked': lock.locked } },
      el('td', { text: t['staff.kind.' + lock.kind] || lock.kind }), el('td', { className: 'name', text: lock.name }),
      el('td', { className: 'number', text: lock.failures }),
      el('td', { className: 'until', text: lock.locked ? when(lock.lockedUntil) : t['staff.notLocked'] }),
      el('td', { className: 'admin-only' }, button));
  }

  function accountRow(a) {
    return el('tr', { attrs: { 'data-login': a.login } }, el('td', { text: a.login }),
      el('td', { text: t['staff.role.' + a.role] || a.role }), el('td', { text: when(a.createdAt) }),
      el('td', { text: a.createdBy }));
  }

  async function refresh() {
    try {
      const [locks, accounts] = await Promise.all([api('/api/v1/staff/signin-locks'), api('/api/v1/staff/accounts')]);
      locksBody.replaceChildren(...locks.locks.map(lockRow));
      locksEmpty.hidden = locks.locks.length > 0;
      accountsBody.replaceChildren(...accounts.map(accountRow));
      summary.textContent = format(t['staff.summary'], locks.locks.filter((l) => l.locked).length);
      status.classList.remove('error');
      status.textContent = format(t.updated, new Date().toLocaleTimeString(t.locale));
    } catch (err) {
      status.classList.add('error');
      status.textContent = t.unreachable;
    }
  }

  poll(refresh, 5000);
})();
