'use strict';
// Configuration of a group of kiosks: load the content in force, edit it as JSON, roll it out as a new
// signed version and follow each kiosk's answer live; an earlier version is re-issued as a new one
// (rollback). A rollout that reached no kiosk (empty or unknown group: the hub's warning
// GROUP_HAS_NO_KIOSK) is said as a warning. Data only as textContent.
(function () {
  const { t, format, when, el, api, errorText, poll, say } = window.Vigie;
  const group = document.getElementById('group');
  const settings = document.getElementById('settings');
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

  async function load() {
    try {
      const current = await api('/api/v1/config/groups/' + encodeURIComponent(group.value.trim()));
      settings.value = JSON.stringify(current.settings, null, 2);
      say(format(t['config.loaded'], current.group, current.version));
    } catch (err) {
      if (err.status === 404) {
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
    try {
      body = JSON.parse(settings.value || '{}');
    } catch (e) {
      say(t['config.notJson'], true);
      return;
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
      say(errorText(err), true);
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

  document.getElementById('load').addEventListener('click', load);
  document.getElementById('config-form').addEventListener('submit', rollOut);
  load();
  poll(() => {
    refreshProgress();
    refreshRollouts();
  }, 2000);
})();
