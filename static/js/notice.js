// The notice bar: errors and messages the page must show (role=alert),
// with optional buttons.
import {html, clear} from "./svg.js";
import {t} from "./i18n.js";

export class Notice {
  constructor(el) { this.el = el; }

  show(text, kind = "error", actions = []) {
    clear(this.el);
    this.el.dataset.kind = kind;
    this.el.appendChild(html("span", {class: "text", text}));
    for (const a of actions) {
      this.el.appendChild(html("button", {type: "button", class: "small", onclick: a.run}, a.label));
    }
    this.el.appendChild(html("button", {type: "button", class: "small dismiss", "aria-label": t("err.dismiss"),
      onclick: () => this.hide()}, "×"));
    this.el.hidden = false;
  }

  hide() {
    this.el.hidden = true;
    clear(this.el);
  }
}
