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

  return {focusEditor: focusEditor, saved: saved};
})();
