// Sharing: the Share button stores an immutable snapshot of the program
// and its settings (POST /api/shares) and shows its link /s/{id}, the
// HTML that embeds it in a course page, and the older link that carries
// the source in the address (#code=, stored nowhere). The Embed button of
// an exercise shows the HTML that embeds the exercise.
import {t} from "./i18n.js";
import {html} from "./svg.js";

// ensureStyle links the style sheet of the dialogs on pages that lack it.
function ensureStyle() {
  if (document.querySelector('link[href*="css/exercise.css"]')) return;
  const main = document.querySelector('link[href*="css/osplay.css"]');
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = main ? main.getAttribute("href").replace("osplay.css", "exercise.css") : "/static/css/exercise.css";
  document.head.appendChild(link);
}

// exercise is the exercise of this page, if it is one.
function exercise() {
  const el = document.getElementById("osplay-exercise");
  return el ? JSON.parse(el.textContent) : null;
}

// dialog opens a modal dialog with a title; it is removed when closed.
function dialog(title) {
  ensureStyle();
  const d = html("dialog", {class: "share-dialog", "aria-labelledby": "share-dialog-title"});
  const body = html("div", {class: "share-body"});
  d.append(html("h2", {id: "share-dialog-title", text: title}), body,
    html("p", {class: "share-close"}, html("button", {type: "button", "data-action": "share-close", onclick: () => d.close()}, t("share.close"))));
  d.addEventListener("close", () => d.remove());
  document.body.appendChild(d);
  d.showModal();
  return body;
}

// copyField is a read-only field with a Copy button.
function copyField(label, value, {multiline = false, name = ""} = {}) {
  const field = multiline
    ? html("textarea", {readonly: "", rows: 3, spellcheck: "false", "data-show": name})
    : html("input", {type: "text", readonly: "", spellcheck: "false", "data-show": name});
  field.value = value;
  field.addEventListener("focus", () => field.select());
  const button = html("button", {type: "button", class: "small", onclick: async () => {
    try {
      await navigator.clipboard.writeText(field.value);
    } catch {
      field.select();
      document.execCommand("copy");
    }
    button.textContent = t("share.copied");
    setTimeout(() => { button.textContent = t("share.copy"); }, 2000);
  }}, t("share.copy"));
  const id = "f-" + Math.random().toString(36).slice(2);
  field.id = id;
  return html("div", {class: "copy-field"}, html("label", {for: id, text: label}), html("div", {class: "copy-row"}, field, button));
}

// embedHTML asks the server's oEmbed for the iframe of a page.
async function embedHTML(url) {
  const r = await fetch("/oembed?format=json&url=" + encodeURIComponent(url));
  if (!r.ok) return "";
  return (await r.json()).html;
}

// openShare stores the program and shows what to share.
export async function openShare(program) {
  const body = dialog(t("share.title"));
  const status = html("p", {class: "help", role: "status", text: t("share.making")});
  body.appendChild(status);
  const x = exercise();
  const req = {...program.wire()};
  if (x) req.exercise = x.slug;
  let res;
  try {
    const r = await fetch("/api/shares", {method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(req)});
    res = await r.json();
    if (!r.ok) throw new Error(res.message || r.statusText);
  } catch (err) {
    status.textContent = t("share.failed", {msg: err.message});
    status.setAttribute("role", "alert");
    body.appendChild(copyField(t("share.long"), program.shareURL(), {name: "share-long"}));
    return;
  }
  status.remove();
  body.appendChild(copyField(t("share.link"), res.url, {name: "share-url"}));
  body.appendChild(copyField(t("share.embed"), await embedHTML(res.url), {multiline: true, name: "share-embed"}));
  body.appendChild(copyField(t("share.long"), program.shareURL(), {name: "share-long"}));
  body.appendChild(html("p", {class: "help", text: t("share.note")}));
  body.appendChild(html("p", {}, html("a", {href: "/x/u/new?from=" + encodeURIComponent(res.id), "data-action": "author"}, t("share.author"))));
  body.querySelector('[data-show="share-url"]').focus();
}

// openEmbed shows the HTML that embeds a page (an exercise).
export async function openEmbed(url) {
  const body = dialog(t("embed.dialog"));
  body.appendChild(copyField(t("share.embed"), await embedHTML(url), {multiline: true, name: "embed-html"}));
  body.appendChild(html("p", {class: "help", text: t("embed.help")}));
  body.querySelector("textarea").focus();
}

