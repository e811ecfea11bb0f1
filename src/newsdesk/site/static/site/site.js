/* newsdesk: the live parts of a cached page.
 * 1. Every <time data-relative datetime="ISO"> says how long ago, computed here
 *    from the absolute time, so a page cached for an hour is still right
 *    (same words as publish/relative_time.py, the server's fallback).
 * 2. One view beacon per page view to [data-views-url]; the count shown is
 *    replaced by the total the server returns.
 * 3. The rails (highlights, most read) come from one small JSON document for
 *    the whole site ([data-rails-url], cached briefly), so a baked page never
 *    lists other stories and never goes stale when they change. Stories the
 *    page already shows ([data-rail-exclude]) are left out; a list the page
 *    was sent with ([data-rail-sent]) is kept.
 * 4. An article's related stories and its story's source count change with
 *    other articles, so they are refreshed from [data-related-url] the same way.
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

  var RAIL_SIZE = 5;

  function railItem(story, withTime) {
    var li = document.createElement("li");
    li.className = "rail-item";
    var meta = document.createElement("p");
    meta.className = "meta";
    if (story.section) {
      var kicker = document.createElement("a");
      kicker.className = "kicker";
      kicker.href = story.section.url;
      kicker.textContent = story.section.name;
      meta.appendChild(kicker);
      meta.appendChild(document.createTextNode(" "));
    }
    if (withTime) {
      var time = document.createElement("time");
      time.setAttribute("datetime", story.published);
      time.setAttribute("data-relative", "");
      meta.appendChild(time);
    }
    var headline = document.createElement("h3");
    headline.className = "rail-headline";
    var link = document.createElement("a");
    link.href = story.url;
    link.textContent = story.headline;
    headline.appendChild(link);
    if (meta.childNodes.length) li.appendChild(meta);
    li.appendChild(headline);
    return li;
  }

  function fillRail(list, stories, exclude, withTime) {
    if (!list || list.hasAttribute("data-rail-sent")) return;
    var shown = (stories || []).filter(function (story) { return exclude.indexOf(String(story.id)) < 0; }).slice(0, RAIL_SIZE);
    var items = document.createDocumentFragment();
    shown.forEach(function (story) { items.appendChild(railItem(story, withTime)); });
    list.replaceChildren(items);
    var section = list.closest("section");
    if (section) section.hidden = shown.length === 0;
  }

  function loadRails() {
    var rail = document.querySelector("[data-rails-url]");
    if (!rail || !window.fetch) return;
    var exclude = (rail.getAttribute("data-rail-exclude") || "").split(/\s+/).filter(Boolean);
    fetch(rail.getAttribute("data-rails-url"), { credentials: "omit", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data) return;
        fillRail(rail.querySelector('[data-rail="highlights"]'), data.highlights, exclude, true);
        fillRail(rail.querySelector('[data-rail="most-read"]'), data.most_read, exclude, false);
        refreshTimes();
      })
      .catch(function () { /* the rails are a nicety; the page works without them */ });
  }

  function loadRelated() {
    var related = document.querySelector("[data-related-url]");
    if (!related || !window.fetch) return;
    fetch(related.getAttribute("data-related-url"), { credentials: "omit", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data) return;
        var items = document.createDocumentFragment();
        (data.related || []).forEach(function (story) { items.appendChild(railItem(story, false)); });
        related.querySelector("[data-related]").replaceChildren(items);
        related.hidden = !(data.related || []).length;
        var sources = document.querySelector("[data-story-sources]");
        if (sources && data.story && typeof data.story.sources === "number") {
          sources.textContent = "· " + data.story.sources + (data.story.sources === 1 ? " source" : " sources");
        }
      })
      .catch(function () { /* related stories are a nicety; the page works without them */ });
  }

  refreshTimes();
  setInterval(refreshTimes, 60 * 1000);
  countView();
  loadRails();
  loadRelated();
})();
