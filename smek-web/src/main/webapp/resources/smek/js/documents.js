/* Upload areas of the document pages: PrimeFaces adds a row per chosen file with a progress bar and
   a cancel button that have no accessible name; this names them after the file, in the page's
   language (data-progress-label and data-cancel-label of the element around the upload). */
(function () {
  "use strict";

  function nameRows(area) {
    var progress = area.getAttribute("data-progress-label");
    var cancel = area.getAttribute("data-cancel-label");
    area.querySelectorAll(".ui-fileupload-row").forEach(function (row) {
      var file = row.querySelector(".ui-fileupload-filename");
      var name = file ? file.textContent : "";
      var bar = row.querySelector("[role=progressbar]");
      if (bar && !bar.hasAttribute("aria-label")) {
        bar.setAttribute("aria-label", progress + ": " + name);
      }
      var button = row.querySelector(".ui-fileupload-cancel");
      if (button && !button.hasAttribute("aria-label")) {
        button.setAttribute("aria-label", cancel + ": " + name);
      }
    });
  }

  function watch() {
    document.querySelectorAll("[data-progress-label]").forEach(function (area) {
      new MutationObserver(function () {
        nameRows(area);
      }).observe(area, {childList: true, subtree: true});
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", watch);
  } else {
    watch();
  }
})();
