// Live reload for `briefing serve`. The server adds this script to every
// HTML page it serves; templates never mention it, so a published site
// carries none of it.
//
// It listens to the server's event stream and does the least that keeps the
// page true: reload when this page, a non-CSS file it uses, or the site's
// error changed; swap style sheets in place when only CSS it uses changed;
// ignore edits to other pages, so reading one page while writing another
// does not lose the scroll position.
(function () {
  'use strict';

  // currentScript is only set while the script first runs: keep it.
  var me = document.currentScript;
  // Once per page, even if a template also includes the script.
  if (!me || window.__briefingLive) return;
  window.__briefingLive = true;
  window.__briefingEvents = 0; // messages received; tests poll it

  var root = document.documentElement;
  // What the server served this page with, written on the script tag.
  var serverID = me.getAttribute('data-briefing-server');
  var servedError = me.getAttribute('data-briefing-error') || '';
  // The page the server answered with: the 404 page's own URL when this
  // address had none, so editing 404.html reloads it.
  var servedPage = norm(me.getAttribute('data-briefing-page') || location.pathname);
  var here = norm(location.pathname);
  var handled = 0;

  // Browsers percent-encode paths their own way; compare decoded forms, and
  // ".../index.html" as the directory URL the server reports.
  function norm(p) {
    try {
      p = decodeURI(p);
    } catch (e) {
      // Malformed escapes: compare as sent.
    }
    return p.replace(/\/index\.html$/, '/');
  }

  function pathOf(href) {
    try {
      var u = new URL(href, location.href);
      return u.origin === location.origin ? norm(u.pathname) : null;
    } catch (e) {
      return null;
    }
  }

  function mark(action) {
    handled++;
    root.dataset.briefingHandled = String(handled);
    root.dataset.briefingAction = action;
  }

  function reload() {
    mark('reload');
    location.reload();
  }

  // Same-origin paths this page loaded. Resource Timing also sees fonts,
  // images set from CSS and fetched data; the DOM adds what loaded before
  // timing started. Links that only point elsewhere (feeds, canonical)
  // are left out: a new feed entry must not reload every page.
  function usedPaths() {
    var used = new Set();
    function add(href) {
      var p = href && pathOf(href);
      if (p) used.add(p);
    }
    document.querySelectorAll('link[rel~="stylesheet"], link[rel~="icon"], link[rel~="preload"]')
      .forEach(function (l) { add(l.href); });
    document.querySelectorAll('script[src]').forEach(function (s) { add(s.src); });
    document.querySelectorAll('img').forEach(function (i) { add(i.currentSrc || i.src); });
    if (window.performance && performance.getEntriesByType) {
      performance.getEntriesByType('resource').forEach(function (e) { add(e.name); });
    }
    return used;
  }

  function isCSS(p) {
    return /\.css$/i.test(p);
  }

  // Swapping a sheet instead of reloading keeps scroll and state. The old
  // link stays until the new one has loaded, so the page never flashes
  // unstyled; it is marked so a quick second save swaps the new one.
  function swap(old) {
    var u = new URL(old.href);
    u.searchParams.set('v', String(Date.now()));
    var next = old.cloneNode(false);
    next.href = u.href;
    old.setAttribute('data-briefing-old', '');
    var done = function () { old.remove(); };
    next.addEventListener('load', done);
    next.addEventListener('error', done);
    old.after(next);
  }

  function handle(msg) {
    var changed = (msg.changed || []).map(norm);
    if (msg.reload || (msg.error || '') !== servedError) return reload();
    if (changed.indexOf(here) >= 0 || changed.indexOf(servedPage) >= 0) return reload();
    var used = usedPaths();
    var hits = changed.filter(function (p) { return used.has(p); });
    if (hits.length === 0) return mark('none');
    if (!hits.every(isCSS)) return reload();
    var links = Array.prototype.filter.call(
      document.querySelectorAll('link[rel~="stylesheet"][href]:not([data-briefing-old])'),
      function (l) { return hits.indexOf(pathOf(l.href)) >= 0; });
    // A sheet no <link> names came in by @import; only a reload refetches it.
    var linked = links.map(function (l) { return pathOf(l.href); });
    if (!hits.every(function (p) { return linked.indexOf(p) >= 0; })) return reload();
    links.forEach(swap);
    mark('css');
  }

  function parse(e) {
    window.__briefingEvents++;
    try {
      return JSON.parse(e.data);
    } catch (err) {
      return null;
    }
  }

  // EventSource reconnects by itself when the server goes away and comes
  // back, which is how a restart is noticed: the new hello's id differs.
  var events = new EventSource(new URL('events', me.src).href);
  events.addEventListener('open', function () { root.dataset.briefingLive = 'connected'; });
  events.addEventListener('error', function () { root.dataset.briefingLive = 'reconnecting'; });
  events.addEventListener('hello', function (e) {
    var msg = parse(e);
    if (!msg) return;
    // A restarted server rebuilt everything; and a change may have slipped
    // in between serving this page and connecting, or during a reconnect.
    if ((serverID && msg.id !== serverID) || (msg.error || '') !== servedError) return reload();
    serverID = msg.id;
  });
  events.addEventListener('message', function (e) {
    var msg = parse(e);
    if (msg) handle(msg);
  });

  // Wired here rather than by an inline onclick, so a site whose
  // Content-Security-Policy forbids inline script still gets a working button.
  document.addEventListener('click', function (e) {
    if (!e.target.closest || !e.target.closest('[data-briefing-dismiss]')) return;
    var overlay = document.getElementById('briefing-error');
    if (overlay) overlay.remove();
  });
})();
