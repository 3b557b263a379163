// Client-side search over search.json: every word of the query must match
// the title, summary or names of an article. No server, no dependencies.
(function () {
  "use strict";
  var form = document.querySelector(".search-form");
  if (!form) return;
  var input = form.querySelector("input[type=search]");
  var status = document.querySelector(".search-status");
  var results = document.querySelector(".search-results");
  var docs = null;

  function fold(s) {
    return s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function load() {
    if (docs) return Promise.resolve(docs);
    return fetch(form.dataset.index).then(function (r) {
      if (!r.ok) throw new Error("search index: HTTP " + r.status);
      return r.json();
    }).then(function (list) {
      docs = list.map(function (d) {
        d.hay = fold([d.t, d.s || "", d.k || ""].join(" "));
        d.title = fold(d.t);
        return d;
      });
      return docs;
    });
  }

  function show(query) {
    results.textContent = "";
    var words = fold(query).split(/\s+/).filter(Boolean);
    if (!words.length) { status.textContent = ""; return; }
    load().then(function (all) {
      var hits = all.filter(function (d) {
        return words.every(function (w) { return d.hay.indexOf(w) >= 0; });
      });
      hits.sort(function (a, b) {
        var ta = words.filter(function (w) { return a.title.indexOf(w) >= 0; }).length;
        var tb = words.filter(function (w) { return b.title.indexOf(w) >= 0; }).length;
        return tb - ta || (a.d < b.d ? 1 : a.d > b.d ? -1 : 0);
      });
      status.textContent = hits.length === 1 ? "1 article" : hits.length + " articles";
      hits.slice(0, 100).forEach(function (d) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = d.u;
        a.textContent = d.t;
        var meta = document.createElement("p");
        meta.className = "entry-meta";
        meta.textContent = d.d + (d.k ? " · " + d.k : "");
        li.appendChild(a);
        li.appendChild(meta);
        if (d.s) {
          var s = document.createElement("p");
          s.className = "entry-summary";
          s.textContent = d.s;
          li.appendChild(s);
        }
        results.appendChild(li);
      });
    }).catch(function (err) {
      status.textContent = "Search is unavailable: " + err.message;
    });
  }

  var timer;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var url = new URL(location.href);
      if (input.value) url.searchParams.set("q", input.value); else url.searchParams.delete("q");
      history.replaceState(null, "", url);
      show(input.value);
    }, 120);
  });
  form.addEventListener("submit", function (e) { e.preventDefault(); show(input.value); });
  var q = new URLSearchParams(location.search).get("q");
  if (q) { input.value = q; show(q); }
})();
