/* newsdesk: the live parts of a cached page.
 * 1. Every <time data-relative datetime="ISO"> says how long ago, computed here
 *    from the absolute time, so a page cached for an hour is still right
 *    (same words as publish/relative_time.py, the server's fallback).
 * 2. One view beacon per page view to [data-views-url]; the count shown is
 *    replaced by the total the server returns.
 */
(function () {
  "use strict";

  var lang = document.documentElement.lang || undefined;

  function plural(n, unit) {
    return n + " " + unit + (n === 1 ? "" : "s") + " ago";
  }

  function ago(then, now) {
    var seconds = (now - then) / 1000;
    if (seconds < 60) return "just now";
    var minutes = Math.floor(seconds / 60);
    if (minutes < 60) return plural(minutes, "minute");
    var hours = Math.floor(minutes / 60);
    if (hours < 24) return plural(hours, "hour");
    var days = Math.floor(hours / 24);
    if (days < 7) return plural(days, "day");
    return new Date(then).toLocaleDateString(lang, { day: "numeric", month: "long", year: "numeric" });
  }

  function refreshTimes() {
    var now = Date.now();
    document.querySelectorAll("time[data-relative]").forEach(function (el) {
      var then = Date.parse(el.getAttribute("datetime"));
      if (!isNaN(then)) el.textContent = ago(then, now);
    });
  }

  function viewsLabel(total) {
    return total.toLocaleString("en-US") + (total === 1 ? " view" : " views");
  }

  function countView() {
    var el = document.querySelector("[data-views-url]");
    if (!el || el.hasAttribute("data-views-sent") || !window.fetch) return;
    el.setAttribute("data-views-sent", "");
    fetch(el.getAttribute("data-views-url"), {
      method: "POST",
      keepalive: true,
      credentials: "omit",
      headers: { Accept: "application/json" }
    })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (data && typeof data.views === "number") {
          el.setAttribute("data-views-count", String(data.views));
          el.textContent = viewsLabel(data.views);
        }
      })
      .catch(function () { /* the count is a nicety; the page works without it */ });
  }

  refreshTimes();
  setInterval(refreshTimes, 60 * 1000);
  countView();
})();
