/* tiered/levels: remember the reader's last reading level and highlight it on topic
   landing pages. Progressive enhancement only: the switcher and cards are plain
   links that work without this script, and it never redirects anyone. */
(function () {
  "use strict";
  var KEY = "tiered:tier";

  function read() {
    try {
      return window.localStorage.getItem(KEY);
    } catch (error) {
      return null; // storage disabled (private mode, strict settings)
    }
  }

  function write(tier) {
    try {
      window.localStorage.setItem(KEY, tier);
    } catch (error) {
      /* storage disabled: nothing to remember */
    }
  }

  function init() {
    var switcher = document.querySelector(".tiered-switcher[data-tiered-current]");
    if (switcher && switcher.getAttribute("data-tiered-current")) {
      write(switcher.getAttribute("data-tiered-current"));
    }
    var remembered = read();
    var cards = document.querySelectorAll(".tiered-card[data-tier]");
    for (var i = 0; i < cards.length; i++) {
      var card = cards[i];
      var match = card.getAttribute("data-tier") === remembered;
      card.classList.toggle("tiered-card--remembered", match);
      var note = card.querySelector(".tiered-card__remembered");
      if (note) {
        note.hidden = !match;
      }
    }
  }

  // Material's instant navigation swaps pages without a load event; it exposes document$.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
