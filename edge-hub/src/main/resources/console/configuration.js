'use strict';
// Configuration of a group of kiosks: load the content in force into the form made from the settings
// catalogue (one field per fleet setting, its label, help, default and bounds rendered by the hub), or edit it
// as JSON in the advanced view; roll it out as a new signed version and follow each kiosk's answer live; an
// earlier version is re-issued as a new one (rollback). A value out of its bounds, and every setting the hub
// refuses, is said in the page's language with the setting's label (never the hub's English). A rollout that
// reached no kiosk (the hub's warning GROUP_HAS_NO_KIOSK) is said as a warning. Data only as textContent.
(function () {
  const { t, format, when, el, api, errorText, poll, say } = window.Vigie;
  const group = document.getElementById('group');
  const settings = document.getElementById('settings');
  const advanced = document.getElementById('advanced');
  const fields = Array.from(document.querySelectorAll('[data-key]'));
  const progress = document.getElementById('progress');
  const targetsBody = document.querySelector('#targets tbody');
  const rolloutsBody = document.querySelector('#rollouts tbody');
  let watched = null;

  function stateText(state) {
    return t['config.state.' + state] || state;
  }

  function counts(c) {
    return Object.entries(c || {}).filter(([, n]) => n > 0).map(([s, n]) => stateText(s) + ' : ' + n).join(', ');
  }

  function labelOf(key) {
    const box = document.querySelector('[data-setting="' + CSS.escape(key) + '"]');
    return box ? box.dataset.label : key;
  }

  function show(values) {
    fields.forEach((f) => {
      const key = f.dataset.key;
      const current = document.querySelector('[data-current="' + CSS.escape(key) + '"]');
      const has = values !== null && Object.prototype.hasOwnProperty.call(values, key);
      if (has) {
        const v = values[key];
        if (f.dataset.type === 'boolean') {
          f.checked = v === true;
        } else if (f.dataset.type === 'list') {
          f.value = (v || []).join(', ');
        } else {
          f.value = String(v);
        }
      } else if (f.dataset.type === 'boolean') {
        f.checked = f.defaultChecked;
      } else if (f.dataset.type === 'choice') {
        const d = Array.from(f.options).find((o) => o.defaultSelected);
        f.value = d ? d.value : f.options[0].value;
      } else {
        f.value = f.defaultValue;
      }
      current.textContent = has ? format(t['config.current'], Array.isArray(values[key]) ? values[key].join(', ') || t.none
        : values[key]) : t['config.currentDefault'];
    });
  }

  // The form's values as a rollout body; a field out of its bounds is said in the page's language instead.
  function fromForm() {
    const body = {};
    for (const f of fields) {
      const key = f.dataset.key;
      if (f.dataset.type === 'boolean') {
        body[key] = f.checked;
      } else if (f.dataset.type === 'integer') {
        const raw = f.value.trim();
        const n = Number(raw);
        if (raw === '' || f.validity.badInput || !Number.isInteger(n)) {
          throw format(t['config.problem.WRONG_TYPE'], labelOf(key), raw || '""');
        }
        if (n < Number(f.min) || n > Number(f.max)) {
          throw format(t['config.problem.OUT_OF_RANGE'], labelOf(key), n, f.min, f.max);
        }
        body[key] = n;
      } else if (f.dataset.type === 'list') {
        body[key] = f.value.split(',').map((x) => x.trim()).filter((x) => x !== '');
      } else {
        body[key] = f.value;
      }
    }
    return body;
  }

  // What the hub refused, in the page's language: the setting's label and bounds, never the hub's English.
  function refusalText(err) {
    const s = err.setting;
    if (!s || !t['config.problem.' + s.kind]) {
      return errorText(err);
    }
    if (s.kind === 'OUT_OF_RANGE' && (s.min === null || s.max === null)) {
      return format(t['config.problem.NOT_ALLOWED'], labelOf(s.key), s.value);
    }
    const label = s.kind === 'UNKNOWN' || s.kind === 'RENAMED' ? s.key : labelOf(s.key);
    return format(t['config.problem.' + s.kind], label, s.kind === 'RENAMED' ? s.replacement : s.value, s.min, s.max);
  }

  async function load() {
    try {
      const current = await api('/api/v1/config/groups/' + encodeURIComponent(group.value.trim()));
      show(current.settings);
      settings.value = JSON.stringify(current.settings, null, 2);
      say(format(t['config.loaded'], current.group, current.version));
    } catch (err) {
      if (err.status === 404) {
        show(null);
        settings.value = '{}';
        say(format(t['config.none'], group.value.trim()));
      } else {
        say(errorText(err), true);
      }
    }
  }

  async function rollOut(event) {
    event.preventDefault();
    let body;
    if (advanced.open) {
      try {
        body = JSON.parse(settings.value || '{}');
      } catch (e) {
        say(t['config.notJson'], true);
        return;
      }
    } else {
      try {
        body = fromForm();
      } catch (problem) {
        say(String(problem), true);
        return;
      }
    }
    try {
      const r = await api('/api/v1/config/groups/' + encodeURIComponent(group.value.trim()), { method: 'PUT', body });
      if (r.targeted === 0) {
        say(format(t['config.noKiosk'], r.version, r.group), true);
      } else {
        say(format(t['config.rolledOut'], r.version, r.group));
      }
      watch(r.version);
    } catch (err) {
      say(refusalText(err), true);
    }
  }

  async function reissue(r) {
    try {
      const n = await api('/api/v1/config/groups/' + encodeURIComponent(r.group) + '/reissue',
        { method: 'POST', body: { version: r.version } });
      say(format(t['config.reissued'], r.version, n.version));
      watch(n.version);
    } catch (err) {
      say(errorText(err), true);
    }
  }

  function watch(version) {
    watched = version;
    refreshProgress();
    refreshRollouts();
  }

  async function refreshProgress() {
    if (watched === null) {
      return;
    }
    try {
      const r = await api('/api/v1/config/rollouts/' + encodeURIComponent(watched));
      progress.hidden = false;
      document.getElementById('progress-heading').textContent = format(t['config.progress'], r.version, r.group);
      const total = r.targets.length;
      const done = r.targets.filter((x) => x.state !== 'PENDING').length;
      const bar = document.getElementById('progress-bar');
      bar.max = Math.max(total, 1);
      bar.value = done;
      document.getElementById('progress-summary').textContent = total === 0 ? t['config.noTargets'] : counts(r.counts);
      targetsBody.replaceChildren(...r.targets.map((x) => el('tr',
        { attrs: { 'data-kiosk': x.site + '/' + x.kioskId, 'data-state': x.state } },
        el('td', { text: x.site }), el('td', { className: 'kiosk', text: x.kioskId }),
        el('td', { className: 'state', text: stateText(x.state) }),
        el('td', { text: x.code || t.none, title: x.message || '' }), el('td', { text: when(x.repliedAt) }))));
    } catch (err) {
      say(errorText(err), true);
    }
  }

  async function refreshRollouts() {
    try {
      const list = (await api('/api/v1/config/rollouts')).rollouts;
      rolloutsBody.replaceChildren(...list.map((r) => {
        const follow = el('button', { type: 'button', text: t['config.follow'] });
        follow.addEventListener('click', () => watch(r.version));
        const again = el('button', { type: 'button', className: 'admin-only', text: t['config.reissue'] });
        again.addEventListener('click', () => reissue(r));
        return el('tr', { attrs: { 'data-version': r.version } },
          el('td', { className: 'number', text: r.version }), el('td', { text: r.group }),
          el('td', { text: r.actor }), el('td', { text: when(r.createdAt) }),
          el('td', { text: counts(r.counts) + (r.reissueOf ? ' ' + format(t['config.reissueOf'], r.reissueOf) : '') }),
          el('td', {}, follow, again));
      }));
    } catch (err) {
      say(errorText(err), true);
    }
  }

  advanced.addEventListener('toggle', () => {
    if (advanced.open) {
      try {
        settings.value = JSON.stringify(fromForm(), null, 2);
      } catch (problem) {
        say(String(problem), true);
      }
    }
  });
  document.getElementById('load').addEventListener('click', load);
  document.getElementById('config-form').addEventListener('submit', rollOut);
  load();
  poll(() => {
    refreshProgress();
    refreshRollouts();
  }, 2000);
})();
