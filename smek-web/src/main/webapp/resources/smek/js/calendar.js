/* The calendar page: after an event is opened its form gets the focus (keyboard and screen reader
   users land where the change is), and after a change the schedule fetches its events again. */
var smekCalendar = (function () {
  "use strict";

  function focusEditor() {
    var heading = document.getElementById("editor-heading");
    if (heading) {
      heading.scrollIntoView({block: "start"});
      heading.focus();
    }
  }

  function saved(args) {
    if (args && !args.validationFailed) {
      PF("schedule").update();
      var schedule = document.getElementById("calendar-form:schedule");
      if (schedule) {
        schedule.setAttribute("tabindex", "-1");
        schedule.focus();
      }
    }
  }

  /* FullCalendar's scrolling time grid has no focusable content on an empty day, so a keyboard
     could not scroll it: each scroller becomes focusable, named by its title (a role would break
     the grid's table structure it sits in). */
  function focusableScrollers(schedule) {
    var label = schedule.getAttribute("data-scroll-label");
    schedule.querySelectorAll(".fc-scroller").forEach(function (scroller) {
      if (!scroller.hasAttribute("tabindex")) {
        scroller.setAttribute("tabindex", "0");
        scroller.setAttribute("title", label);
      }
    });
  }

  function watch() {
    document.querySelectorAll("[data-scroll-label]").forEach(function (schedule) {
      focusableScrollers(schedule);
      new MutationObserver(function () {
        focusableScrollers(schedule);
      }).observe(schedule, {childList: true, subtree: true});
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", watch);
  } else {
    watch();
  }

  return {focusEditor: focusEditor, saved: saved};
})();
