'use strict';
// Pending enrolments: IT approves a kiosk by typing the code its screen shows (so the request on the
// hub is the kiosk in front of them), or rejects it with a reason. Several requests for one kiosk (one
// real, others not) are marked as a conflict: approving the right code closes the others on the hub.
// Data only as textContent.
(function () {
  const { t, format, when, el, api, errorText, poll, say } = window.Vigie;
  const pendingBody = document.querySelector('#pending tbody');
  const decidedBody = document.querySelector('#decided tbody');
  const pendingEmpty = document.getElementById('pending-empty');
  const conflicts = document.getElementById('conflicts');
  const summary = document.getElementById('summary');
  const status = document.getElementById('refresh-status');

  async function decide(e, action, field, value) {
    try {
      const body = {};
      body[field] = value;
      await api('/api/v1/enrolments/' + encodeURIComponent(e.id) + '/' + action, { method: 'POST', body });
      say(format(action === 'approve' ? t['enrol.approved'] : t['enrol.rejected'], e.site + '/' + e.kioskId));
      const row = pendingBody.querySelector('tr[data-enrolment="' + CSS.escape(String(e.id)) + '"]');
      if (row) {
        row.remove();
      }
      refresh();
    } catch (err) {
      say(errorText(err), true);
    }
  }

  function pendingRow(e) {
    const code = el('input', { type: 'text', className: 'code', autocomplete: 'off', inputMode: 'text',
      attrs: { 'aria-label': t['enrol.code'], placeholder: t['enrol.code'] } });
    const reason = el('input', { type: 'text', className: 'reason', autocomplete: 'off',
      attrs: { 'aria-label': t['enrol.reason'], placeholder: t['enrol.reason'] } });
    const approve = el('button', { type: 'button', className: 'primary approve', text: t['enrol.approve'] });
    const reject = el('button', { type: 'button', className: 'danger reject', text: t['enrol.reject'] });
    approve.addEventListener('click', () => decide(e, 'approve', 'enrolmentCode', code.value.trim()));
    reject.addEventListener('click', () => decide(e, 'reject', 'reason', reason.value.trim() || t['enrol.reason.default']));
    const kiosk = el('td', { className: 'kiosk', text: e.kioskId });
    if (e.conflicts > 0) {
      kiosk.append(el('span', { className: 'conflict warning', text: format(t['enrol.conflict'], e.conflicts) }));
    }
    return el('tr', { attrs: { 'data-enrolment': e.id, 'data-kiosk': e.site + '/' + e.kioskId,
      'data-conflicts': e.conflicts || 0 } },
      el('td', { text: e.site }), kiosk, el('td', { text: when(e.requestedAt) }),
      el('td', { className: 'source', text: e.source || t.none }),
      el('td', { className: 'admin-only decision' }, code, approve, reason, reject));
  }

  function decidedRow(e) {
    return el('tr', { attrs: { 'data-enrolment': e.id, 'data-status': e.status } },
      el('td', { text: e.site }), el('td', { className: 'kiosk', text: e.kioskId }),
      el('td', { text: t['enrol.status.' + e.status] || e.status }), el('td', { text: e.decidedBy || t.none }),
      el('td', { text: when(e.decidedAt) }), el('td', { text: t['enrol.reason.' + e.reason] || e.reason || '' }));
  }

  async function refresh() {
    try {
      const all = await api('/api/v1/enrolments');
      const pending = all.filter((e) => e.status === 'PENDING');
      // never redraw under the person typing a code or a reason
      const typing = pendingBody.contains(document.activeElement)
        || Array.from(pendingBody.querySelectorAll('input')).some((i) => i.value !== '');
      if (!typing) {
        pendingBody.replaceChildren(...pending.map(pendingRow));
      }
      decidedBody.replaceChildren(...all.filter((e) => e.status !== 'PENDING').slice(0, 50).map(decidedRow));
      pendingEmpty.hidden = pending.length > 0;
      conflicts.hidden = !pending.some((e) => e.conflicts > 0);
      summary.textContent = format(t['enrol.summary'], pending.length);
      status.classList.remove('error');
      status.textContent = format(t.updated, new Date().toLocaleTimeString(t.locale));
    } catch (err) {
      status.classList.add('error');
      status.textContent = t.unreachable;
    }
  }

  document.getElementById('token-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const out = document.getElementById('token-value');
    try {
      const tok = await api('/api/v1/enrolments/tokens', { method: 'POST', body: {
        kioskId: document.getElementById('token-kiosk').value.trim(),
        ttlHours: Number(document.getElementById('token-hours').value) } });
      out.textContent = tok.token;
      say(format(t['enrol.token.issued'], tok.site + '/' + tok.kioskId, when(tok.expiresAt)));
    } catch (err) {
      out.textContent = '';
      say(errorText(err), true);
    }
  });

  poll(refresh, 3000);
})();
