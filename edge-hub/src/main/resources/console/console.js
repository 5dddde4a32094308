'use strict';
// IT console, devices page: lists the kiosks from /api/v1/devices every 2 seconds, filtered by site,
// state and configuration version. Texts from the page's i18n block; data only as textContent.
(function () {
  const { t, format, when, el, api, poll } = window.Vigie;
  const REFRESH_MS = 2000;
  const tbody = document.querySelector('#devices tbody');
  const empty = document.getElementById('empty');
  const summary = document.getElementById('summary');
  const status = document.getElementById('refresh-status');
  const filters = { site: document.getElementById('filter-site'), state: document.getElementById('filter-state'),
    config: document.getElementById('filter-config') };
  const time = new Intl.DateTimeFormat(t.locale, { timeStyle: 'medium' });
  const COLUMNS = ['site', 'kiosk', 'state', 'heartbeat', 'version', 'config', 'outbox', 'last-event', 'events'];
  let last = [];

  function newRow(key) {
    const tr = el('tr', { attrs: { 'data-kiosk': key } });
    for (const name of COLUMNS) {
      const td = el('td', { className: name });
      if (name === 'outbox' || name === 'events') {
        td.classList.add('number');
      }
      tr.appendChild(td);
    }
    tr.querySelector('td.state').appendChild(el('span'));
    return tr;
  }

  function fill(tr, d) {
    const cell = (name) => tr.querySelector('td.' + name);
    tr.setAttribute('data-online', String(d.online));
    cell('site').textContent = d.site;
    const link = el('a', { text: d.kioskId,
      href: '/device?site=' + encodeURIComponent(d.site) + '&kiosk=' + encodeURIComponent(d.kioskId) });
    cell('kiosk').replaceChildren(link);
    cell('state').firstChild.textContent = d.online ? t.online : t.offline;
    cell('heartbeat').textContent = when(d.lastHeartbeatAt);
    cell('heartbeat').title = d.lastHeartbeatAt || '';
    cell('version').textContent = d.softwareVersion || t.none;
    cell('config').textContent = configVersion(d) === '' ? t.none : configVersion(d);
    cell('outbox').textContent = d.outboxDepth === null || d.outboxDepth === undefined ? t.none : String(d.outboxDepth);
    const lastEvent = cell('last-event');
    lastEvent.textContent = d.lastEventType || t.none;
    if (d.lastEventAt) {
      lastEvent.appendChild(el('small', { text: when(d.lastEventAt) }));
    }
    cell('events').textContent = String(d.eventCount);
  }

  function configVersion(d) {
    const v = d.configVersion === undefined ? null : d.configVersion;
    return v === null ? '' : String(v);
  }

  function matches(d) {
    const site = filters.site.value.trim().toLowerCase();
    const state = filters.state.value;
    const config = filters.config.value.trim();
    return (!site || d.site.toLowerCase().includes(site))
      && (!state || (state === 'online') === Boolean(d.online))
      && (!config || configVersion(d) === config);
  }

  function render() {
    const devices = last.filter(matches);
    const existing = new Map();
    for (const tr of Array.from(tbody.rows)) {
      existing.set(tr.getAttribute('data-kiosk'), tr);
    }
    devices.forEach((d, index) => {
      const key = d.site + '/' + d.kioskId;
      const tr = existing.get(key) || newRow(key);
      existing.delete(key);
      fill(tr, d);
      if (tbody.rows[index] !== tr) {
        tbody.insertBefore(tr, tbody.rows[index] || null);
      }
    });
    existing.forEach((tr) => tr.remove());
    empty.hidden = devices.length > 0;
    summary.textContent = format(t.summary, last.filter((d) => d.online).length, last.length);
  }

  async function refresh() {
    try {
      last = await api('/api/v1/devices');
      render();
      status.classList.remove('error');
      status.textContent = format(t.updated, time.format(new Date()));
    } catch (e) {
      status.classList.add('error');
      status.textContent = t.unreachable;
    }
  }

  Object.values(filters).forEach((f) => f.addEventListener('input', render));
  poll(refresh, REFRESH_MS);
})();
