// The search page: a live search over the Pagefind index (/pagefind/), narrowed by province
// and topic, its state kept in the address (?q=…&provinsi=…&topik=…) so that a search can be
// reloaded or shared. Without this script the page still lists every province and topic.
//
// Pagefind (its script, worker, WebAssembly and the index: about 90 KB over the wire) is
// fetched only when someone starts to use the form, or arrives with a search in the address:
// until then a phone on a slow connection pays for the page alone. If it cannot load or run,
// the form goes away and the status points to the lists below.
const SHOWN = 20;
const DEBOUNCE_MS = 250;
// A single letter is not searched: as a prefix it matches nearly every page, and a phone user
// who types slower than DEBOUNCE_MS would fetch twenty excerpts for it (about 12 KB) on the way
// to the word they meant (measured by search.test.mjs, typing a key every 400 ms).
const MIN_TERM = 2;
const form = document.getElementById("_search");
const status = document.getElementById("_status");
const list = document.getElementById("_results");
const browse = document.getElementById("_browse");
if (form && status && list) {
  const d = form.dataset;
  const q = form.elements.q;
  const province = form.elements.provinsi;
  const topic = form.elements.topik;
  const number = new Intl.NumberFormat(document.documentElement.lang || undefined);

  // Restore a search from the address; a filter that is not one of the options is dropped.
  const params = new URLSearchParams(location.search);
  const restore = (select, value) => {
    select.value = [...select.options].some((o) => o.value === value) ? value : "";
  };
  q.value = params.get("q") || "";
  restore(province, params.get("provinsi") || "");
  restore(topic, params.get("topik") || "");
  form.classList.remove("search-pending");

  let bundle = null;
  let ready = false;
  const load = () => {
    bundle ??= (async () => {
      const pagefind = await import(`${d.bundle}pagefind.js`);
      // Long pages are the substantive ones here (a province, an issue); Pagefind's default
      // length penalty (0.75) let a one-line topic description outrank the province it names.
      // noWorker: search in the page, not in Pagefind's worker, whose script (12 KB gzipped, one
      // more request) a phone would fetch before its first result; on an index of this size a
      // search takes milliseconds, so the page never waits on it.
      await pagefind.options({ basePath: d.bundle, noWorker: true, ranking: { pageLength: 0.3 } });
      await pagefind.init();
      ready = true;
      return pagefind;
    })();
    return bundle;
  };

  // The results are marked busy from a change of the form until its search has answered.
  const busy = (yes) => list.setAttribute("aria-busy", String(yes));

  let failed = false;
  const fail = () => {
    if (failed) return;
    failed = true;
    const focused = form.contains(document.activeElement);
    form.hidden = true;
    busy(false);
    list.hidden = true;
    list.replaceChildren();
    status.textContent = d.error;
    if (focused && browse) browse.focus();
  };

  const plain = (html) => {
    const t = document.createElement("template");
    t.innerHTML = html;
    return t.content.textContent;
  };
  const show = (items) => {
    list.replaceChildren(...items.map((item) => {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = item.url;
      a.textContent = item.meta.title || item.url;
      const p = document.createElement("p");
      p.textContent = plain(item.excerpt);
      li.append(a, p);
      return li;
    }));
    list.hidden = items.length === 0;
  };
  const counted = (found) => {
    if (found === 0) return d.none;
    if (found === 1) return d.one;
    return (found > SHOWN ? d.many : d.few).replace("{n}", number.format(found));
  };

  // Typos: Pagefind matches whole words and their beginnings only, so "stuntng" finds
  // nothing. Then the site's own words (pagefind/words.<lang>.json, most widespread first,
  // made by the generator) are fetched once, each word of the query that is not one of them
  // is replaced by the closest that is (an Indonesian prefix dropped, or one edit for short
  // words, two for longer), that search is shown instead, and the status says so.
  let words = null;
  const loadWords = () => {
    words ??= fetch(d.words).then((r) => (r.ok ? r.json() : [])).catch(() => []);
    return words;
  };
  const distance = (a, b, max) => {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const cur = [i];
      let best = i;
      for (let j = 1; j <= b.length; j++) {
        cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        best = Math.min(best, cur[j]);
      }
      if (best > max) return max + 1;
      prev = cur;
    }
    return prev[b.length];
  };
  const suggestion = async (term) => {
    const list = await loadWords();
    const known = new Set(list);
    let changed = false;
    const fixed = term.toLowerCase().split(/\s+/).filter(Boolean).map((w) => {
      if (known.has(w) || w.length < 3) return w;
      // An Indonesian prefix the stemmer keeps (berpendidikan: pendidikan).
      for (const prefix of ["ber", "ter", "se", "ke", "di"]) {
        const rest = w.slice(prefix.length);
        if (w.startsWith(prefix) && rest.length >= 4 && known.has(rest)) {
          changed = true;
          return rest;
        }
      }
      const max = w.length <= 4 ? 1 : 2;
      let best = null;
      let bestD = max + 1;
      for (const k of list) {
        const dk = distance(w, k, Math.min(max, bestD - 1));
        if (dk < bestD) {
          best = k;
          bestD = dk;
          if (dk === 1) break; // the list is most widespread first
        }
      }
      if (best === null) return w;
      changed = true;
      return best;
    });
    return changed ? fixed.join(" ") : null;
  };
  const suggest = document.createElement("p");
  suggest.className = "search-suggest";
  suggest.id = "_suggest";
  suggest.hidden = true;
  status.after(suggest);
  const offer = (fixed) => {
    if (!fixed) {
      suggest.hidden = true;
      suggest.replaceChildren();
      return;
    }
    const a = document.createElement("a");
    const next = new URLSearchParams(location.search);
    next.set("q", fixed);
    a.href = `?${next}`;
    a.textContent = fixed;
    a.addEventListener("click", (e) => {
      e.preventDefault();
      q.value = fixed;
      run();
    });
    const [before, after = ""] = d.suggest.split("{word}");
    suggest.replaceChildren(before, a, after);
    suggest.hidden = false;
  };

  let latest = 0;
  const run = async () => {
    if (failed) return;
    const n = ++latest;
    busy(true);
    const typed = q.value.trim();
    const term = typed.length >= MIN_TERM ? typed : "";
    const filters = {};
    const next = new URLSearchParams();
    if (term) next.set("q", term);
    if (province.value) {
      filters.province = province.value;
      next.set("provinsi", province.value);
    }
    if (topic.value) {
      filters.topic = topic.value;
      next.set("topik", topic.value);
    }
    history.replaceState(history.state, "", next.size ? `?${next}` : location.pathname);
    offer(null);
    if (!next.size) {
      show([]);
      status.textContent = "";
      busy(false);
      return;
    }
    if (!ready) status.textContent = d.loading;
    let found;
    let items;
    let pagefind;
    try {
      pagefind = await load();
      const search = await pagefind.debouncedSearch(term || null, { filters }, DEBOUNCE_MS);
      if (search === null || n !== latest) return;
      found = search.results.length;
      items = await Promise.all(search.results.slice(0, SHOWN).map((r) => r.data()));
    } catch {
      fail();
      return;
    }
    if (n !== latest) return;
    // Nothing found: search the closest words of the site instead, and say so.
    let fixed = null;
    try {
      fixed = found === 0 && term ? await suggestion(term) : null;
      if (fixed && n === latest) {
        const again = await pagefind.search(fixed, { filters });
        found = again.results.length;
        items = await Promise.all(again.results.slice(0, SHOWN).map((r) => r.data()));
      }
    } catch {
      fixed = null;
    }
    if (n !== latest) return;
    status.textContent = counted(found);
    offer(found > 0 ? fixed : null);
    show(items);
    busy(false);
  };

  form.addEventListener("input", run);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    run();
  });
  // Someone about to search: fetch Pagefind while they type.
  form.addEventListener("focusin", () => load().catch(fail), { once: true });
  if (q.value || province.value || topic.value) run();
}
