// Workloads: the jobs of a scheduling exercise, described by their bursts
// instead of code. The text form is the kernel's (kernel/workload.go):
//
//   A 0 5 io:3 2 priority=1
//   device printer serial
//
// The table edits the same jobs and converts through the text, so the two
// always agree. The server judges what is valid: its errors name a line of
// the text ("workload line 3: …"), and the row of that line is marked.
import {html, clear} from "./svg.js";
import {t, language, errorText} from "./i18n.js";
import {metricsTable} from "./metrics.js";
import {questionList} from "./questions.js";
import {policyText} from "./policy.js";

const ATTRS = {priority: "priority", prio: "priority", tickets: "tickets", nice: "nice", cpus: "cpus", cpu: "cpus"};
const COLUMNS = [
  {key: "name", label: "wl.name", size: 6},
  {key: "arrival", label: "wl.arrival", size: 4, mode: "numeric"},
  {key: "bursts", label: "wl.bursts", size: 14},
  {key: "priority", label: "wl.priority", size: 3, mode: "numeric"},
  {key: "tickets", label: "wl.tickets", size: 4, mode: "numeric"},
  {key: "nice", label: "wl.nice", size: 3},
  {key: "cpus", label: "wl.cpus", size: 4},
];

// parseWorkload reads the text form into rows, leniently: what it does not
// understand stays in the bursts, for the server to judge. Each row knows
// its line in the text.
export function parseWorkload(text) {
  const jobs = [], devices = [];
  text.split("\n").forEach((raw, i) => {
    const f = raw.split("#")[0].trim().split(/\s+/).filter(Boolean);
    if (!f.length) return;
    if (f[0] === "device") {
      devices.push({line: i + 1, name: f[1] || "", serial: f[2] === "serial"});
      return;
    }
    const job = {line: i + 1, name: f[0], arrival: f[1] ?? "", bursts: [], priority: "", tickets: "", nice: "", cpus: ""};
    for (const w of f.slice(2)) {
      const m = /^([a-z]+)=(.*)$/.exec(w);
      if (m && ATTRS[m[1]]) job[ATTRS[m[1]]] = m[2];
      else job.bursts.push(w);
    }
    job.bursts = job.bursts.join(" ");
    jobs.push(job);
  });
  return {jobs, devices};
}

// formatWorkload writes rows in the text form, one job per line, then the
// devices.
export function formatWorkload({jobs, devices}) {
  const lines = [];
  for (const j of jobs) {
    const words = [j.name.trim(), String(j.arrival).trim(), j.bursts.trim()];
    for (const k of ["priority", "tickets", "nice", "cpus"]) {
      const v = String(j[k] ?? "").trim();
      if (v !== "") words.push(`${k}=${v}`);
    }
    if (words.some((w) => w !== "")) lines.push(words.filter((w) => w !== "").join(" "));
  }
  for (const d of devices) {
    if (d.name.trim()) lines.push(`device ${d.name.trim()} ${d.serial ? "serial" : "parallel"}`);
  }
  return lines.join("\n") + (lines.length ? "\n" : "");
}

// WorkloadEditor is the table of jobs and devices above the same workload
// as text.
export class WorkloadEditor {
  constructor(root, text, onChange) {
    this.root = root;
    this.onChange = onChange || (() => {});
    this.jobsBody = html("tbody");
    this.devBody = html("tbody");
    this.devTable = html("table", {class: "wl-table wl-devices"},
      html("caption", {text: t("wl.devices")}),
      html("thead", {}, html("tr", {}, html("th", {scope: "col", text: t("wl.device")}),
        html("th", {scope: "col", text: t("wl.serial")}), html("th", {scope: "col"}, html("span", {class: "visually-hidden", text: t("wl.remove")})))),
      this.devBody);
    this.textarea = html("textarea", {id: "workload-text", "data-control": "workload-text", rows: 5, spellcheck: "false",
      "aria-describedby": "workload-text-help", oninput: () => this.fromText()});
    clear(root);
    root.appendChild(html("div", {class: "wl-editor"},
      html("div", {class: "wl-scroll"}, html("table", {class: "wl-table wl-jobs", "data-show": "workload-table"},
        html("caption", {class: "visually-hidden", text: t("wl.table")}),
        html("thead", {}, html("tr", {}, COLUMNS.map((c) => html("th", {scope: "col", text: t(c.label)})),
          html("th", {scope: "col"}, html("span", {class: "visually-hidden", text: t("wl.remove")})))),
        this.jobsBody)),
      html("div", {class: "wl-buttons"},
        html("button", {type: "button", class: "small", "data-action": "add-job", onclick: () => this.addJob()}, "+ ", t("wl.addJob")),
        html("button", {type: "button", class: "small", "data-action": "add-device", onclick: () => this.addDevice()}, "+ ", t("wl.addDevice"))),
      this.devTable,
      html("label", {class: "wl-text", for: "workload-text"}, t("wl.text")),
      this.textarea,
      html("p", {class: "help", id: "workload-text-help", text: t("wl.textHelp")})));
    this.errorEl = root.parentElement.querySelector('[data-show="workload-error"]');
    this.setText(text);
  }

