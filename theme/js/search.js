// Client-side full-text search with facets over the index the build writes
// under search/ (see generator/search): meta.json (every facet value and
// its articles) first, then only the word shards a query needs, then what
// the results on screen show of their articles. No server, no
// dependencies. Results are built from DOM nodes and textContent only, so
// nothing in the index is ever parsed as HTML.
(function () {
  "use strict";
  var form = document.querySelector(".search-form");
  if (!form) return;
  var base = form.dataset.index;
  var input = form.querySelector("input[type=search]");
  var status = document.querySelector(".search-status");
  var results = document.querySelector(".search-results");
  var facetBox = document.querySelector(".search-facets");
  if (!facetBox) {
    facetBox = el("div", "search-facets");
    results.parentNode.insertBefore(facetBox, results);
  }
  var pageSize = 10; // each result fetches its group's file, at most ten
  var shownValues = 8; // facet values listed before "show all"
  var maxNames = 6;

  // How a match that is not the word itself counts against one that is.
  var prefixFactor = 0.8;
  var typoFactor = 0.6;
  var typoMinLength = 5;

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text) e.textContent = text;
    return e;
  }

  // ---- Words: the same rules as generator/search/tokens.go. ----

  function fold(s) {
    return s.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
  }
  var encoder = new TextEncoder();
  function stem(w) {
    var n = encoder.encode(w).length; // Go counts bytes
    var end2 = w.slice(-2), c3 = w.charAt(w.length - 3), c2 = w.charAt(w.length - 2);
    if (n > 4 && w.slice(-3) === "ies") return w.slice(0, -3) + "y";
    if (n > 4 && end2 === "es" && (c3 === "s" || c3 === "x" || c3 === "z" ||
        w.slice(-4, -2) === "ch" || w.slice(-4, -2) === "sh")) return w.slice(0, -2);
    if (n > 3 && w.charAt(w.length - 1) === "s" && c2 !== "s" && c2 !== "u" && c2 !== "i") return w.slice(0, -1);
    return w;
  }
  function words(text) {
    return (fold(text).match(/[\p{L}\p{N}]+/gu) || []).map(stem);
  }
  // key chooses a word's shard: its first two letters, or three when the
  // two are a prefix so common the build cut it (meta.json's "h").
  function key(m, w) {
    var cps = Array.from(w);
    var two = cps.slice(0, 2).join("");
    return cps.length > 2 && m.heavy.has(two) ? cps.slice(0, 3).join("") : two;
  }
  function shardOf(k, n) {
    var h = 2166136261;
    var bytes = encoder.encode(k);
    for (var i = 0; i < bytes.length; i++) {
      h = Math.imul((h ^ bytes[i]) >>> 0, 16777619) >>> 0;
    }
    return h % n;
  }

  // numbers reads the index's numbers: five bits a character, least
  // significant first, the sixth bit saying more follow.
  var alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  var digit = {};
  for (var a = 0; a < alphabet.length; a++) digit[alphabet.charAt(a)] = a;
  function numbers(s, each) {
    var v = 0, scale = 1;
    for (var i = 0; i < s.length; i++) {
      var d = digit[s.charAt(i)];
      v += (d & 31) * scale;
      if (d & 32) { scale *= 32; continue; }
      each(v);
      v = 0; scale = 1;
    }
  }

  // ---- Loading, each file once. ----

  var cache = {};
  function getJSON(path) {
    if (!cache[path]) {
      cache[path] = fetch(base + path).then(function (r) {
        if (!r.ok) throw new Error("the index answered HTTP " + r.status + " for " + path);
        return r.json();
      });
      cache[path].catch(function () { delete cache[path]; }); // may work next time
    }
    return cache[path];
  }

  var metaPromise = null;
  function meta() {
    if (!metaPromise) {
      metaPromise = getJSON("meta.json").then(function (m) {
        var docFacets = [];
        for (var d = 0; d < m.n; d++) docFacets.push([]);
        var values = m.f.map(function (f, vi) {
          var docs = [], prev = -1;
          var add = function (d) { docs.push(d); docFacets[d].push(vi); };
          if (f[3].charAt(0) === "~") { // a run: its first article and how many
            var run = [];
            numbers(f[3].slice(1), function (v) { run.push(v); });
            for (var d = run[0]; d < run[0] + run[1]; d++) add(d);
          } else {
            numbers(f[3], function (gap) { prev += gap; add(prev); });
          }
          return { kind: f[0], name: f[1], slug: f[2], docs: docs };
        });
        var kinds = m.k.map(function (k) { return { name: k[0], title: k[1], values: [] }; });
        values.forEach(function (v, vi) { kinds[v.kind].values.push(vi); });
        return { n: m.n, shards: m.s, heavy: new Set(m.h || []), group: m.g, kinds: kinds, values: values, docFacets: docFacets };
      });
      metaPromise.catch(function () { metaPromise = null; });
    }
    return metaPromise;
  }

  var decoded = {};
  function postings(shard, term, list) {
    var id = shard + " " + term;
    if (!decoded[id]) {
      var out = [], prev = -1;
      numbers(list, function (v) { prev += Math.floor(v / 16); out.push(prev, v % 16); });
      decoded[id] = out;
    }
    return decoded[id];
  }

  // oneEdit reports whether a and b (arrays of code points) are one
  // insertion, deletion, substitution or swap of neighbours apart.
  function oneEdit(a, b) {
    if (Math.abs(a.length - b.length) > 1) return false;
    var i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    var ra = a.slice(i + 1).join(""), rb = b.slice(i + 1).join("");
    if (a.length === b.length) {
      return ra === rb || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2).join("") === b.slice(i + 2).join(""));
    }
    return a.length > b.length ? a.slice(i + 1).join("") === b.slice(i).join("") : a.slice(i).join("") === rb;
  }

  // match finds the articles with a word like w: w itself, the words it
  // begins, and for longer words those one typo away. It gives each
  // article's best weight and the index's words that matched.
  function match(m, w) {
    var k = key(m, w);
    var shard = shardOf(k, m.shards);
    return getJSON("t/" + shard + ".json").then(function (terms) {
      var scores = new Map(), found = [];
      var cps = Array.from(w);
      var typos = cps.length >= typoMinLength;
      Object.keys(terms).forEach(function (t) {
        var factor = 0;
        if (t === w) factor = 1;
        else if (cps.length >= 2 && t.lastIndexOf(w, 0) === 0) factor = prefixFactor;
        else if (typos && key(m, t) === k && oneEdit(cps, Array.from(t))) factor = typoFactor;
        if (!factor) return;
        found.push(t);
        var p = postings(shard, t, terms[t]);
        for (var i = 0; i < p.length; i += 2) {
          var s = p[i + 1] * factor;
          if (!(scores.get(p[i]) >= s)) scores.set(p[i], s);
        }
      });
      return { scores: scores, terms: found };
    });
  }

  // ---- The state in the URL: q, and each facet's chosen values. ----

  function readURL(m) {
    var params = new URLSearchParams(location.search);
    var chosen = m.kinds.map(function (k) { return params.getAll(k.name); });
    return { q: params.get("q") || "", chosen: chosen };
  }
  function writeURL(m, state, push) {
    var url = new URL(location.href);
    var params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    m.kinds.forEach(function (k, ki) {
      state.chosen[ki].forEach(function (slug) { params.append(k.name, slug); });
    });
    url.search = params.toString();
    if (url.href === location.href) return;
    if (push) history.pushState(null, "", url); else history.replaceState(null, "", url);
  }

  // ---- Searching. ----

  function run(m, state) {
    var qwords = Array.from(new Set(words(state.q)));
    return Promise.all(qwords.map(function (w) { return match(m, w); })).then(function (matches) {
      var n = m.n;
      var inQuery = new Uint8Array(n), score = new Float64Array(n);
      if (!matches.length) {
        inQuery.fill(1);
      } else {
        matches[0].scores.forEach(function (s, d) { inQuery[d] = 1; score[d] = s; });
        matches.slice(1).forEach(function (mt) {
          for (var d = 0; d < n; d++) {
            if (!inQuery[d]) continue;
            var s = mt.scores.get(d);
            if (s === undefined) inQuery[d] = 0; else score[d] += s;
          }
        });
      }
      // A kind with values chosen keeps the articles with any of them;
      // an article's misses are the kinds it fails, for the counts.
      var chosenKinds = [];
      var miss = new Uint8Array(n), missKind = new Int16Array(n).fill(-1);
      m.kinds.forEach(function (k, ki) {
        var slugs = state.chosen[ki];
        if (!slugs.length) return;
        chosenKinds.push(ki);
        var ok = new Uint8Array(n);
        k.values.forEach(function (vi) {
          var v = m.values[vi];
          if (slugs.indexOf(v.slug) >= 0) v.docs.forEach(function (d) { ok[d] = 1; });
        });
        for (var d = 0; d < n; d++) if (!ok[d]) { miss[d]++; missKind[d] = ki; }
      });
      var hits = [];
      for (var d = 0; d < n; d++) if (inQuery[d] && !miss[d]) hits.push(d);
      hits.sort(function (x, y) { return score[y] - score[x] || x - y; });
      // A value's count is how many articles choosing it would give:
      // those matching the query and the other kinds' choices.
      var counts = m.values.map(function (v) {
        var c = 0;
        for (var i = 0; i < v.docs.length; i++) {
          var d = v.docs[i];
          if (inQuery[d] && (!miss[d] || (miss[d] === 1 && missKind[d] === v.kind))) c++;
        }
        return c;
      });
      var highlight = new Set();
      matches.forEach(function (mt) { mt.terms.forEach(function (t) { highlight.add(t); }); });
      return { hits: hits, counts: counts, highlight: highlight, words: qwords.length };
    });
  }

  // ---- Showing. ----

  var months = ["January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December"];
  function longDate(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    if (!m || !months[+m[2] - 1]) return iso;
    return +m[3] + " " + months[+m[2] - 1] + " " + m[1];
  }

  // snippet appends to p a stretch of text around its first matched word,
  // every matched word in a <mark>; it reports whether any matched.
  function snippet(p, text, highlight) {
    if (!text || !highlight.size) return false;
    var re = /[\p{L}\p{N}\p{M}]+/gu, found = [], m;
    while ((m = re.exec(text))) {
      var w = words(m[0]);
      if (w.length === 1 && highlight.has(w[0])) found.push([m.index, m.index + m[0].length]);
    }
    if (!found.length) return false;
    var start = Math.max(0, found[0][0] - 90);
    if (start > 0) { var sp = text.indexOf(" ", start); start = sp >= 0 && sp < found[0][0] ? sp + 1 : start; }
    var end = Math.min(text.length, start + 260);
    if (end < text.length) { var ep = text.lastIndexOf(" ", end); end = ep > found[0][1] ? ep : end; }
    if (start > 0) p.appendChild(document.createTextNode("… "));
    var at = start;
    found.forEach(function (f) {
      if (f[0] < at || f[1] > end) return;
      p.appendChild(document.createTextNode(text.slice(at, f[0])));
      p.appendChild(el("mark", "", text.slice(f[0], f[1])));
      at = f[1];
    });
    p.appendChild(document.createTextNode(text.slice(at, end)));
    if (end < text.length) p.appendChild(document.createTextNode(" …"));
    return true;
  }

  function fill(li, m, d, f, highlight) {
    li.textContent = "";
    var title = el("p", "entry-title");
    var a = el("a", "", f.t);
    a.href = f.u;
    title.appendChild(a);
    li.appendChild(title);
    var meta = el("p", "entry-meta");
    var time = el("time", "", longDate(f.d));
    time.dateTime = f.d;
    meta.appendChild(time);
    if (f.o) meta.appendChild(document.createTextNode(" · " + f.o));
    li.appendChild(meta);
    // A summary the body quotes is given as its place there ("x").
    var summary = f.x ? f.b.slice(f.x[0], f.x[0] + f.x[1]) : f.s;
    var p = el("p", "entry-summary search-snippet");
    if (snippet(p, f.b, highlight) || snippet(p, summary, highlight) || (summary && (p.textContent = summary))) li.appendChild(p);
    var names = m.docFacets[d].filter(function (vi) {
      var k = m.kinds[m.values[vi].kind].name;
      return k !== "year" && k !== "week";
    }).map(function (vi) { return m.values[vi].name; });
    if (names.length) {
      var more = names.length > maxNames ? " · …" : "";
      li.appendChild(el("p", "entry-names", names.slice(0, maxNames).join(" · ") + more));
    }
  }

  // fragment loads what a result shows of article d: d/N.json holds the
  // fragments of m.group articles in a row, N counting groups.
  function fragment(m, d) {
    return getJSON("d/" + Math.floor(d / m.group) + ".json").then(function (g) {
      var f = g[d % m.group];
      if (!f) throw new Error("the index has no article " + d);
      return f;
    });
  }

  // started is when the query began, for the status's data-ms (set once
  // its results have loaded, and only if no newer query took over);
  // undefined for "Show more results".
  function showResults(m, r, from, started, mine) {
    var shown = r.hits.slice(from, from + pageSize);
    var loads = shown.map(function (d) {
      var li = el("li", "entry", "Loading…");
      results.appendChild(li);
      return fragment(m, d).then(function (f) { fill(li, m, d, f, r.highlight); });
    });
    var more = document.querySelector(".search-more");
    if (more) more.remove();
    if (from + pageSize < r.hits.length) {
      more = el("button", "search-more", "Show more results");
      more.type = "button";
      more.addEventListener("click", function () {
        var next = results.children.length;
        showResults(m, r, from + pageSize).then(function () {
          var a = results.children[next] && results.children[next].querySelector("a");
          if (a) a.focus(); // keyboard users land on the first new result
        });
      });
      results.parentNode.insertBefore(more, results.nextSibling);
    }
    return Promise.all(loads).then(function () {
      if (started !== undefined && mine === generation) status.dataset.ms = String(Math.round(performance.now() - started));
    });
  }

  var open = {}; // kinds whose every value is listed
  function showFacets(m, state, r) {
    facetBox.textContent = "";
    m.kinds.forEach(function (k, ki) {
      var listed = k.values.filter(function (vi) {
        return r.counts[vi] > 0 || state.chosen[ki].indexOf(m.values[vi].slug) >= 0;
      });
      if (!listed.length) return;
      var dated = k.name === "year" || k.name === "week";
      if (!dated) listed.sort(function (x, y) { return r.counts[y] - r.counts[x] || x - y; });
      var fs = el("fieldset", "search-facet");
      fs.appendChild(el("legend", "", k.title));
      var all = open[k.name] || listed.length <= shownValues + 2;
      listed.forEach(function (vi, i) {
        var v = m.values[vi];
        var checked = state.chosen[ki].indexOf(v.slug) >= 0;
        if (!all && i >= shownValues && !checked) return;
        var label = el("label", "search-facet-value");
        var box = document.createElement("input");
        box.type = "checkbox";
        box.name = k.name;
        box.value = v.slug;
        box.checked = checked;
        box.addEventListener("change", function () {
          var list = state.chosen[ki];
          if (box.checked) list.push(v.slug);
          else list.splice(list.indexOf(v.slug), 1);
          writeURL(m, state, true);
          update(m, state, { kind: k.name, slug: v.slug });
        });
        label.appendChild(box);
        label.appendChild(document.createTextNode(" " + v.name + " "));
        label.appendChild(el("span", "search-count", "(" + r.counts[vi] + ")"));
        fs.appendChild(label);
      });
      if (!all) {
        var toggle = el("button", "search-facet-more", "Show all " + listed.length);
        toggle.type = "button";
        toggle.setAttribute("aria-label", "Show all " + listed.length + " " + k.title.toLowerCase());
        toggle.addEventListener("click", function () {
          open[k.name] = true;
          showFacets(m, state, r);
          var first = facetBox.querySelector("input[name='" + k.name + "']");
          if (first) first.focus();
        });
        fs.appendChild(toggle);
      }
      facetBox.appendChild(fs);
    });
  }

  function describe(m, state) {
    var parts = [];
    if (state.q.trim()) parts.push("\u201c" + state.q.trim() + "\u201d");
    m.kinds.forEach(function (k, ki) {
      var names = state.chosen[ki].map(function (slug) {
        var vi = k.values.find(function (i) { return m.values[i].slug === slug; });
        return vi === undefined ? slug : m.values[vi].name;
      });
      if (names.length) parts.push(k.title + ": " + names.join(" or "));
    });
    return parts.join(", ");
  }

  var generation = 0;
  function update(m, state, refocus) {
    var mine = ++generation;
    var started = performance.now();
    delete status.dataset.ms; // until this query's results have loaded
    var what = describe(m, state);
    if (!what) {
      results.textContent = "";
      facetBox.textContent = "";
      status.textContent = "";
      var more = document.querySelector(".search-more");
      if (more) more.remove();
      return Promise.resolve();
    }
    return run(m, state).then(function (r) {
      if (mine !== generation) return; // a newer query has taken over
      results.textContent = "";
      var n = r.hits.length;
      if (!n) {
        status.textContent = "No articles match " + what + ". Try fewer or shorter words, or fewer filters.";
      } else {
        status.textContent = (n === 1 ? "1 article matches " : n + " articles match ") + what + ".";
      }
      showFacets(m, state, r);
      if (refocus) {
        var box = facetBox.querySelector("input[name='" + refocus.kind + "'][value='" + CSS.escape(refocus.slug) + "']");
        if (box) box.focus(); // the list was rebuilt under the reader's focus
      }
      return showResults(m, r, 0, started, mine);
    }).catch(function (err) {
      if (mine !== generation) return;
      status.textContent = "Search is unavailable: " + err.message + ".";
    });
  }

  var timer;
  function start(m) {
    var state = readURL(m);
    input.value = state.q;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        state.q = input.value;
        writeURL(m, state, false);
        update(m, state);
      }, 120);
    });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      clearTimeout(timer);
      state.q = input.value;
      writeURL(m, state, false);
      update(m, state);
    });
    window.addEventListener("popstate", function () {
      state = readURL(m);
      input.value = state.q;
      update(m, state);
    });
    update(m, state);
  }

  meta().then(start).catch(function (err) {
    status.textContent = "Search is unavailable: " + err.message + ".";
  });
})();
