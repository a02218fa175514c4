// An exercise's predictions (a check of type predict): Run stops at each
// prediction's tick (the session's run until a tick), the page asks the
// question — choices of output lines, or a number — and only once it is
// answered does the run go on, so what the answer is has not been sent
// yet when it is asked. The answers go with the program to Check, one a
// line in the order of each check's predictions; the server runs the
// program again and gives the verdict. The page holds no answer.
import {t} from "./i18n.js";
import {html, clear} from "./svg.js";

export class ExercisePredictions {
  // preds: the boot's predictions {check, index, tick, ask, measure, var, choices}, by tick.
  constructor(form, preds) {
    this.form = form;
    this.preds = preds.map((p) => ({...p, answer: "", state: "pending"}));
    this.asking = null;
    this.lastTick = 0;
    this.inputs = new Map(); // check id → the hidden answer field
    this.lists = new Map();  // check id → its list of predictions
    for (const p of this.preds) {
      if (this.inputs.has(p.check)) continue;
      const li = form.querySelector(`[data-check="${CSS.escape(p.check)}"] .x-check-body`);
      if (!li) continue;
      const input = html("input", {type: "hidden", "data-answer": p.check, "data-show": "predict-answers", value: ""});
      const ol = html("ol", {class: "x-predictions", "data-show": "x-predictions", "aria-label": t("xp.listTitle")});
      li.insertBefore(ol, li.querySelector('[data-show="verdict"]').nextSibling);
      li.appendChild(input);
      this.inputs.set(p.check, input);
      this.lists.set(p.check, ol);
    }
    this.box = html("div", {class: "x-predict-ask", "data-show": "x-predict", role: "group", "aria-live": "assertive", hidden: true});
    form.querySelector(".x-check-list").before(this.box);
    this.render();
  }

  // run says where Run stops: the next prediction's tick.
  run(fresh, snap) {
    if (fresh) this.clearAnswers();
    if (this.asking) {
      this.focus();
      return null; // answer first
    }
    const now = fresh || !snap ? 0 : snap.tick;
    const next = this.preds.find((p) => p.state === "pending" && p.tick > now);
    return next ? {until: next.tick} : {};
  }

  // batch asks the question of a prediction whose tick the run has
  // paused at, and marks those it went past unasked (a step past them).
  batch(b) {
    const s = b.state;
    if (!s) return;
    if (s.tick === 0 && this.lastTick > 0) this.clearAnswers(); // the run started again
    this.lastTick = s.tick;
    if (this.asking && s.tick !== this.asking.tick) {
      // A step or a seek went on without the answer: the question is gone.
      this.asking.state = "missed";
      this.asking = null;
      this.box.hidden = true;
      clear(this.box);
    }
    if (this.asking) return;
    for (const p of this.preds) {
      if (p.state !== "pending" || p.tick > s.tick) continue;
      if (p.tick === s.tick && !s.running && s.status === "paused") {
        this.ask(p);
        return;
      }
      if (p.tick < s.tick) p.state = "missed";
    }
    this.render();
  }

  clearAnswers() {
    for (const p of this.preds) { p.answer = ""; p.state = "pending"; }
    this.asking = null;
    this.box.hidden = true;
    this.render();
  }

  ask(p) {
    this.asking = p;
    clear(this.box);
    this.box.hidden = false;
    this.box.dataset.tick = String(p.tick);
    const id = `xp-${p.check}-${p.index}`;
    this.box.appendChild(html("p", {class: "x-predict-head", text: t("xp.paused", {tick: p.tick})}));
    this.box.appendChild(html("p", {class: "x-predict-q", id: id + "-q", "data-show": "x-predict-question", text: p.ask}));
    const field = html("div", {class: "x-predict-choices", role: p.choices ? "radiogroup" : null, "aria-labelledby": id + "-q"});
    if (p.choices && p.choices.length) {
      p.choices.forEach((c, i) => {
        const input = html("input", {type: "radio", name: id, id: `${id}-${i}`, value: c, "data-choice": c});
        field.appendChild(html("label", {for: `${id}-${i}`, class: "x-predict-choice"}, input,
          html("span", {class: "predict-n", text: String(i + 1)}), " ", html("code", {text: c})));
      });
    } else {
      field.appendChild(html("input", {type: "text", inputmode: "numeric", id: id + "-n", "data-show": "x-predict-number",
        "aria-labelledby": id + "-q", autocomplete: "off", placeholder: t("x.answerNumber")}));
    }
    field.addEventListener("keydown", (ev) => {
      if (/^[1-9]$/.test(ev.key) && p.choices) {
        const input = field.querySelectorAll("input")[+ev.key - 1];
        if (input) { input.checked = true; input.focus(); ev.preventDefault(); }
      } else if (ev.key === "Enter") {
        ev.preventDefault();
        this.answer();
      }
    });
    this.box.appendChild(field);
    this.box.appendChild(html("p", {class: "x-predict-buttons"},
      html("button", {type: "button", class: "primary", "data-action": "x-predict-answer", onclick: () => this.answer()}, t("xp.answer")),
      html("span", {class: "help", text: t("xp.help")})));
    this.render();
    this.focus();
  }

  focus() {
    const el = this.box.querySelector("input");
    if (el) { el.focus(); this.box.scrollIntoView({block: "nearest"}); }
  }

  // answer takes the answer on screen and lets the run go on.
  answer() {
    const p = this.asking;
    if (!p) return;
    const chosen = this.box.querySelector("input:checked");
    const typed = this.box.querySelector('[data-show="x-predict-number"]');
    const value = p.choices && p.choices.length ? (chosen ? chosen.value : "") : typed.value.trim();
    if (value === "" || (!p.choices && !/^-?\d+$/.test(value))) {
      this.box.querySelector(".help").textContent = t(p.choices ? "xp.choose" : "xp.number");
      this.focus();
      return;
    }
    p.answer = value;
    p.state = "answered";
    this.asking = null;
    this.box.hidden = true;
    clear(this.box);
    this.render();
    if (window.osplay && window.osplay.run) window.osplay.run();
  }

  // render shows each prediction's state, and keeps the answer fields.
  render() {
    for (const [check, ol] of this.lists) {
      clear(ol);
      const mine = this.preds.filter((p) => p.check === check).sort((a, b) => a.index - b.index);
      for (const p of mine) {
        const glyph = p.state === "answered" ? "✎" : p.state === "missed" ? "⚠" : this.asking === p ? "?" : "○";
        const said = p.state === "answered" ? t("xp.said", {a: p.answer}) : p.state === "missed" ? t("xp.missed") : this.asking === p ? t("xp.now") : t("xp.later");
        ol.appendChild(html("li", {"data-prediction": p.index, "data-state": this.asking === p ? "asking" : p.state},
          html("span", {class: "glyph", "aria-hidden": "true", text: glyph + " "}),
          html("span", {class: "x-predict-tick", text: t("xp.at", {tick: p.tick})}), " ", p.ask, " — ", said));
      }
      this.inputs.get(check).value = mine.some((p) => p.answer) ? mine.map((p) => p.answer).join("\n") : "";
    }
  }
}
