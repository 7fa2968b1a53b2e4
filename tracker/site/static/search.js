// The search page: Pagefind's interface over the index built with the site, in the page's language.
(function () {
  "use strict";
  var box = document.getElementById("search");
  if (!box) return;
  if (location.protocol === "file:" || typeof PagefindUI === "undefined") {
    var note = document.createElement("p");
    note.className = "notice";
    note.textContent = box.getAttribute("data-file-message");
    box.appendChild(note);
    return;
  }
  var ui = new PagefindUI({
    element: "#search",
    showSubResults: true,
    showImages: false,
    resetStyles: false,
    baseUrl: new URL(box.getAttribute("data-base"), location.href).pathname,
    bundlePath: new URL(box.getAttribute("data-bundle"), location.href).pathname
  });
  var input = box.querySelector("input");  // a name for screen readers, not only a placeholder
  if (input) input.setAttribute("aria-label", box.getAttribute("data-label"));
  var query = new URLSearchParams(location.search).get("q");
  if (query) ui.triggerSearch(query);
})();
