// Exercise questions on a finished run: each with an answer box, checked
// by the server (POST /api/check re-runs the same workload and compares);
// the page never has the answers.
import {html} from "./svg.js";
import {t, language, errorText} from "./i18n.js";
import {policyText} from "./policy.js";

// questionList lists run's questions; base is the workload (or OSTEP
// problem) and settings the run was made with.
export function questionList(run, base) {
  const list = html("ol", {class: "question-list", "data-sched": run.sched});
  run.questions.forEach((q, i) => {
    const id = `q-${run.sched.replace(/[^a-z0-9]/gi, "_")}-${i}`;
    const input = html("input", {id, type: "text", inputmode: "decimal", autocomplete: "off", size: 8, "data-control": "answer"});
    const verdict = html("p", {class: "verdict", role: "status", "aria-live": "polite"});
    const button = html("button", {type: "submit", text: t("q.check")});
    const form = html("form", {class: "answer"},
      html("label", {for: id, class: "visually-hidden", text: t("q.answer")}), input, button);
    form.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      button.disabled = true;
      try {
        const body = {...base, settings: {...(base.settings || {}), sched: run.sched}, kind: q.kind, answer: input.value, lang: language()};
        if (q.job) body.job = q.job;
        const resp = await fetch("/api/check", {method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(body)});
        const data = await resp.json();
        verdict.replaceChildren();
        if (data.error) {
          verdict.dataset.ok = "error";
          verdict.textContent = errorText(data.error);
        } else {
          verdict.dataset.ok = String(data.ok);
          verdict.append(html("strong", {text: data.ok ? `✓ ${t("q.right")}` : `✗ ${t("q.wrong")}`}), " ", data.explanation);
        }
      } catch (err) {
        verdict.dataset.ok = "error";
        verdict.textContent = String(err);
      } finally {
        button.disabled = false;
      }
    });
    list.appendChild(html("li", {class: "question", "data-kind": q.kind, "data-job": q.job || null},
      html("p", {class: "q-text", text: q.text}), form, verdict));
  });
  return html("div", {class: "questions-of", "data-show": "questions-list"},
    html("h3", {title: run.sched}, `${t("q.title")} `, policyText(run.sched)), list);
}
