'use strict';
// Identity-vigilance page: lists the open flags from /api/v1/vigilance/flags every 5 seconds. Every
// text comes from the page's i18n block; data only ever enters the DOM as textContent.
(function () {
  const { t, format, when, el, api, poll } = window.Vigie;
  const REFRESH_MS = 5000;
  const tbody = document.querySelector('#flags tbody');
  const empty = document.getElementById('empty');
  const summary = document.getElementById('summary');
  const status = document.getElementById('refresh-status');

  function row(f) {
    const tr = el('tr', { attrs: { 'data-flag': f.flagId, 'data-kind': f.kind } });
    const cells = [t['kind.' + f.kind] || f.kind, String(f.recordA), String(f.recordB),
      t['reason.' + f.reasonCode] || f.reasonCode, when(f.detectedAt)];
    cells.forEach((text) => tr.appendChild(el('td', { text })));
    // the rule's details (which criteria held) are data from the hub, shown on hover
    tr.children[3].setAttribute('title', f.reason);
    return tr;
  }

  async function refresh() {
    try {
      const flags = (await api('/api/v1/vigilance/flags')).flags;
      tbody.replaceChildren(...flags.map(row));
      empty.hidden = flags.length > 0;
      summary.textContent = format(t['flags.summary'], flags.length);
      status.textContent = format(t.updated, new Date().toLocaleTimeString(t.locale));
    } catch (e) {
      status.textContent = t['flags.unreachable'];
    }
  }

  poll(refresh, REFRESH_MS);
})();
