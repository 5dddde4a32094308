'use strict';
// The audit log: who did what to which subject, filtered, paged; and the verification of its hash
// chain (the hub records that verification too, so it is open to admins only). Data only as textContent.
(function () {
  const { t, format, when, el, api, errorText, say } = window.Vigie;
  const tbody = document.querySelector('#audit tbody');
  const more = document.getElementById('more');
  let next = null;

  function query() {
    const q = new URLSearchParams({ limit: '100' });
    for (const name of ['actor', 'category', 'action', 'subject']) {
      const v = document.getElementById('filter-' + name).value.trim();
      if (v) {
        q.set(name, v);
      }
    }
    return q;
  }

  async function load(append) {
    const q = query();
    if (append && next) {
      q.set('after', next);
    }
    try {
      const page = await api('/api/v1/audit?' + q.toString());
      const rows = page.entries.map((e) => el('tr', { attrs: { 'data-seq': e.seq, 'data-action': e.action } },
        el('td', { className: 'number', text: e.seq }), el('td', { text: when(e.recordedAt) }),
        el('td', { text: e.actor }), el('td', { text: t['action.' + e.action] || e.action, title: e.action }),
        el('td', { text: e.subject }),
        el('td', { text: Object.entries(e.details || {}).map(([k, v]) => k + '=' + v).join(' ') })));
      if (append) {
        tbody.append(...rows);
      } else {
        tbody.replaceChildren(...rows);
      }
      next = page.next;
      more.hidden = !next;
    } catch (err) {
      say(errorText(err), true);
    }
  }

  document.getElementById('filters').addEventListener('submit', (event) => {
    event.preventDefault();
    load(false);
  });
  document.getElementById('filter-category').addEventListener('change', () => load(false));
  more.addEventListener('click', () => load(true));
  document.getElementById('verify').addEventListener('click', async () => {
    try {
      const v = await api('/api/v1/audit/verify', { method: 'POST' });
      if (v.intact) {
        say(format(t['audit.intact'], v.entriesChecked) + ' ' + (v.anchor
          ? format(t['audit.anchored'], when(v.anchor.exportedAt), v.anchor.seq) : t['audit.notAnchored']));
      } else {
        say(format(t['audit.broken'], v.problem.code, v.problem.position, v.problem.message), true);
      }
      load(false);
    } catch (err) {
      say(errorText(err), true);
    }
  });
  load(false);
})();
