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
  form.hidden = false;

  let bundle = null;
  let ready = false;
  const load = () => {
    bundle ??= (async () => {
      const pagefind = await import(`${d.bundle}pagefind.js`);
      await pagefind.options({ basePath: d.bundle });
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

  let latest = 0;
  const run = async () => {
    if (failed) return;
    const n = ++latest;
    busy(true);
    const term = q.value.trim();
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
    if (!next.size) {
      show([]);
      status.textContent = "";
      busy(false);
      return;
    }
    if (!ready) status.textContent = d.loading;
    let found;
    let items;
    try {
      const pagefind = await load();
      const search = await pagefind.debouncedSearch(term || null, { filters }, DEBOUNCE_MS);
      if (search === null || n !== latest) return;
      found = search.results.length;
      items = await Promise.all(search.results.slice(0, SHOWN).map((r) => r.data()));
    } catch {
      fail();
      return;
    }
    if (n !== latest) return;
    status.textContent = counted(found);
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
