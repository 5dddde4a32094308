'use strict';
// IT console: lists the kiosks from /api/v1/devices every 2 seconds. Every text comes from the
// page's i18n block (the server's message bundle); data only ever enters the DOM as textContent.
(function () {
  const REFRESH_MS = 2000;
  const t = JSON.parse(document.getElementById('i18n').textContent);
  const tbody = document.querySelector('#devices tbody');
  const empty = document.getElementById('empty');
  const summary = document.getElementById('summary');
  const status = document.getElementById('refresh-status');
  const dateTime = new Intl.DateTimeFormat(t.locale, { dateStyle: 'short', timeStyle: 'medium' });
  const time = new Intl.DateTimeFormat(t.locale, { timeStyle: 'medium' });
  const COLUMNS = ['site', 'kiosk', 'state', 'heartbeat', 'version', 'outbox', 'last-event', 'events'];

  function format(template, ...values) {
    return template.replace(/\{(\d+)\}/g, (m, i) => String(values[Number(i)]));
  }

  function when(iso) {
    return iso ? dateTime.format(new Date(iso)) : t.none;
  }

  function newRow(key) {
    const tr = document.createElement('tr');
    tr.setAttribute('data-kiosk', key);
    for (const name of COLUMNS) {
      const td = document.createElement('td');
      td.className = name;
      if (name === 'outbox' || name === 'events') {
        td.classList.add('number');
      }
      tr.appendChild(td);
    }
    tr.querySelector('td.state').appendChild(document.createElement('span'));
    return tr;
  }

  function fill(tr, d) {
    const cell = (name) => tr.querySelector('td.' + name);
    tr.setAttribute('data-online', String(d.online));
    cell('site').textContent = d.site;
    cell('kiosk').textContent = d.kioskId;
    cell('state').firstChild.textContent = d.online ? t.online : t.offline;
    cell('heartbeat').textContent = when(d.lastHeartbeatAt);
    cell('heartbeat').title = d.lastHeartbeatAt || '';
    cell('version').textContent = d.softwareVersion || t.none;
    cell('outbox').textContent = d.outboxDepth === null || d.outboxDepth === undefined ? t.none : String(d.outboxDepth);
    const last = cell('last-event');
    last.textContent = d.lastEventType || t.none;
    if (d.lastEventAt) {
      const small = document.createElement('small');
      small.textContent = when(d.lastEventAt);
      last.appendChild(small);
    }
    cell('events').textContent = String(d.eventCount);
  }

  function render(devices) {
    const existing = new Map();
    for (const tr of Array.from(tbody.rows)) {
      existing.set(tr.getAttribute('data-kiosk'), tr);
    }
    let online = 0;
    devices.forEach((d, index) => {
      const key = d.site + '/' + d.kioskId;
      const tr = existing.get(key) || newRow(key);
      existing.delete(key);
      fill(tr, d);
      if (tbody.rows[index] !== tr) {
        tbody.insertBefore(tr, tbody.rows[index] || null);
      }
      if (d.online) {
        online++;
      }
    });
    existing.forEach((tr) => tr.remove());
    empty.hidden = devices.length > 0;
    summary.textContent = format(t.summary, online, devices.length);
  }

  async function refresh() {
    try {
      const response = await fetch('api/v1/devices', { headers: { Accept: 'application/json' }, cache: 'no-store' });
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      render(await response.json());
      status.classList.remove('error');
      status.textContent = format(t.updated, time.format(new Date()));
    } catch (e) {
      status.classList.add('error');
      status.textContent = t.unreachable;
    }
  }

  refresh();
  setInterval(refresh, REFRESH_MS);
})();
