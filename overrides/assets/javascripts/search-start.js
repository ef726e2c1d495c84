/* Starts the site search the first time a visitor uses it: focus on the search box, the
 * "/", "s" or "f" key (as in Material), or the search button in the header. Until then
 * nothing of the search (script, index) is loaded. See search.js. */
(function () {
  "use strict";
  var me = document.currentScript;
  var dialog = document.querySelector("[data-sx-search]");
  var input = dialog && dialog.querySelector("input[name=query]");
  if (!me || !input) return;
  var started = false;
  function start() {
    if (started) return;
    started = true;
    var s = document.createElement("script");
    s.src = me.src.replace(/search-start\.js(\?.*)?$/, "search.js");
    document.head.appendChild(s);
  }
  function editable(el) {
    return el && (el.isContentEditable || /^(input|select|textarea)$/i.test(el.tagName));
  }
  input.addEventListener("focus", start);
  var toggle = document.getElementById("__search");
  if (toggle) {
    toggle.addEventListener("change", function () {
      if (toggle.checked) input.focus();
    });
  }
  // a search handed over in the address (the 404 page's form: ?q=…) starts at once
  var asked = "";
  try { asked = (new URLSearchParams(location.search).get("q") || "").trim(); } catch (e) { asked = ""; }
  if (asked) {
    input.value = asked.slice(0, 100);
    if (toggle) toggle.checked = true;
    start();
    input.focus();
  }
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || editable(document.activeElement)) return;
    if (event.key === "/" || event.key === "s" || event.key === "f") {
      event.preventDefault();
      if (toggle) toggle.checked = true;
      input.focus();
      input.select();
    }
  });
})();
