/* Thank-you page: show the reference from ?ref= (the noscript note explains where it is). */
(function () {
  "use strict";
  var ref = new URLSearchParams(window.location.search).get("ref");
  var line = document.getElementById("_ref-line");
  if (!ref || !line || !/^[A-Z0-9-]{1,40}$/.test(ref)) { return; }
  document.getElementById("_ref").textContent = ref;
  line.hidden = false;
})();
