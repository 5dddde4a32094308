// Vigie kiosk page: follows the current screen (server-sent events), sends button presses and
// keypad digits to the kiosk. No framework; no inline script (the page's CSP forbids it).
(function () {
  'use strict';
  var main = document.getElementById('screen');
  var linkState = document.getElementById('link-state');
  var lang = document.documentElement.lang;
  var digits = [];
  var lastActivity = 0;
  // The application window the launchpad opened (single sign-on): closed as soon as a screen without
  // [data-app-window] is shown (the session locked or closed), so the kiosk page is in front again.
  var appWindow = null;

  function closeAppWindowUnlessKept() {
    if (appWindow && !main.querySelector('[data-app-window]')) {
      try { appWindow.close(); } catch (ignored) { /* already gone */ }
      appWindow = null;
      window.focus();
    }
  }

  function shownVersion() {
    var s = main.querySelector('section[data-version]');
    return s ? s.getAttribute('data-version') : '';
  }

  function forgetDigits() {
    for (var i = 0; i < digits.length; i++) { digits[i] = '0'; }
    digits = [];
  }

  function drawDots() {
    var dots = main.querySelector('[data-pad-dots]');
    if (dots) { dots.textContent = '\u25CF'.repeat(digits.length); }
  }

  function post(url, body, type) {
    var headers = {};
    if (type) { headers['Content-Type'] = type; }
    return fetch(url, { method: 'POST', headers: headers, body: body, credentials: 'same-origin', cache: 'no-store' })
      .catch(function () { /* the next screen push tells the truth */ });
  }

  // A screen that overflows its display is set in two, then three columns (kiosk.css: fit-2, fit-3); a keypad
  // screen has its own layout.
  var FITS = ['', 'fit-2', 'fit-3'];
  function overflow(s) {
    return Math.max(0, s.scrollHeight - s.clientHeight - 1) + Math.max(0, s.scrollWidth - s.clientWidth - 1);
  }
  function setFit(s, name) {
    s.classList.remove('fit-2', 'fit-3');
    if (name) { s.classList.add(name); }
  }
  function fit() {
    var s = main.querySelector('section[data-screen]');
    if (!s || s.querySelector('.pad')) { return; }
    var best = 0, least = Infinity;
    for (var i = 0; i < FITS.length; i++) {
      setFit(s, FITS[i]);
      var o = overflow(s);
      if (o === 0) { return; }
      if (o < least) { least = o; best = i; }
    }
    setFit(s, FITS[best]);
  }
  fit();
  window.addEventListener('resize', fit);

  var events = new EventSource('/ui/events?lang=' + encodeURIComponent(lang));
  events.addEventListener('screen', function (e) {
    if (e.lastEventId && e.lastEventId === shownVersion()) { return; }
    forgetDigits();
    main.innerHTML = e.data;
    fit();
    drawDots();
    closeAppWindowUnlessKept();
  });
  events.onopen = function () { linkState.hidden = true; };
  events.onerror = function () { linkState.hidden = false; };

  document.addEventListener('pointerdown', function () {
    var now = Date.now();
    if (now - lastActivity > 5000) {
      lastActivity = now;
      post('/ui/activity', '', 'text/plain');
    }
  });

  // A keyboard-wedge barcode scanner types like a keyboard: keys typed outside an input field go to
  // the kiosk in order (one request at a time), Enter as a line feed, which ends a code.
  var typed = '';
  var sending = Promise.resolve();
  var flushTimer = null;
  function flushKeys() {
    flushTimer = null;
    if (typed === '') { return; }
    var keys = typed;
    typed = '';
    sending = sending.then(function () { return post('/ui/action/scanner/keys', keys, 'text/plain;charset=UTF-8'); });
  }
  document.addEventListener('keydown', function (e) {
    var t = e.target;
    if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.isContentEditable)) { return; }
    if (e.ctrlKey || e.altKey || e.metaKey) { return; }
    if (e.key === 'Enter') { typed += '\n'; } else if (e.key.length === 1) { typed += e.key; } else { return; }
    e.preventDefault();
    if (e.key === 'Enter') { flushKeys(); } else if (!flushTimer) { flushTimer = setTimeout(flushKeys, 50); }
  });

  document.addEventListener('click', function (e) {
    var b = e.target.closest('button');
    if (!b || !main.contains(b)) { return; }
    var pad = b.closest('[data-secret-action]');
    if (b.hasAttribute('data-open-app')) {
      // opened on the tap itself (no pop-up blocking); the kiosk answers with a redirect to the application
      appWindow = window.open(b.getAttribute('data-open-app'), 'vigie-app');
    } else if (b.hasAttribute('data-action')) {
      var form = new URLSearchParams();
      if (b.hasAttribute('data-value')) { form.set('value', b.getAttribute('data-value')); }
      if (b.hasAttribute('data-form')) {
        main.querySelectorAll('input[data-field]').forEach(function (f) { form.set(f.name, f.value); });
      }
      b.disabled = true;
      post('/ui/action/' + b.getAttribute('data-action'), form).then(function () { b.disabled = false; });
    } else if (pad && b.hasAttribute('data-digit')) {
      if (digits.length < Number(pad.getAttribute('data-max'))) { digits.push(b.getAttribute('data-digit')); }
      drawDots();
    } else if (pad && b.hasAttribute('data-pad-clear')) {
      forgetDigits();
      drawDots();
    } else if (pad && b.hasAttribute('data-pad-submit')) {
      if (digits.length === 0 || pad.classList.contains('busy')) { return; }
      var body = digits.join('');
      forgetDigits();
      drawDots();
      pad.classList.add('busy');
      post('/ui/action/' + pad.getAttribute('data-secret-action'), body, 'text/plain');
    }
  });
}());
