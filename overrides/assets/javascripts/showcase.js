/* Showcase behaviour on every page (loaded with defer, no outside requests):
   - text size 标准 / 大 / 特大, kept across pages in localStorage (the <head> applies it
     before the first paint; see partials/showcase/head.html);
   - the share block's address where site_url is not set;
   - the print button, which explains what to do inside WeChat's browser (window.print()
     does nothing there) and shows WeChat's own way to share. */
(function () {
  "use strict";
  var KEY = "sc-text-size";
  var SIZES = ["standard", "large", "xlarge"];
  var root = document.documentElement;
  var wechat = /MicroMessenger/i.test(navigator.userAgent);

  function current() {
    var size = root.getAttribute("data-sc-size");
    return SIZES.indexOf(size) > 0 ? size : "standard";
  }

  function show(size) {
    document.querySelectorAll("[data-sc-size]").forEach(function (button) {
      if (button === root) { return; }
      button.setAttribute("aria-pressed", String(button.getAttribute("data-sc-size") === size));
    });
  }

  function choose(size) {
    if (size === "standard") { root.removeAttribute("data-sc-size"); } else { root.setAttribute("data-sc-size", size); }
    try {
      if (size === "standard") { localStorage.removeItem(KEY); } else { localStorage.setItem(KEY, size); }
    } catch (e) { /* private mode: the choice lasts for this page */ }
    show(size);
  }

  document.querySelectorAll("button[data-sc-size]").forEach(function (button) {
    button.addEventListener("click", function () { choose(button.getAttribute("data-sc-size")); });
  });
  show(current());

  var here = location.href.split("#")[0];
  document.querySelectorAll("[data-sc-fill-url]").forEach(function (el) {
    if (el.hasAttribute("data-clipboard-text")) { el.setAttribute("data-clipboard-text", here); } else { el.textContent = here; }
  });

  if (wechat) {
    root.classList.add("sc-wechat");
    document.querySelectorAll("[data-sc-wechat-only]").forEach(function (el) { el.hidden = false; });
  }
  // pictures not yet scrolled to would be missing on paper
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("img[loading=lazy]").forEach(function (img) { img.loading = "eager"; });
  });
  document.querySelectorAll("[data-sc-print]").forEach(function (button) {
    var note = document.getElementById(button.getAttribute("aria-controls") || "");
    button.addEventListener("click", function () {
      if (wechat) {
        if (note) { note.hidden = false; note.focus(); }
        return;
      }
      window.print();
    });
  });
})();
