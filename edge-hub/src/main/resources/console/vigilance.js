'use strict';
// Identity-vigilance page: lists the open flags from /api/v1/vigilance/flags every 5 seconds. Every
// text comes from the page's i18n block; data only ever enters the DOM as textContent.
(function () {
  const REFRESH_MS = 5000;
  const t = JSON.parse(document.getElementById('i18n').textContent);
  const tbody = document.querySelector('#flags tbody');
  const empty = document.getElementById('empty');
  const summary = document.getElementById('summary');
  const status = document.getElementById('refresh-status');
  const dateTime = new Intl.DateTimeFormat(t.locale, { dateStyle: 'short', timeStyle: 'medium' });

  function format(template, ...values) {
    return template.replace(/\{(\d+)\}/g, (m, i) => String(values[Number(i)]));
  }

  function kindText(kind) {
    return t['kind.' + kind] || kind;
  }

  function row(f) {
    const tr = document.createElement('tr');
    tr.setAttribute('data-flag', String(f.flagId));
    tr.setAttribute('data-kind', f.kind);
    const cells = [kindText(f.kind), String(f.recordA), String(f.recordB),
      t['reason.' + f.reasonCode] || f.reasonCode,
      f.detectedAt ? dateTime.format(new Date(f.detectedAt)) : t.none];
    for (const text of cells) {
      const td = document.createElement('td');
      td.textContent = text;
      tr.appendChild(td);
    }
    // the rule's details (which criteria held) are data from the hub, shown on hover
    tr.children[3].setAttribute('title', f.reason);
    return tr;
  }

  async function refresh() {
    try {
      const res = await fetch('api/v1/vigilance/flags', { headers: { Accept: 'application/json' } });
      if (!res.ok) {
        throw new Error(String(res.status));
      }
      const flags = (await res.json()).flags;
      tbody.replaceChildren(...flags.map(row));
      empty.hidden = flags.length > 0;
      summary.textContent = format(t['flags.summary'], flags.length);
      status.textContent = format(t.updated, new Date().toLocaleTimeString(t.locale));
    } catch (e) {
      status.textContent = t['flags.unreachable'];
    }
  }

  refresh();
  setInterval(refresh, REFRESH_MS);
})();
