// Coding screen shortcuts: while the coding form has focus, the key shown beside a code ticks or
// unticks it, + ticks every suggestion of the program (they are never ticked by themselves), and
// Enter saves. They can be turned off (WCAG 2.1.4); without this script the form works with Tab,
// Space and the buttons.
(function () {
  var form = document.getElementById("coderen");
  var on = document.getElementById("sneltoetsen");
  if (!form || !on) return;
  form.addEventListener("keydown", function (e) {
    if (!on.checked || e.ctrlKey || e.altKey || e.metaKey || e.target === on) return;
    if (e.key === "Enter") {
      if (e.target.tagName === "INPUT") {
        e.preventDefault();
        document.getElementById("opslaan").click();
      }
      return;
    }
    if (e.key.length !== 1) return;
    if (e.key === "+") {
      e.preventDefault();
      form.querySelectorAll('input[data-suggested="ja"]').forEach(function (box) {
        box.checked = true;
      });
      return;
    }
    var box = form.querySelector('input[data-key="' + e.key.toLowerCase() + '"]');
    if (box) {
      e.preventDefault();
      box.checked = !box.checked;
      box.focus();
    }
  });
})();
