/* Starts Pagefind's search box on the search page.
   An external file because the Content-Security-Policy allows no inline script.
   Results come from the index the template loaded: its own variant's pages only.
   Pagefind's own input has no visible label (an accessibility finding), so one is
   added, with the text the template puts into `data-label`. */
(function () {
  "use strict";

  var container = document.getElementById("suche-feld");
  if (!container || typeof PagefindUI === "undefined") {
    return;
  }

  function labelInput() {
    var input = container.querySelector("input");
    if (!input || input.id) {
      return Boolean(input);
    }
    input.id = "suche-eingabe";
    var label = document.createElement("label");
    label.className = "search__label";
    label.htmlFor = input.id;
    label.textContent = container.getAttribute("data-label");
    container.parentNode.insertBefore(label, container);
    return true;
  }

  new PagefindUI({ element: "#suche-feld", showSubResults: true, showImages: false });
  if (!labelInput()) {
    var observer = new MutationObserver(function () {
      if (labelInput()) {
        observer.disconnect();
      }
    });
    observer.observe(container, { childList: true, subtree: true });
  }
})();
