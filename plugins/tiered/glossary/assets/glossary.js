/* tiered/glossary: definition popovers for glossary links.
   Without this script each link is a normal link with a title. With it, the title
   becomes a popover (role="tooltip", referenced by aria-describedby) that opens on
   hover, keyboard focus and tap, and closes on Escape, blur or a tap elsewhere.
   A first tap on a touch screen opens the popover; a second tap follows the link. */
(function () {
  "use strict";
  var SELECTOR = "a.tiered-glossary-term";
  var counter = 0;
  var open = null; // { link, tip }

  function place(link, tip) {
    var rect = link.getBoundingClientRect();
    var width = document.documentElement.clientWidth;
    tip.style.left = "0px";
    tip.style.top = "0px";
    var tipWidth = tip.offsetWidth;
    var left = Math.min(Math.max(8, rect.left), Math.max(8, width - tipWidth - 8));
    tip.style.left = left + window.scrollX + "px";
    tip.style.top = rect.bottom + window.scrollY + 6 + "px";
  }

  function hide() {
    if (open) {
      open.tip.hidden = true;
      open.link.removeAttribute("data-tiered-open");
      open = null;
    }
  }

  function show(link) {
    var tip = document.getElementById(link.getAttribute("aria-describedby"));
    if (!tip) {
      return;
    }
    if (open && open.link !== link) {
      hide();
    }
    tip.hidden = false;
    place(link, tip);
    open = { link: link, tip: tip };
  }

  function setup(link) {
    if (link.hasAttribute("data-tiered-ready")) {
      return;
    }
    var text = link.getAttribute("title");
    if (!text) {
      return;
    }
    link.setAttribute("data-tiered-ready", "");
    counter += 1;
    var tip = document.createElement("span");
    tip.id = "tiered-glossary-tip-" + counter;
    tip.className = "tiered-glossary-tooltip";
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    var name = document.createElement("span");
    name.className = "tiered-glossary-tooltip__term";
    name.textContent = link.textContent;
    tip.appendChild(name);
    tip.appendChild(document.createTextNode(text));
    document.body.appendChild(tip);
    // The popover replaces the native tooltip; screen readers get it as a description.
    link.removeAttribute("title");
    link.setAttribute("data-tiered-definition", text);
    link.setAttribute("aria-describedby", tip.id);

    var touched = false;
    link.addEventListener("pointerdown", function (event) {
      touched = event.pointerType === "touch" || event.pointerType === "pen";
    });
    link.addEventListener("mouseenter", function () {
      show(link);
    });
    link.addEventListener("mouseleave", function () {
      if (document.activeElement !== link) {
        hide();
      }
    });
    link.addEventListener("focus", function () {
      show(link);
    });
    link.addEventListener("blur", function () {
      hide();
    });
    link.addEventListener("click", function (event) {
      if (touched && !(open && open.link === link && link.hasAttribute("data-tiered-open"))) {
        event.preventDefault(); // first tap: show the definition, second tap: follow
        show(link);
        link.setAttribute("data-tiered-open", "");
      }
      touched = false;
    });
  }

  function init() {
    var links = document.querySelectorAll(SELECTOR);
    for (var i = 0; i < links.length; i++) {
      setup(links[i]);
    }
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" || event.key === "Esc") {
      hide();
    }
  });
  document.addEventListener("pointerdown", function (event) {
    if (open && event.target !== open.link && !open.link.contains(event.target)) {
      hide();
    }
  });
  window.addEventListener("resize", function () {
    if (open) {
      place(open.link, open.tip);
    }
  });

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () {
      hide();
      init();
    });
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