  get text() { return this.textarea.value; }

  setText(text) {
    this.textarea.value = text;
    this.fromText(true);
  }

  // fromText rebuilds the table from the text.
  fromText(quiet) {
    this.model = parseWorkload(this.textarea.value);
    this.drawRows();
    this.showError("");
    if (!quiet) this.onChange();
  }

  // fromTable writes the text from the table.
  fromTable() {
    this.textarea.value = formatWorkload(this.model);
    // The lines are now the rows, in order.
    let n = 1;
    for (const j of this.model.jobs) j.line = n++;
    for (const d of this.model.devices) d.line = n++;
    this.showError("");
    this.onChange();
  }

  drawRows() {
    clear(this.jobsBody);
    this.model.jobs.forEach((job, i) => {
      const tr = html("tr", {"data-line": job.line});
      for (const c of COLUMNS) {
        tr.appendChild(html("td", {}, html("input", {type: "text", value: job[c.key], size: c.size, spellcheck: "false",
          autocomplete: "off", inputmode: c.mode, "data-field": c.key, "aria-label": `${t(c.label)} (${job.name || i + 1})`,
          oninput: (ev) => { job[c.key] = ev.target.value; this.fromTable(); }})));
      }
      tr.appendChild(html("td", {}, html("button", {type: "button", class: "small", "data-action": "remove-job",
        "aria-label": `${t("wl.remove")}: ${job.name || i + 1}`, text: "✕",
        onclick: () => { this.model.jobs.splice(i, 1); this.fromTable(); this.drawRows(); }})));
      this.jobsBody.appendChild(tr);
    });
    if (!this.model.jobs.length) {
      this.jobsBody.appendChild(html("tr", {}, html("td", {colspan: COLUMNS.length + 1, class: "help", text: t("wl.empty")})));
    }
    clear(this.devBody);
    this.devTable.hidden = this.model.devices.length === 0;
    this.model.devices.forEach((dev, i) => {
      this.devBody.appendChild(html("tr", {"data-line": dev.line},
        html("td", {}, html("input", {type: "text", value: dev.name, size: 10, spellcheck: "false", "data-field": "device",
          "aria-label": `${t("wl.device")} ${i + 1}`, oninput: (ev) => { dev.name = ev.target.value; this.fromTable(); }})),
        html("td", {}, html("input", {type: "checkbox", checked: dev.serial, "aria-label": `${t("wl.serial")} (${dev.name || i + 1})`,
          onchange: (ev) => { dev.serial = ev.target.checked; this.fromTable(); }})),
        html("td", {}, html("button", {type: "button", class: "small", "aria-label": `${t("wl.remove")}: ${dev.name || i + 1}`, text: "✕",
          onclick: () => { this.model.devices.splice(i, 1); this.fromTable(); this.drawRows(); }}))));
    });
  }

  addJob() {
    const jobs = this.model.jobs;
    const used = new Set(jobs.map((j) => j.name));
    let name = "";
    for (let i = 0; i < 26 * 4 && !name; i++) {
      const n = String.fromCharCode(65 + (i % 26)) + (i >= 26 ? Math.floor(i / 26) : "");
      if (!used.has(n)) name = n;
    }
    const last = jobs[jobs.length - 1];
    jobs.push({name, arrival: last ? last.arrival : "0", bursts: "5", priority: "", tickets: "", nice: "", cpus: ""});
    this.fromTable();
    this.drawRows();
    const inputs = this.jobsBody.querySelectorAll('tr:last-child input[data-field="bursts"]');
    if (inputs.length) inputs[0].focus();
  }

  addDevice() {
    this.model.devices.push({name: "printer", serial: true});
    this.fromTable();
    this.drawRows();
    const inputs = this.devBody.querySelectorAll('tr:last-child input[data-field="device"]');
    if (inputs.length) inputs[0].focus();
  }

