/* Proposal form enhancement. The form works without this script (plain POST); with it:
   - the issue list follows the chosen province, and ?provinsi=&isu= preselect both;
   - token (idempotency key) and started_at are set once and kept in sessionStorage across
     reloads until a reference is shown; unconfirmed answers and lost connections are retried
     twice on their own with the same token, and once an answer for the token was uncertain a
     later "not saved" is shown as uncertain too (an earlier send may still have stored it);
   - the proposal is sent as JSON (docs/submit-api.md), the button is disabled while sending,
     422 errors appear beside the fields and in a summary that takes focus, a network failure
     keeps everything typed and the same token so a retry cannot store twice.
   UI strings come from the form's data-msg-* attributes, in the page's language. */
(function () {
  "use strict";
  var form = document.getElementById("_proposal");
  if (!form || !window.fetch || !window.JSON) { return; }
  var summary = document.getElementById("_errors");
  var status = document.getElementById("_status");
  var button = form.querySelector("button[type=submit]");
  var province = form.elements.province;
  var issue = form.elements.issue;
  var msg = function (key) { return form.getAttribute("data-msg-" + key) || ""; };
  /* The site's own error summary replaces the browser's one-at-a-time bubbles. */
  form.noValidate = true;

  function uuid() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    var b = new Uint8Array(16);
    if (window.crypto && crypto.getRandomValues) { crypto.getRandomValues(b); }
    else { for (var i = 0; i < 16; i++) { b[i] = Math.floor(Math.random() * 256); } }
    b[6] = (b[6] & 15) | 64; b[8] = (b[8] & 63) | 128;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }
  /* The token and the first load time survive a reload (sessionStorage) until a reference is
     shown, so a reload after an unconfirmed send cannot make a second proposal. */
  var KEY = "winner-proposal:" + window.location.pathname;
  var kept = null;
  try { kept = JSON.parse(window.sessionStorage.getItem(KEY) || "null"); } catch (e) { kept = null; }
  if (!kept || !kept.token || !(Date.now() - Number(kept.started_at) < 20 * 3600 * 1000)) {
    kept = { token: uuid(), started_at: String(Date.now()) };
  }
  function keep() { try { window.sessionStorage.setItem(KEY, JSON.stringify(kept)); } catch (e) { /* private mode */ } }
  function forget() { try { window.sessionStorage.removeItem(KEY); } catch (e) { /* private mode */ } }
  form.elements.token.value = kept.token;
  form.elements.started_at.value = kept.started_at;

  /* Issue list filtered by province: keep the original groups, show only the chosen one. */
  var groups = Array.prototype.slice.call(issue.querySelectorAll("optgroup"));
  var placeholder = issue.options[0];
  function filterIssues() {
    var chosen = province.value, keep = issue.value;
    while (issue.lastChild) { issue.removeChild(issue.lastChild); }
    issue.appendChild(placeholder);
    groups.forEach(function (g) {
      if (!chosen || g.getAttribute("data-province") === chosen) { issue.appendChild(g); }
    });
    issue.value = keep;
    if (issue.value !== keep) { issue.value = ""; }
  }
  province.addEventListener("change", filterIssues);
  var params = new URLSearchParams(window.location.search);
  var wantP = params.get("provinsi") || params.get("province");
  var wantI = params.get("isu") || params.get("issue");
  if (wantP) { province.value = wantP; }
  filterIssues();
  if (wantI) { issue.value = wantI; if (issue.value !== wantI) { issue.value = ""; } }

  function fieldOf(name) {
    var el = form.elements[name];
    return el && el.closest ? el.closest(".field") : null;
  }
  function clearErrors() {
    Array.prototype.forEach.call(form.querySelectorAll(".field-error"), function (p) {
      p.textContent = ""; p.hidden = true;
      var f = p.closest(".field"); if (f) { f.classList.remove("invalid"); }
      var input = document.getElementById(p.id.replace(/-error$/, ""));
      if (input) {
        var ids = (input.getAttribute("aria-describedby") || "").split(" ").filter(function (x) { return x && x !== p.id; });
        if (ids.length) { input.setAttribute("aria-describedby", ids.join(" ")); } else { input.removeAttribute("aria-describedby"); }
        input.removeAttribute("aria-invalid");
      }
    });
    summary.hidden = true;
    summary.querySelector("ul").textContent = "";
  }
  function showErrors(fields) {
    var list = summary.querySelector("ul");
    fields.forEach(function (f) {
      var input = document.getElementById("f-" + f.name);
      var p = document.getElementById("f-" + f.name + "-error");
      if (p && input) {
        p.textContent = f.message; p.hidden = false;
        fieldOf(f.name).classList.add("invalid");
        input.setAttribute("aria-invalid", "true");
        var ids = (input.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
        ids.push(p.id);
        input.setAttribute("aria-describedby", ids.join(" "));
      }
      var li = document.createElement("li");
      var a = document.createElement(input ? "a" : "span");
      if (input) {
        a.href = "#" + input.id;
        a.addEventListener("click", function (e) { e.preventDefault(); input.focus(); });
      }
      a.textContent = (input ? labelOf(input) + ": " : "") + f.message;
      li.appendChild(a); list.appendChild(li);
    });
    summary.hidden = false;
    summary.focus();
  }
  /* A field's label as people read it, without the required-field star. */
  function labelOf(input) {
    var label = form.querySelector("label[for='" + input.id + "']");
    var star = label && label.querySelector(".req");
    var text = label ? label.textContent : input.name;
    if (star) { text = text.replace(star.textContent, ""); }
    return text.trim();
  }
  /* Every rule the page knows, all fields at once, in the form's order (submit-fn checks the
     same rules again and answers with its own messages). */
  function checkFields() {
    var problems = [];
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || !el.id || el.type === "hidden" || el.disabled) { return; }
      var v = el.type === "checkbox" ? "" : String(el.value).trim();
      var min = Number(el.getAttribute("minlength")), max = Number(el.getAttribute("maxlength"));
      var words = Number(el.getAttribute("data-max-words"));
      var m = "";
      if (el.type === "checkbox") { if (el.required && !el.checked) { m = msg("not-ticked"); } }
      else if (!v) { if (el.required) { m = msg("required"); } }
      else if (min && v.length < min) { m = msg("too-short").replace("{n}", min); }
      else if (max && v.length > max) { m = msg("too-long").replace("{n}", max); }
      else if (words && v.split(/\s+/).length > words) { m = msg("too-many-words").replace("{n}", words); }
      else if (el.type === "email" && el.validity && el.validity.typeMismatch) { m = msg("bad-email"); }
      else if (el.type === "url" && el.validity && el.validity.typeMismatch) { m = msg("bad-url"); }
      else if (el.type === "number" && el.validity && !el.validity.valid) { m = msg("bad-number"); }
      if (m) { problems.push({ name: el.name, message: m }); }
    });
    return problems;
  }

  var sending = false;
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (sending) { return; }
    clearErrors();
    var local = checkFields();
    if (local.length) { showErrors(local); return; }
    var data = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.disabled) { return; }
      if (el.type === "checkbox") { if (el.checked) { data[el.name] = el.value; } return; }
      data[el.name] = String(el.value);
    });
    sending = true;
    button.disabled = true;
    status.textContent = msg("sending");
    keep();
    /* An unconfirmed answer (503 "unconfirmed") or a lost connection is retried on its own with
       the same token, which can never store twice; then the person is told. Once the outcome
       for this token was uncertain, "not saved" (503 "unavailable") only says that this one
       send wrote nothing: an earlier send may still have stored the proposal, so it is
       retried and told as uncertain, never as "not saved". The text to tell is kept with the
       token (kept.unsure), across reloads, until a reference is shown. */
    function unsure(text) { kept.unsure = text; keep(); }
    function send(attempt) {
      return fetch(form.action, {
        method: "POST",
        headers: { "Content-Type": "application/json", "Accept": "application/json" },
        body: JSON.stringify(data),
        credentials: "omit"
      }).then(function (res) {
        return res.json().catch(function () { return {}; }).then(function (body) { return { res: res, body: body }; });
      }).then(function (r) {
        var unconfirmed = r.res.status === 503 && r.body.error === "unconfirmed";
        if (unconfirmed) { unsure(r.body.message || msg("network")); }
        var stillUnsure = r.res.status === 503 && r.body.error === "unavailable" && kept.unsure;
        if ((unconfirmed || stillUnsure) && attempt < 2) {
          return new Promise(function (ok) { setTimeout(ok, 1000 * (attempt + 1)); }).then(function () { return send(attempt + 1); });
        }
        if (stillUnsure) { r.body = { error: "unconfirmed", message: kept.unsure }; }
        return r;
      }, function (err) {
        unsure(msg("network"));
        if (attempt < 2) {
          return new Promise(function (ok) { setTimeout(ok, 1000 * (attempt + 1)); }).then(function () { return send(attempt + 1); });
        }
        throw err;
      });
    }
    send(0).then(function (r) {
      if ((r.res.status === 200 || r.res.status === 201) && r.body.reference) {
        forget();
        status.textContent = msg("reference") + " " + r.body.reference;
        if (r.body.thank_you_url) { window.location.assign(r.body.thank_you_url); return "done"; }
        return "done";
      }
      status.textContent = "";
      if (r.res.status === 409) { forget(); }
      if (r.res.status === 422 && r.body.fields) {
        showErrors(r.body.fields);
      } else {
        showErrors([{ name: "", message: r.body.message || msg("unexpected") }]);
      }
    }).catch(function () {
      status.textContent = "";
      showErrors([{ name: "", message: msg("network") }]);
    }).then(function (outcome) {
      if (outcome === "done") { return; }
      sending = false;
      button.disabled = false;
    });
  });
})();
