// Client-side search over search.json ([{t, u, d, s, k}]: title, URL, date,
// summary, names): every word of the query must match the title, summary
// or names of an article. No server, no dependencies. Results are built
// with textContent only, so nothing in the index is ever parsed as HTML.
(function () {
  "use strict";
  var form = document.querySelector(".search-form");
  if (!form) return;
  var input = form.querySelector("input[type=search]");
  var status = document.querySelector(".search-status");
  var results = document.querySelector(".search-results");
  var maxShown = 100;
  var maxNames = 6;
  var pending = null;

  // fold makes "Şhamkhani", "SHAMKHANI" and "shamkhani" match alike.
  function fold(s) {
    return s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function load() {
    if (!pending) {
      pending = fetch(form.dataset.index).then(function (r) {
        if (!r.ok) throw new Error("the index answered HTTP " + r.status);
        return r.json();
      }).then(function (list) {
        return list.map(function (d) {
          d.hay = fold([d.t, d.s || "", d.k || "", d.o || ""].join(" "));
          d.title = fold(d.t);
          return d;
        });
      });
      // A failed download may succeed on the next query.
      pending.catch(function () { pending = null; });
    }
    return pending;
  }

  // The index holds ISO dates; pages show them as "10 November 2021"
  // (the templates' date format), so results do too.
  var months = ["January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December"];
  function longDate(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    if (!m || !months[+m[2] - 1]) return iso;
    return +m[3] + " " + months[+m[2] - 1] + " " + m[1];
  }

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text) e.textContent = text;
    return e;
  }

  function render(d) {
    var li = el("li", "entry");
    var title = el("p", "entry-title");
    var a = el("a", "", d.t);
    a.href = d.u;
    title.appendChild(a);
    li.appendChild(title);
    var meta = el("p", "entry-meta");
    var time = el("time", "", longDate(d.d));
    time.dateTime = d.d;
    meta.appendChild(time);
    if (d.o) meta.appendChild(document.createTextNode(" · " + d.o));
    li.appendChild(meta);
    if (d.s) li.appendChild(el("p", "entry-summary", d.s));
    if (d.k) {
      var names = d.k.split(" · ");
      var more = names.length > maxNames ? " · …" : "";
      li.appendChild(el("p", "entry-names", names.slice(0, maxNames).join(" · ") + more));
    }
    return li;
  }

  // Rank by how many words the title holds, then newest first.
  function rank(words) {
    return function (a, b) {
      var ta = words.filter(function (w) { return a.title.indexOf(w) >= 0; }).length;
      var tb = words.filter(function (w) { return b.title.indexOf(w) >= 0; }).length;
      return tb - ta || (a.d < b.d ? 1 : a.d > b.d ? -1 : 0);
    };
  }

  var shown = "";
  function show(query) {
    var words = fold(query).split(/\s+/).filter(Boolean);
    var key = words.join(" ");
    if (key === shown) return;
    shown = key;
    if (!words.length) {
      results.textContent = "";
      status.textContent = "";
      return;
    }
    load().then(function (all) {
      if (key !== shown) return; // a newer query has taken over
      var hits = all.filter(function (d) {
        return words.every(function (w) { return d.hay.indexOf(w) >= 0; });
      }).sort(rank(words));
      results.textContent = "";
      hits.slice(0, maxShown).forEach(function (d) { results.appendChild(render(d)); });
      var q = "\u201c" + query.trim() + "\u201d";
      if (!hits.length) {
        status.textContent = "No articles match " + q + ". Try fewer or shorter words.";
      } else if (hits.length > maxShown) {
        status.textContent = hits.length + " articles match " + q + "; the newest " + maxShown + " are shown.";
      } else {
        status.textContent = (hits.length === 1 ? "1 article matches " : hits.length + " articles match ") + q + ".";
      }
    }).catch(function (err) {
      shown = "";
      status.textContent = "Search is unavailable: " + err.message + ".";
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
  // Fetch the index as soon as the reader shows intent, so the first
  // results do not wait for the download.
  input.addEventListener("focus", function () { load().catch(function () {}); }, { once: true });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    clearTimeout(timer);
    shown = "";
    show(input.value);
  });
  var q = new URLSearchParams(location.search).get("q");
  if (q) { input.value = q; show(q); }
})();