  // showError shows the server's message and marks the row of its line.
  showError(msg) {
    for (const tr of this.root.querySelectorAll("tr.invalid")) tr.classList.remove("invalid");
    if (!this.errorEl) return;
    this.errorEl.hidden = !msg;
    this.errorEl.textContent = msg;
    const m = /workload line (\d+)/.exec(msg);
    if (m) {
      const tr = this.root.querySelector(`tr[data-line="${m[1]}"]`);
      if (tr) tr.classList.add("invalid");
    }
  }
}

// cleanSettings leaves out the settings left empty.
export function cleanSettings(settings) {
  const out = {};
  for (const [k, v] of Object.entries(settings || {})) {
    if (v !== "" && v !== null && v !== undefined && v !== false && !(typeof v === "number" && isNaN(v))) out[k] = v;
  }
  return out;
}

// WorkloadMode makes the playground run a workload (or an OSTEP problem)
// instead of C files: the program sends the workload, the share link
// carries it, and once a run has finished its metrics and questions
// appear under the views. It is one of the dispatcher's views.
export class WorkloadMode {
  constructor(root, program, boot, onChange) {
    this.root = root;
    this.program = program;
    this.ostep = boot.ostep || null;
    this.draftKey = "osplay:workload:" + location.pathname + location.search;
    let text = boot.workload || "";
    try { text = sessionStorage.getItem(this.draftKey) ?? text; } catch { /* no storage */ }
    const host = root.querySelector('[data-show="workload-editor"]');
    this.errorEl = root.querySelector('[data-show="workload-error"]');
    if (!this.ostep) {
      this.editor = new WorkloadEditor(host, text, () => {
        try { sessionStorage.setItem(this.draftKey, this.editor.text); } catch { /* full */ }
        onChange();
      });
    }
    program.wire = () => this.wire();
    program.shareURL = () => this.shareURL();
    this.body = root.querySelector('[data-show="metrics-body"]');
    this.wait = root.querySelector('[data-show="metrics-wait"]');
    this.reset();
  }

  wire() {
    const settings = cleanSettings(this.program.settings);
    return this.ostep ? {ostep: this.ostep, settings} : {workload: this.editor.text, settings};
  }

  shareURL() {
    const q = new URLSearchParams();
    if (this.ostep) {
      q.set("ostep", this.ostep.command);
      q.set("args", this.ostep.args);
    } else {
      q.set("workload", this.editor.text);
    }
    const s = this.program.settings;
    if (s.sched) q.set("sched", s.sched);
    for (const k of ["quantum", "cpus", "seed", "ctxswitch", "multiprogramming", "resident"]) if (s[k]) q.set(k, String(s[k]));
    return `${location.origin}/play?${q.toString()}`;
  }

  // error shows why the server did not start the workload.
  error(msg) {
    if (this.editor) this.editor.showError(msg);
    else if (this.errorEl) { this.errorEl.hidden = !msg; this.errorEl.textContent = msg; }
  }

  reset() {
    this.shownFor = null;
    this.snap = null;
    if (this.body) clear(this.body);
    if (this.wait) { this.wait.hidden = false; this.wait.textContent = t("m.after"); }
    this.error("");
  }

  event() {}
  state(snap) { this.snap = snap; }

  render() {
    const loaded = this.program.loaded;
    if (!this.snap || this.snap.status !== "done" || !loaded || this.shownFor === loaded) return;
    this.shownFor = loaded;
    this.show(JSON.parse(loaded));
  }

  // show runs the loaded workload headless (the same deterministic run)
  // for its metrics and questions.
  async show(req) {
    const sched = (req.settings && req.settings.sched) || "";
    if (sched.startsWith("manual")) {
      this.wait.textContent = t("m.manual");
      return;
    }
    const key = this.shownFor;
    try {
      const resp = await fetch("/api/run", {method: "POST", headers: {"Content-Type": "application/json"},
        body: JSON.stringify({...req, lang: language()})});
      const data = await resp.json();
      if (this.shownFor !== key) return; // another run was loaded meanwhile
      if (!data.ok) {
        this.wait.textContent = data.error ? errorText(data.error) : String(resp.status);
        return;
      }
      const run = data.runs[0];
      this.wait.hidden = true;
      clear(this.body);
      this.body.appendChild(metricsTable(run.metrics, policyText(run.sched)));
      if (run.error) this.body.appendChild(html("p", {class: "help", text: run.error}));
      this.body.appendChild(questionList(run, req));
    } catch (err) {
      this.wait.textContent = String(err);
    }
  }
}
