// "Lees voor": reads a question aloud with the browser's own speech synthesis, in the page's
// language. Optional: the questionnaire works the same without it.
(function () {
  if (!("speechSynthesis" in window) || typeof SpeechSynthesisUtterance === "undefined") return;
  var lang = document.documentElement.lang || "nl";
  document.querySelectorAll("button[data-read]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var target = document.getElementById(button.getAttribute("data-read"));
      if (!target) return;
      var box = button.closest(".question");
      var parts = [target.textContent];
      if (box) {
        box.querySelectorAll(".hint, .choice label").forEach(function (el) { parts.push(el.textContent); });
      }
      var speech = new SpeechSynthesisUtterance(parts.join(". "));
      speech.lang = lang;
      window.speechSynthesis.cancel();
      window.speechSynthesis.speak(speech);
    });
  });
})();
