'use strict';
// GAM feed page: the state of the identity feed to the hospital's patient administration system, the messages the
// GAM refused (admins send one again once the cause is fixed on the GAM's side), the messages waiting and the last
// ones accepted, from /api/v1/gam/* every 5 seconds. Data only ever enters the DOM as textContent.
(function () {
  const { t, format, when, el, api, errorText, poll, say } = window.Vigie;
  const failedBody = document.querySelector('#failed tbody');
  const waitingBody = document.querySelector('#waiting tbody');
  const deliveredBody = document.querySelector('#delivered tbody');
  const failedEmpty = document.getElementById('failed-empty');
  const waitingEmpty = document.getElementById('waiting-empty');
  const summary = document.getElementById('summary');
  const status = document.getElementById('refresh-status');

  function event(m) {
    return t['gam.event.' + m.event] || m.event;
  }

  function record(m) {
    return m.otherRecordId === null || m.otherRecordId === undefined ? String(m.recordId)
      : format(t['gam.merged'], m.otherRecordId, m.recordId);
  }

  async function resend(m) {
    try {
      await api('/api/v1/gam/messages/' + encodeURIComponent(m.messageId) + '/resend', { method: 'POST', body: {} });
      say(format(t['gam.resent'], m.messageId));
      refresh();
    } catch (err) {
      say(errorText(err), true);
    }
  }

  function failedRow(m) {
    const button = el('button', { type: 'button', className: 'primary resend', text: t['gam.resend'] });
    button.addEventListener('click', () => resend(m));
    const answer = (t['gam.ack.' + m.ackCode] || m.ackCode) + (m.ackText ? ' : ' + m.ackText : '');
    return el('tr', { attrs: { 'data-message': m.messageId, 'data-state': m.state, 'data-event': m.event,
      'data-record': m.recordId } },
    el('td', { className: 'number', text: m.messageId }), el('td', { text: event(m) }),
    el('td', { className: 'number', text: record(m) }), el('td', { className: 'answer', text: answer }),
    el('td', { text: when(m.ackedAt) }), el('td', { className: 'admin-only' }, button));
  }

  function waitingRow(m) {
    const why = m.waitingBehind !== null && m.waitingBehind !== undefined ? format(t['gam.behind'], m.waitingBehind)
      : (m.lastError ? t['gam.unreachable'] : t['gam.queued']);
    const cell = el('td', { className: 'why', text: why });
    if (m.lastError) {
      cell.setAttribute('title', m.lastError); // the transport's own words, for IT
    }
    return el('tr', { attrs: { 'data-message': m.messageId, 'data-state': m.state, 'data-event': m.event,
      'data-record': m.recordId } },
    el('td', { className: 'number', text: m.messageId }), el('td', { text: event(m) }),
    el('td', { className: 'number', text: record(m) }), el('td', { text: when(m.createdAt) }),
    el('td', { className: 'number', text: m.attempts }), cell);
  }

  function deliveredRow(m) {
    return el('tr', { attrs: { 'data-message': m.messageId, 'data-state': m.state, 'data-event': m.event,
      'data-record': m.recordId } },
    el('td', { className: 'number', text: m.messageId }), el('td', { text: event(m) }),
    el('td', { className: 'number', text: record(m) }), el('td', { text: when(m.ackedAt) }));
  }

  function showStatus(s) {
    const state = !s.enabled ? t['gam.state.off'] : (s.sending ? format(t['gam.state.sending'], s.destination)
      : format(t['gam.state.standby'], s.destination));
    document.getElementById('feed-state').textContent = state;
    document.getElementById('feed-connection').textContent = !s.enabled ? t.none
      : (s.connected ? t['gam.connected'] : t['gam.disconnected']);
    document.getElementById('feed-last-delivered').textContent = when(s.lastDeliveredAt);
    const error = document.getElementById('feed-last-error');
    error.textContent = s.lastError ? format(t['gam.lastError'], when(s.lastErrorAt), s.lastError)
      + (s.nextAttemptAt ? ' ' + format(t['gam.nextAttempt'], when(s.nextAttemptAt)) : '') : t.none;
    document.body.setAttribute('data-feed', !s.enabled ? 'off' : (s.sending ? 'sending' : 'standby'));
    summary.textContent = format(t['gam.summary'], s.counts.waiting, s.counts.failed, s.counts.delivered);
  }

  async function refresh() {
    try {
      const [s, failed, waiting, delivered] = await Promise.all([api('/api/v1/gam/status'),
        api('/api/v1/gam/messages?state=FAILED&limit=200'), api('/api/v1/gam/messages?state=PENDING&limit=200'),
        api('/api/v1/gam/messages?state=DONE&limit=20')]);
      showStatus(s);
      failedBody.replaceChildren(...failed.messages.map(failedRow));
      failedEmpty.hidden = failed.messages.length > 0;
      waitingBody.replaceChildren(...waiting.messages.map(waitingRow));
      waitingEmpty.hidden = waiting.messages.length > 0;
      deliveredBody.replaceChildren(...delivered.messages.map(deliveredRow));
      status.classList.remove('error');
      status.textContent = format(t.updated, new Date().toLocaleTimeString(t.locale));
    } catch (err) {
      status.classList.add('error');
      status.textContent = t.unreachable;
    }
  }

  poll(refresh, 5000);
})();
