/* Self-check: a "Check answer" button for each quiz question, and up/down buttons to put events
 * in order. Without this script the page still works: the choices are plain content and each
 * answer is in a box to open. Feedback goes to a polite live region, so screen readers announce
 * it. Loaded only on the self-check page. No third-party code; nothing is stored or sent. */
(function () {
  "use strict";

  function make(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function button(text, className) {
    var node = make("button", "md-button " + className, text);
    node.type = "button";
    return node;
  }

  function liveRegion() {
    var node = make("p", "sc-feedback");
    node.setAttribute("role", "status");
    node.setAttribute("aria-live", "polite");
    return node;
  }

  // Clear first, then write: a live region announces a change, so the same words said twice
  // (a second wrong answer) must still count as one.
  function say(region, text, state) {
    region.textContent = "";
    region.setAttribute("data-state", state || "");
    window.setTimeout(function () { region.textContent = text; }, 60);
  }

  // The total: one point per question whose last check was right; the order task counts as one.
  var results = {};
  var total = 0;
  var scoreRegion = null;

  function record(id, right) {
    results[id] = right;
    if (!scoreRegion) return;
    var score = 0;
    Object.keys(results).forEach(function (key) { if (results[key]) score += 1; });
    var checked = Object.keys(results).length;
    scoreRegion.textContent = "Your score: " + score + " of " + total + " right (" + checked + " of " + total + " checked).";
  }

  function setUpChoice(fieldset, index) {
    var answer = fieldset.getAttribute("data-answer");
    var check = button("Check answer", "sc-check");
    var region = liveRegion();
    var item = fieldset.closest(".sc-item");
    var explanation = item ? item.querySelector("details.sc-answer") : null;
    fieldset.append(check, region);
    total += 1;
    check.addEventListener("click", function () {
      var chosen = fieldset.querySelector("input:checked");
      if (!chosen) {
        say(region, "Choose an answer first.", "");
        return;
      }
      var label = chosen.parentNode.textContent.trim();
      var right = chosen.value === answer;
      if (right) say(region, "Right: " + label + ".", "right");
      else say(region, "Not quite: it is not " + label + ". Try another answer.", "wrong");
      if (right && explanation) explanation.open = true;
      record("q" + index, right);
    });
  }

  function setUpOrder(list) {
    var answer = list.getAttribute("data-answer").split(" ");
    var region = liveRegion();
    var check = button("Check the order", "sc-check");
    list.after(check, region);
    total += 1;

    function items() {
      return Array.prototype.slice.call(list.children);
    }

    function clearMarks() {
      items().forEach(function (item) {
        var mark = item.querySelector(".sc-order__mark");
        mark.textContent = "";
        item.removeAttribute("data-state");
      });
    }

    function move(item, step, control) {
      var all = items();
      var title = item.querySelector(".sc-order__title").textContent;
      var to = all.indexOf(item) + step;
      if (to < 0 || to >= all.length) {
        say(region, "“" + title + "” is already " + (step < 0 ? "first." : "last."), "");
        return;
      }
      list.insertBefore(item, step < 0 ? all[to] : all[to].nextSibling);
      control.focus();
      clearMarks();
      say(region, "“" + title + "” is now number " + (to + 1) + " of " + all.length + ".", "");
    }

    items().forEach(function (item) {
      var title = item.querySelector(".sc-order__title").textContent;
      var moves = make("span", "sc-order__moves");
      var up = button("Up", "sc-move");
      var down = button("Down", "sc-move");
      up.setAttribute("aria-label", "Move up: " + title);
      down.setAttribute("aria-label", "Move down: " + title);
      up.addEventListener("click", function () { move(item, -1, up); });
      down.addEventListener("click", function () { move(item, 1, down); });
      moves.append(up, down);
      item.append(make("span", "sc-order__mark"), moves);
    });

    check.addEventListener("click", function () {
      var all = items();
      var right = 0;
      all.forEach(function (item, index) {
        var inPlace = item.getAttribute("data-event") === answer[index];
        if (inPlace) right += 1;
        item.setAttribute("data-state", inPlace ? "right" : "wrong");
        item.querySelector(".sc-order__mark").textContent = inPlace ? "in the right place" : "not yet";
      });
      if (right === all.length) say(region, "All " + all.length + " events are in the right order.", "right");
      else say(region, right + " of " + all.length + " events are in the right place. Move the others and check again.", "wrong");
      record("order", right === all.length);
    });
  }

  document.querySelectorAll(".sc-intro[data-enhanced]").forEach(function (intro) {
    intro.textContent = intro.getAttribute("data-enhanced");
  });
  document.querySelectorAll(".sc-choice fieldset[data-answer]").forEach(setUpChoice);
  document.querySelectorAll(".sc-order__list[data-answer]").forEach(setUpOrder);
  document.querySelectorAll(".sc-score-slot").forEach(function (slot) {
    scoreRegion = make("p", "sc-score");
    scoreRegion.setAttribute("role", "status");
    scoreRegion.setAttribute("aria-live", "polite");
    scoreRegion.textContent = "Your score: 0 of " + total + " right (none checked yet).";
    slot.replaceWith(scoreRegion);
  });
  document.querySelectorAll(".self-check").forEach(function (node) { node.classList.add("sc-ready"); });
})();
