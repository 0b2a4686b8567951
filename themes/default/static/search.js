// The search page: a live search over the Pagefind index (/pagefind/), narrowed by province
// and topic. Without this script the page still lists every province and topic.
const form = document.getElementById("_search");
const status = document.getElementById("_status");
const list = document.getElementById("_results");
if (form && status && list) {
  const d = form.dataset;
  const q = form.elements.q;
  const province = form.elements.provinsi;
  const topic = form.elements.topik;
  let pagefind = null;
  try {
    pagefind = await import(`${d.bundle}pagefind.js`);
    await pagefind.options({ basePath: d.bundle });
    pagefind.init();
  } catch (e) {
    status.textContent = d.error;
  }
  if (pagefind) {
    const params = new URLSearchParams(location.search);
    q.value = params.get("q") || "";
    province.value = params.get("provinsi") || "";
    topic.value = params.get("topik") || "";
    form.hidden = false;
    const plain = (html) => {
      const t = document.createElement("template");
      t.innerHTML = html;
      return t.content.textContent;
    };
    let latest = 0;
    const run = async () => {
      const n = ++latest;
      const term = q.value.trim();
      const filters = {};
      if (province.value) filters.province = province.value;
      if (topic.value) filters.topic = topic.value;
      const next = new URLSearchParams();
      if (term) next.set("q", term);
      if (province.value) next.set("provinsi", province.value);
      if (topic.value) next.set("topik", topic.value);
      history.replaceState(null, "", next.size ? `?${next}` : location.pathname);
      if (!term && !province.value && !topic.value) {
        list.replaceChildren();
        status.textContent = "";
        return;
      }
      const search = await pagefind.debouncedSearch(term || null, { filters }, 250);
      if (search === null || n !== latest) return;
      const found = search.results.length;
      const items = await Promise.all(search.results.slice(0, 20).map((r) => r.data()));
      if (n !== latest) return;
      status.textContent = found === 0 ? d.none : found === 1 ? d.one : (found > 20 ? d.many : d.few).replace("{n}", found);
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
    };
    form.addEventListener("input", run);
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      run();
    });
    run();
  }
}
