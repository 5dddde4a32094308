'use strict';
// One kiosk: its heartbeat content, its group, its role (admission desk or workstation) and the agent
// proven there, remote commands and their replies, what it refused on its command topic (forged, unsigned,
// expired, replayed… messages, from the audit log), its recent events, and revocation of its certificate.
// Site and kiosk come from ?site=&kiosk=; data only as textContent.
(function () {
  const { t, format, when, el, api, errorText, poll, say } = window.Vigie;
  const params = new URLSearchParams(location.search);
  const site = params.get('site') || '';
  const kiosk = params.get('kiosk') || '';
  const base = '/api/v1/devices/' + encodeURIComponent(site) + '/' + encodeURIComponent(kiosk);
  const commands = [];
  let groupShown = false;
  let roleShown = false;

  document.getElementById('device-name').textContent = site + '/' + kiosk;

  function fact(label, value) {
    return [el('dt', { text: label }), el('dd', { text: value === null || value === undefined || value === '' ? t.none : value })];
  }

  function duration(seconds) {
    if (seconds === null || seconds === undefined) {
      return null;
    }
    const h = Math.floor(seconds / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    return format(t['device.uptime.value'], h, m);
  }

  async function refreshFacts() {
    const devices = await api('/api/v1/devices');
    const d = devices.find((x) => x.site === site && x.kioskId === kiosk);
    document.getElementById('not-found').hidden = Boolean(d);
    if (!d) {
      return;
    }
    const facts = document.getElementById('facts');
    facts.setAttribute('data-online', String(d.online));
    facts.replaceChildren(...[
      fact(t['fact.state'], d.online ? t.online : t.offline),
      fact(t['fact.heartbeat'], when(d.lastHeartbeatAt)),
      fact(t['fact.software'], d.softwareVersion),
      fact(t['fact.config'], d.configVersion === null || d.configVersion === undefined ? null : String(d.configVersion)),
      fact(t['fact.group'], d.group),
      fact(t['fact.role'], t['device.role.' + d.role] || d.role),
      fact(t['fact.certificate'], d.certificateNotAfter ? when(d.certificateNotAfter) : null),
      fact(t['fact.readers'], (d.readers || []).join(', ')),
      fact(t['fact.outbox'], d.outboxDepth === null || d.outboxDepth === undefined ? null : String(d.outboxDepth)),
      fact(t['fact.uptime'], duration(d.uptimeSeconds)),
      fact(t['fact.started'], when(d.startedAt)),
      fact(t['fact.events'], String(d.eventCount)),
    ].flat());
    if (!groupShown && d.group) {
      document.getElementById('group').value = d.group;
      groupShown = true;
    }
    if (!roleShown && d.role) {
      document.getElementById('role').value = d.role;
      roleShown = true;
    }
    if (d.role === 'ADMISSION_DESK') {
      const r = await api(base + '/role');
      facts.append(...fact(t['fact.agent'], r.agent ? format(t['device.agent.value'], r.agent.agent,
        t['device.agent.method.' + r.agent.method] || r.agent.method, when(r.agent.expiresAt)) : null));
    }
  }

  async function refreshEvents() {
    const since = new Date(Date.now() - 24 * 3600 * 1000).toISOString();
    const page = await api('/api/v1/events?limit=1000&site=' + encodeURIComponent(site) + '&kiosk='
      + encodeURIComponent(kiosk) + '&from=' + encodeURIComponent(since));
    const recent = page.events.slice(-20).reverse();
    document.querySelector('#events tbody').replaceChildren(...recent.map((e) => el('tr', {},
      el('td', { text: when(e.occurredAt) }), el('td', { text: e.type }), el('td', { className: 'number', text: e.seq }))));
  }

  async function refreshCommands() {
    for (let i = 0; i < commands.length; i++) {
      if (commands[i].state === 'SENT') {
        commands[i] = await api(base + '/commands/' + encodeURIComponent(commands[i].requestId));
      }
    }
    document.querySelector('#commands tbody').replaceChildren(...commands.map((c) => el('tr',
      { attrs: { 'data-request': c.requestId, 'data-state': c.state } },
      el('td', { text: t['device.command.' + c.name] || c.name }),
      el('td', { text: t['command.state.' + c.state] || c.state }),
      el('td', { text: (c.code && t['refusal.' + c.code]) || c.code || t.none, title: [c.code, c.message].filter(Boolean).join(': ') }),
      el('td', { text: Object.entries(c.details || {}).map(([k, v]) => k + '=' + v).join(' ') }))));
  }

  async function refreshRefusals() {
    const page = await api(base + '/refusals');
    document.querySelector('#refusals tbody').replaceChildren(...page.refusals.map((e) => {
      const d = e.details || {};
      const command = d.command ? (t['device.command.' + d.command] || d.command)
        : t[e.action === 'COMMAND_REFUSED' ? 'refusal.unverified' : 'none'];
      const more = d.suppressed ? format(t['refusal.suppressed'], d.suppressed) : '';
      return el('tr', { attrs: { 'data-seq': e.seq, 'data-action': e.action, 'data-code': d.code || '' } },
        el('td', { text: when(e.recordedAt) }), el('td', { text: command }),
        el('td', { text: t['refusal.' + d.code] || d.code || t.none, title: [d.code, d.message].filter(Boolean).join(': ') }),
        el('td', { text: [t['refusal.origin.' + e.action] || '', more].filter(Boolean).join(' ') }));
    }));
  }

  async function refresh() {
    try {
      await refreshFacts();
      await refreshEvents();
      await refreshCommands();
      await refreshRefusals();
    } catch (err) {
      say(errorText(err), true);
    }
  }

  document.getElementById('group-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const g = document.getElementById('group').value.trim();
      await api(base + '/group', { method: 'PUT', body: { group: g } });
      say(format(t['device.group.assigned'], g));
      refresh();
    } catch (err) {
      say(errorText(err), true);
    }
  });

  document.getElementById('role-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const r = await api(base + '/role', { method: 'PUT', body: { role: document.getElementById('role').value } });
      say(format(t['device.role.changed'], t['device.role.' + r.role] || r.role));
      refresh();
    } catch (err) {
      say(errorText(err), true);
    }
  });

  document.getElementById('command-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      commands.unshift(await api(base + '/commands', { method: 'POST', body: { name: document.getElementById('command').value } }));
      refreshCommands();
    } catch (err) {
      say(errorText(err), true);
    }
  });

  document.getElementById('revoke-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!document.getElementById('revoke-confirm').checked) {
      say(t['device.revoke.needsConfirm'], true);
      return;
    }
    try {
      const r = await api(base + '/revoke', { method: 'POST', body: { reason: 'KEY_COMPROMISE' } });
      say(format(t['device.revoked'], site + '/' + kiosk, r.revoked.length));
    } catch (err) {
      say(errorText(err), true);
    }
  });

  poll(refresh, 3000);
})();
