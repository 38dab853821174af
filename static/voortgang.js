// Progress of a paper import: asks the server how far it is and updates the bar, then goes on to
// the report. Optional: without it, the page's "bijwerken" link does the same by hand.
(function () {
  var box = document.querySelector("[data-status]");
  if (!box || !window.fetch) return;
  var url = box.getAttribute("data-status");
  var bar = document.getElementById("voortgang");
  var text = document.getElementById("voortgang-tekst");
  var live = document.getElementById("voortgang-melding");
  var lastTenth = -1;
  function tick() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (s) {
        if (s.klaar) { window.location.assign(s.naar); return; }
        bar.value = s.procent;
        bar.textContent = s.procent + "%";
        text.textContent = s.tekst;
        // Screen readers hear every tenth, not every update.
        var tenth = Math.floor(s.procent / 10);
        if (tenth !== lastTenth) { lastTenth = tenth; live.textContent = s.procent + "%"; }
        setTimeout(tick, 1500);
      })
      .catch(function () { setTimeout(tick, 5000); });
  }
  setTimeout(tick, 1000);
})();
