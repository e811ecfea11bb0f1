// The desk's keyboard: j/k move through the queue, Enter opens the focused item, / jumps to search.
// A file of our own (CSP script-src 'self'), loaded with defer; nothing on the desk depends on it.
(function () {
  "use strict";
  function typing(target) {
    return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].indexOf(target.tagName) !== -1;
  }
  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll("[data-queue-row] a[data-open]"));
  }
  function move(step) {
    var links = rows();
    if (!links.length) return;
    var at = links.indexOf(document.activeElement);
    var next = at === -1 ? (step > 0 ? 0 : links.length - 1) : Math.min(links.length - 1, Math.max(0, at + step));
    links[next].focus();
    links[next].closest("[data-queue-row]").scrollIntoView({block: "nearest"});
  }
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) return;
    if (event.key === "j") { move(1); event.preventDefault(); }
    else if (event.key === "k") { move(-1); event.preventDefault(); }
    else if (event.key === "/") {
      var search = document.querySelector("[data-search]");
      if (search) { search.focus(); event.preventDefault(); }
    }
  });
  // Highlight the row whose link has focus (focus-within does the styling; this keeps the row in view).
  document.addEventListener("focusin", function (event) {
    var row = event.target.closest && event.target.closest("[data-queue-row]");
    if (row) row.scrollIntoView({block: "nearest"});
  });
})();
