'use strict';
// Identity-vigilance page: lists the open flags from /api/v1/vigilance/flags and the changes waiting for
// a decision from /api/v1/vigilance/change-requests every 5 seconds; an admin accepts or refuses a change.
// Every text comes from the page's i18n block; data only ever enters the DOM as textContent.
(function () {
  const { t, format, when, el, api, errorText, poll, say } = window.Vigie;
  const REFRESH_MS = 5000;
  const tbody = document.querySelector('#flags tbody');
  const empty = document.getElementById('empty');
  const changesBody = document.querySelector('#changes tbody');
  const changesEmpty = document.getElementById('changes-empty');
  const summary = document.getElementById('summary');
  const status = document.getElementById('refresh-status');

  function row(f) {
    const tr = el('tr', { attrs: { 'data-flag': f.flagId, 'data-kind': f.kind, 'data-reason': f.reasonCode } });
    const cells = [t['kind.' + f.kind] || f.kind, String(f.recordA),
      f.recordB === null || f.recordB === undefined ? t.none : String(f.recordB),
      t['reason.' + f.reasonCode] || f.reasonCode, when(f.detectedAt)];
    cells.forEach((text) => tr.appendChild(el('td', { text })));
    // the rule's details (which criteria held) are data from the hub, shown on hover
    tr.children[3].setAttribute('title', f.reason);
    const merge = el('td', { className: 'admin-only merge' });
    if (f.kind === 'DOUB' && f.recordB !== null && f.recordB !== undefined) {
      // a probable duplicate only: a collision is never merged
      [[f.recordA, f.recordB], [f.recordB, f.recordA]].forEach(([keep, absorb]) => {
        const b = el('button', { type: 'button', className: 'keep', text: format(t['flags.keep'], keep),
          attrs: { 'data-keep': keep } });
        b.addEventListener('click', () => mergeFlag(f, keep, absorb));
        merge.append(b);
      });
    }
    tr.appendChild(merge);
    return tr;
  }

  async function mergeFlag(f, keep, absorb) {
    if (!window.confirm(format(t['flags.confirmMerge'], absorb, keep))) {
      return;
    }
    try {
      await api('/api/v1/vigilance/flags/' + encodeURIComponent(f.flagId) + '/merge', { method: 'POST',
        body: { survivor: keep } });
      say(format(t['flags.merged'], absorb, keep));
      refresh();
    } catch (err) {
      say(errorText(err), true);
    }
  }

  // "NOM Prénoms · F · 1990-11-20 · 33063 · QUAL · INS 2************59"
  function identity(i) {
    return [i.nomNaissance + ' ' + i.listePrenom, i.sexe, i.dateNaissance, i.lieuNaissance, i.status,
      i.insMasked ? 'INS ' + i.insMasked : null].filter((p) => p).join(' · ');
  }

  async function decide(c, action, body) {
    try {
      await api('/api/v1/vigilance/change-requests/' + encodeURIComponent(c.requestId) + '/' + action,
        { method: 'POST', body });
      say(format(action === 'accept' ? t['changes.accepted'] : t['changes.refused'], c.requestId, c.recordId));
      const decided = changesBody.querySelector('tr[data-change="' + CSS.escape(String(c.requestId)) + '"]');
      if (decided) {
        decided.remove();
      }
      refresh();
    } catch (err) {
      say(errorText(err), true);
    }
  }

  function changeRow(c) {
    const note = el('input', { type: 'text', className: 'reason', autocomplete: 'off',
      attrs: { 'aria-label': t['changes.note'], placeholder: t['changes.note'] } });
    const accept = el('button', { type: 'button', className: 'primary accept', text: t['changes.accept'] });
    const refuse = el('button', { type: 'button', className: 'danger refuse', text: t['changes.refuse'] });
    accept.addEventListener('click', () => decide(c, 'accept', {}));
    refuse.addEventListener('click', () => decide(c, 'refuse', { note: note.value.trim() || null }));
    return el('tr', { attrs: { 'data-change': c.requestId, 'data-record': c.recordId } },
      el('td', { text: String(c.recordId) }), el('td', { text: t['changes.source.' + c.source] || c.source }),
      el('td', { className: 'current', text: identity(c.current) }),
      el('td', { className: 'proposed', text: identity(c.proposed) }),
      el('td', { text: when(c.requestedAt) }),
      el('td', { className: 'admin-only decision' }, accept, note, refuse));
  }

  async function refresh() {
    try {
      const flags = (await api('/api/v1/vigilance/flags')).flags;
      const changes = (await api('/api/v1/vigilance/change-requests')).changeRequests;
      tbody.replaceChildren(...flags.map(row));
      empty.hidden = flags.length > 0;
      // never redraw under the person typing a reason
      const active = document.activeElement;
      const typing = (active && active.tagName === 'INPUT' && changesBody.contains(active))
        || Array.from(changesBody.querySelectorAll('input')).some((i) => i.value !== '');
      if (!typing) {
        changesBody.replaceChildren(...changes.map(changeRow));
      }
      changesEmpty.hidden = changes.length > 0;
      summary.textContent = format(t['flags.summary'], flags.length) + ' · ' + format(t['changes.summary'], changes.length);
      status.textContent = format(t.updated, new Date().toLocaleTimeString(t.locale));
    } catch (e) {
      status.textContent = t['flags.unreachable'];
    }
  }

  poll(refresh, REFRESH_MS);
})();
