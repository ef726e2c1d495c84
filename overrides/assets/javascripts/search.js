/* Site search: the browser side of hooks/showcase/output/searchindex.py.
 *
 * Loaded by search-start.js the first time a visitor uses the search box. It loads the
 * index in pieces, each a script calling __sx(name, data) (so it works over http(s) and
 * from file:// alike): the manifest, then only the shards holding the query's features,
 * then the titles of the results shown. It drives Material's search dialog markup
 * (overrides/partials/search.html): results, the announced count, arrow keys, Enter, Escape.
 *
 * Matching, in short: a query word matches a page that has every character bigram of it;
 * a word of the unit's synonym list also matches pages with another word of its group
 * (ranked lower); all words of a query must match (one may be missing when no page has
 * them all); only when a word of three or more characters finds nothing, one wrong
 * character is allowed.
 */
(function () {
  "use strict";
  var FORMAT = 1;
  var PAGE = 10; // results shown at a time
  var me = document.currentScript;
  var root = me ? me.src.replace(/assets\/javascripts\/search\.js(\?.*)?$/, "") : "";
  var base = root + "search/";

  // -- loading the index -----------------------------------------------------------------
  var files = {}, waiting = {};
  window.__sx = function (name, data) {
    files[name] = data;
    var w = waiting[name];
    if (w) { delete waiting[name]; w.resolve(data); }
  };
  function load(name, path) {
    if (Object.prototype.hasOwnProperty.call(files, name)) return Promise.resolve(files[name]);
    if (waiting[name]) return waiting[name].promise;
    var w = {};
    w.promise = new Promise(function (resolve, reject) { w.resolve = resolve; w.reject = reject; });
    waiting[name] = w;
    var s = document.createElement("script");
    s.src = base + path;
    s.async = true;
    s.onerror = function () { delete waiting[name]; s.remove(); w.reject(new Error("search: cannot load " + path)); };
    s.onload = function () { s.remove(); };
    document.head.appendChild(s);
    return w.promise;
  }
  var manifest = null;
  function getManifest() {
    if (!manifest) {
      manifest = load("m", "m.js").then(function (m) {
        if (!m || m.v !== FORMAT) throw new Error("search: index format " + (m && m.v));
        return m;
      });
      manifest.catch(function () { manifest = null; });
    }
    return manifest;
  }

  // -- features (the same as searchindex.py) ---------------------------------------------
  var CJK = "\u3400-\u9fff\uf900-\ufaff";
  var SEP = new RegExp("[^" + CJK + "0-9a-z]+");
  var UNIT = new RegExp("[" + CJK + "]|[0-9a-z]+", "g");
  function isWord(u) { return u.charCodeAt(0) < 128; }
  function normalize(text) {  // full-width letters and digits as ASCII, lower case
    return text.replace(/[\uff01-\uff5e]/g, function (c) {
      return String.fromCharCode(c.charCodeAt(0) - 0xfee0);
    }).toLowerCase();
  }
  function runs(text) {
    return normalize(text).split(SEP).filter(Boolean).map(function (r) { return r.match(UNIT) || []; });
  }
  function feats(run) {  // a run's features: bigrams, its Latin/digit words, a lone unit
    var out = [];
    for (var i = 0; i < run.length; i++) {
      if (isWord(run[i])) out.push(run[i]);
      if (i + 1 < run.length) out.push(run[i] + run[i + 1]);
    }
    if (run.length === 1 && !isWord(run[0])) out.push(run[0]);
    return out;
  }
  var CRC = (function () {
    var t = [];
    for (var n = 0; n < 256; n++) {
      var c = n;
      for (var k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      t.push(c >>> 0);
    }
    return t;
  })();
  var encoder = new TextEncoder();
  function crc32(s) {
    var c = 0xffffffff, bytes = encoder.encode(s);
    for (var i = 0; i < bytes.length; i++) c = CRC[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  }

  // postings of features: feature → Map(page → weight)
  function postings(m, list) {
    var need = Array.from(new Set(list));
    return Promise.all(need.map(function (f) {
      var id = (crc32(f) % m.shards).toString(16);
      return load("s" + id, "s/" + id + ".js").then(function (shard) {
        var p = Object.prototype.hasOwnProperty.call(shard, f) ? shard[f] : null;
        if (typeof p === "string") return load("h" + p, "h/" + p + ".js");
        return p;
      }).then(function (p) {
        var map = new Map();
        if (p) {
          var deltas = p[0], weights = p[1], d = 0;
          for (var j = 0; j < deltas.length; j++) { d += deltas[j]; map.set(d, weights ? weights[j] : 1); }
        }
        return [f, map];
      });
    })).then(function (pairs) { return new Map(pairs); });
  }

  // pages that have every feature of fs, scored Σ idf·√weight (times the alternative's weight);
  // a year ("2021") counts only where it is the page's own date or title (weight ≥ 4) when strict
  function match(m, P, fs, weight, into, fuzzy, strictYear) {
    if (!fs.length) return;
    var lists = fs.map(function (f) {
      var p = P.get(f);
      if (p && strictYear && YEAR.test(f)) {
        var strong = new Map();
        p.forEach(function (w, d) { if (w >= 4) strong.set(d, w); });
        return strong;
      }
      return p;
    });
    if (lists.some(function (p) { return !p || !p.size; })) return;
    lists.sort(function (a, b) { return a.size - b.size; });
    lists[0].forEach(function (_, d) {
      var s = 0;
      for (var i = 0; i < lists.length; i++) {
        var w = lists[i].get(d);
        if (!w) return;
        s += Math.log(1 + m.n / lists[i].size) * Math.sqrt(w);
      }
      s *= weight;
      var prev = into.get(d);
      if (!prev || prev.s < s) into.set(d, { s: s, fuzzy: fuzzy });
    });
  }
  var YEAR = /^(19|20)\d\d$/;

  // the query's words; a word holding a synonym is split around it: 防疫物资 → [防疫|抗疫|…] [物资]
  function words(query, groups) {
    var q = normalize(query)
      .replace(/(\d{4})\s*年/g, "$1 ")
      .replace(new RegExp("([0-9a-z])([" + CJK + "]{2,})", "g"), "$1 $2");
    var out = [];
    q.split(/\s+/).forEach(function (word) {
      if (!runs(word).length) return;
      var found = null;
      groups.forEach(function (g) {
        g.forEach(function (w) {
          var k = normalize(w);
          if (word.indexOf(k) >= 0 && (!found || k.length > found.key.length)) found = { key: k, group: g };
        });
      });
      if (!found) { out.push([{ text: word, weight: 1 }]); return; }
      var at = word.indexOf(found.key);
      var before = word.slice(0, at), after = word.slice(at + found.key.length);
      if (runs(before).flat().length > 1) out.push([{ text: before, weight: 1 }]);
      var alts = [{ text: found.key, weight: 1 }];
      found.group.forEach(function (w) {
        if (normalize(w) !== found.key) alts.push({ text: normalize(w), weight: 0.9 });
      });
      out.push(alts);
      if (runs(after).flat().length > 1) out.push([{ text: after, weight: 1 }]);
    });
    return out;
  }

  // Tried in turn until one finds pages: every word as typed (a year as the page's own);
  // then a year anywhere; then with one wrong character in words of 3+ Chinese characters;
  // last, all words but one.
  function search(query) {
    return getManifest().then(function (m) {
      var groups = words(query, m.syn || []);
      var none = { total: 0, ranked: [], terms: [], fuzzy: new Set(), score: new Map() };
      if (!groups.length) return none;
      groups.forEach(function (g) {
        g.forEach(function (a) { a.runs = runs(a.text); a.fs = [].concat.apply([], a.runs.map(feats)); });
      });
      var exact = ["^" + runs(query).flat().join("")];
      if (groups.length === 1) groups[0].slice(1).forEach(function (a) { exact.push("^" + a.runs.flat().join("")); });
      var all = exact.slice();
      groups.forEach(function (g) { g.forEach(function (a) { all = all.concat(a.fs); }); });
      return postings(m, all).then(function (P) {
        function exactly(strict) {
          return groups.map(function (g) {
            var into = new Map();
            // a synonym counts as much as the word typed, however many bigrams it has
            g.forEach(function (a) { match(m, P, a.fs, a.weight * g[0].fs.length / a.fs.length, into, false, strict); });
            return into;
          });
        }
        var tries = [exactly(true), exactly(false)];
        var found = rank(P, groups, tries[0], exact, false) || rank(P, groups, tries[1], exact, false);
        if (found) return found;
        return typos(m, P, groups, tries).then(function () {
          return rank(P, groups, tries[0], exact, true) || rank(P, groups, tries[1], exact, true) ||
            (partial(m, P, groups, tries[1]), rank(P, groups, tries[1], exact, true)) ||
            rank(P, groups, tries[1], exact, true, true) || none;
        });
      });
    });
  }

  // One wrong character, for each word with a run of 3+ Chinese characters: leave out each
  // position's bigrams, requiring the skip bigram across it; a run of 4+ may also miss one
  // bigram (words inserted: 物流[有限]公司, 党员[学习]教育基地). Added to the words' matches,
  // weighted 0.5.
  function typos(m, P, groups, tries) {
    var plans = [];
    groups.forEach(function (g, gi) {
      var a = g[0];
      a.runs.forEach(function (run, ri) {
        if (run.length < 3 || run.some(isWord)) return;
        var others = [].concat.apply([], a.runs.filter(function (_, j) { return j !== ri; }).map(feats));
        var i, j, fs;
        if (run.length >= 4) {  // 4: only the middle bigram (物流[有限]公司); 5+: any
          for (j = run.length >= 5 ? 0 : 1; j + 1 < run.length && (run.length >= 5 || j < 2); j++) {
            fs = others.slice();
            for (var k = 0; k + 1 < run.length; k++) if (k !== j) fs.push(run[k] + run[k + 1]);
            plans.push([gi, fs]);
          }
        }
        for (i = 0; i < run.length; i++) {
          fs = others.slice();
          for (j = 0; j + 1 < run.length; j++) if (j !== i && j + 1 !== i) fs.push(run[j] + run[j + 1]);
          if (i > 0 && i + 1 < run.length) fs.push(run[i - 1] + "*" + run[i + 1]);
          plans.push([gi, fs]);
        }
      });
    });
    if (!plans.length) return Promise.resolve();
    var need = [];
    plans.forEach(function (t) { t[1].forEach(function (f) { if (!P.has(f)) need.push(f); }); });
    return postings(m, need).then(function (extra) {
      extra.forEach(function (v, k) { P.set(k, v); });
      tries.forEach(function (matched, i) {  // tries[0]: a year as the page's own; tries[1]: anywhere
        plans.forEach(function (t) { match(m, P, t[1], 0.5, matched[t[0]], true, i === 0); });
      });
    });
  }

  // Last resort for a word of 4+ bigrams: pages with at least half of them (two mistakes,
  // 华商交流汇 for 华商…交流会), weighted 0.3.
  function partial(m, P, groups, matched) {
    groups.forEach(function (g, gi) {
      var fs = Array.from(new Set(g[0].fs.filter(function (f) { return f.length > 1 && !isWord(f); })));
      if (fs.length < 4) return;
      var hits = new Map();
      fs.forEach(function (f) {
        var p = P.get(f);
        if (!p || !p.size) return;
        var idf = Math.log(1 + m.n / p.size);
        p.forEach(function (w, d) {
          var h = hits.get(d) || { n: 0, s: 0 };
          h.n += 1;
          h.s += idf * Math.sqrt(w);
          hits.set(d, h);
        });
      });
      hits.forEach(function (h, d) {
        if (h.n * 2 < fs.length) return;
        var s = 0.3 * h.s, prev = matched[gi].get(d);
        if (!prev || prev.s < s) matched[gi].set(d, { s: s, fuzzy: true });
      });
    });
  }

  // pages matching every word (or, with oneMissing, all but one), best first; null if none
  function rank(P, groups, matched, exact, fuzzyOk, oneMissing) {
    var count = new Map(), score = new Map(), fuzzy = new Set();
    matched.forEach(function (g) {
      g.forEach(function (v, d) {
        if (v.fuzzy && !fuzzyOk) return;
        count.set(d, (count.get(d) || 0) + 1);
        score.set(d, (score.get(d) || 0) + v.s);
        if (v.fuzzy) fuzzy.add(d);
      });
    });
    var need = oneMissing && groups.length > 1 ? groups.length - 1 : groups.length;
    var ranked = [];
    count.forEach(function (c, d) { if (c >= need) ranked.push(d); });
    if (!ranked.length) return null;
    exact.forEach(function (f, i) {
      (P.get(f) || new Map()).forEach(function (_, d) {
        if (score.has(d)) score.set(d, score.get(d) * 2 + (i ? 9 : 10));
      });
    });
    ranked.sort(function (a, b) { return score.get(b) - score.get(a) || a - b; });
    var terms = [];
    groups.forEach(function (g) { g.forEach(function (a) { terms.push(a.text); }); });
    return { total: ranked.length, ranked: ranked, fuzzy: fuzzy, terms: terms, score: score };
  }

  function pages(m, ds) {
    return Promise.all(ds.map(function (d) {
      var c = Math.floor(d / m.k).toString(16);
      return load("d" + c, "d/" + c + ".js").then(function (chunk) {
        var row = chunk[d % m.k];
        return { url: row[0], title: row[1], section: row[2], summary: row[3], page: d };
      });
    }));
  }

  // -- the dialog --------------------------------------------------------------------------
  var dialog = document.querySelector("[data-sx-search]");
  if (!dialog) return;
  var form = dialog.querySelector("form");
  var input = dialog.querySelector("input[name=query]");
  var meta = dialog.querySelector("[data-sx-meta]");
  var list = dialog.querySelector("[data-sx-list]");
  var toggle = document.getElementById("__search");
  var text = dialog.dataset;
  var current = null, serial = 0, timer = 0;

  function say(template, n, query) {
    return template.replace("#", n).replace("{q}", query);
  }
  function highlight(el, value, terms) {
    var parts = terms.filter(function (t) { return t && t.length > 1; })
      .map(function (t) { return t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); });
    if (!parts.length) { el.textContent = value; return; }
    var re = new RegExp("(" + parts.join("|") + ")", "gi"), last = 0, hit;
    while ((hit = re.exec(value))) {
      el.appendChild(document.createTextNode(value.slice(last, hit.index)));
      var mark = document.createElement("mark");
      mark.textContent = hit[0];
      el.appendChild(mark);
      last = hit.index + hit[0].length;
      if (!hit[0].length) re.lastIndex++;
    }
    el.appendChild(document.createTextNode(value.slice(last)));
  }
  function item(hit, terms) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var a = document.createElement("a");
    a.className = "md-search-result__link";
    a.href = root + hit.url;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-search-result__article--document md-typeset";
    var icon = document.createElement("div");
    icon.className = "md-search-result__icon md-icon";
    var h = document.createElement("h1");
    highlight(h, hit.title, terms);
    article.appendChild(icon);
    article.appendChild(h);
    var p = document.createElement("p");
    if (hit.section) {
      var where = document.createElement("span");
      where.className = "sx-section";
      where.textContent = hit.section + (hit.summary ? " · " : "");
      p.appendChild(where);
    }
    if (hit.summary) {
      var rest = document.createElement("span");
      highlight(rest, hit.summary, terms);
      p.appendChild(rest);
    }
    if (p.childNodes.length) article.appendChild(p);
    a.appendChild(article);
    li.appendChild(a);
    return li;
  }
  function show(result, query, from) {
    var shown = result.ranked.slice(from, from + PAGE);
    return getManifest().then(function (m) { return pages(m, shown); }).then(function (hits) {
      if (result !== current) return;
      var more = list.querySelector("[data-sx-more]");
      if (more) more.remove();
      hits.forEach(function (hit) { list.appendChild(item(hit, result.terms)); });
      if (from + PAGE < result.total) {
        var li = document.createElement("li");
        li.className = "md-search-result__item";
        li.setAttribute("data-sx-more", "");
        var button = document.createElement("button");
        button.type = "button";
        button.className = "md-search-result__link sx-more";
        button.textContent = say(text.sxMore, result.total - from - PAGE, query);
        button.addEventListener("click", function () {
          var next = list.querySelectorAll("a.md-search-result__link").length;
          show(result, query, from + PAGE).then(function () {
            var links = list.querySelectorAll("a.md-search-result__link");
            if (links[next]) links[next].focus();
          });
        });
        li.appendChild(button);
        list.appendChild(li);
      }
    });
  }
  function run() {
    var query = input.value.trim();
    var mine = ++serial;
    clearTimeout(timer);
    timer = 0;
    list.removeAttribute("data-sx-query");
    if (!query) {
      current = null;
      list.textContent = "";
      meta.textContent = text.sxPlaceholder;
      return Promise.resolve();
    }
    return search(query).then(function (result) {
      if (mine !== serial) return;
      current = result;
      list.textContent = "";
      var fuzzy = result.total > 0 && result.ranked.slice(0, PAGE).every(function (d) { return result.fuzzy.has(d); });
      var line = result.total === 0 ? text.sxNone : result.total === 1 ? text.sxOne : text.sxOther;
      meta.textContent = (fuzzy ? say(text.sxFuzzy, result.total, query) + " " : "") + say(line, result.total, query);
      return show(result, query, 0).then(function () { list.setAttribute("data-sx-query", query); });
    }).catch(function () {
      if (mine !== serial) return;
      current = null;
      list.textContent = "";
      meta.textContent = text.sxError;
    });
  }
  function schedule(event) {
    if (event && event.isComposing) return;  // wait until the input method commits the word
    clearTimeout(timer);
    timer = setTimeout(run, 150);
  }
  function open() {
    if (toggle && !toggle.checked) toggle.checked = true;
  }
  function close() {
    if (toggle && toggle.checked) toggle.checked = false;
    input.blur();
  }
  function focusables() {
    return [input].concat(Array.from(list.querySelectorAll("a.md-search-result__link, button.sx-more")));
  }

  input.addEventListener("input", schedule);
  input.addEventListener("compositionend", schedule);
  input.addEventListener("focus", open);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () {
    setTimeout(function () { run(); input.focus(); }, 0);
  });
  if (toggle) {
    toggle.addEventListener("change", function () {
      if (toggle.checked) input.focus();
    });
  }
  list.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("a")) close();
  });
  dialog.addEventListener("focusout", function (event) {
    var next = event.relatedTarget;
    if (next && !dialog.contains(next)) close();
  });
  document.addEventListener("keydown", function (event) {
    if (!toggle || !toggle.checked || event.ctrlKey || event.metaKey || event.altKey) return;
    var active = document.activeElement;
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "Enter" && active === input) {
      event.preventDefault();  // go to the best result, once the results for what is typed are in
      (timer || !current ? run() : Promise.resolve()).then(function () {
        var first = list.querySelector("a.md-search-result__link");
        if (first && document.activeElement === input) first.click();
      });
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      var els = focusables();
      var i = els.indexOf(active);
      if (i < 0 && !dialog.contains(active)) return;
      event.preventDefault();
      i = (Math.max(0, i) + els.length + (event.key === "ArrowUp" ? -1 : 1)) % els.length;
      els[i].focus();
    }
  });

  open();
  getManifest().catch(function () { meta.textContent = text.sxError; });
  if (input.value.trim()) run(); else meta.textContent = text.sxPlaceholder;
  // for the tests (tests/browser/test_search.py): the same features and hash as the index
  window.showcaseSearch = {
    search: search,
    pages: function (ds) { return getManifest().then(function (m) { return pages(m, ds); }); },
    features: function (t) { return [].concat.apply([], runs(t).map(feats)); },
    crc32: crc32
  };
})();
