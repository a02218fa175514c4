// The lecture's scheduling metrics as tables: per process (arrival, first
// run, completion, turnaround, response, waiting, CPU time, context
// switches) with the averages (and those of the children, when an
// exercise's table has them) and the run's utilisation, throughput and
// context switches at the foot; and the averages of several policies side
// by side, the best of each column marked with a star and in bold (never
// by colour alone).
import {html} from "./svg.js";
import {t} from "./i18n.js";
import {procClass} from "./palette.js";
import {policyText} from "./policy.js";

const tick = (v) => (v < 0 ? "–" : String(v));
export const avg = (v) => Number(v).toFixed(2);
const percent = (v) => `${(100 * v).toFixed(1)}%`;
const per100 = (v) => (100 * v).toFixed(2);

const COLS = ["pid", "name", "arrival", "first", "completion", "turnaround", "response", "waiting", "cpu", "switches"];

// metricsTable is one run's table; caption names the policy.
export function metricsTable(m, caption) {
  const head = html("tr", {}, COLS.map((c) => html("th", {scope: "col", "data-col": c, text: t("m." + c)})));
  const body = html("tbody");
  for (const p of m.procs) {
    body.appendChild(html("tr", {"data-pid": p.pid, "data-name": p.name},
      html("td", {}, html("span", {class: `swatch ${procClass(p.pid)}`, "aria-hidden": "true"}), String(p.pid)),
      html("th", {scope: "row", text: p.name}),
      html("td", {text: String(p.arrival)}),
      html("td", {text: tick(p.firstRun)}),
      html("td", {text: tick(p.completion)}),
      html("td", {"data-col": "turnaround", text: tick(p.turnaround)}),
      html("td", {"data-col": "response", text: tick(p.response)}),
      html("td", {"data-col": "waiting", text: String(p.waiting)}),
      html("td", {text: String(p.cpu)}),
      html("td", {text: String(p.switches)})));
  }
  const foot = html("tfoot", {},
    html("tr", {class: "averages"},
      html("th", {scope: "row", colspan: 5, text: `${t("m.average")} (${m.completed})`}),
      html("td", {"data-avg": "turnaround", text: avg(m.avgTurnaround)}),
      html("td", {"data-avg": "response", text: avg(m.avgResponse)}),
      html("td", {"data-avg": "waiting", text: avg(m.avgWaiting)}),
      html("td", {colspan: 2})),
    m.children ? html("tr", {class: "averages children", "data-of": "children"},
      html("th", {scope: "row", colspan: 5, text: `${t("m.averageChildren")} (${m.children.count})`}),
      html("td", {"data-avg": "turnaround", text: avg(m.children.avgTurnaround)}),
      html("td", {"data-avg": "response", text: avg(m.children.avgResponse)}),
      html("td", {"data-avg": "waiting", text: avg(m.children.avgWaiting)}),
      html("td", {colspan: 2})) : null,
    html("tr", {class: "run-figures"},
      html("td", {colspan: COLS.length},
        html("span", {"data-figure": "utilisation"}, `${t("m.util")}: `, html("strong", {text: percent(m.utilisation)})), " · ",
        html("span", {"data-figure": "throughput"}, `${t("m.throughput")}: `, html("strong", {text: per100(m.throughput)}), ` ${t("m.per100")}`), " · ",
        html("span", {"data-figure": "switches"}, `${t("m.ctx")}: `, html("strong", {text: String(m.contextSwitches)})), " · ",
        html("span", {"data-figure": "ticks"}, `${m.ticks} ${t("m.ticks")}`))));
  return html("div", {class: "metrics-wrap"}, html("table", {class: "metrics", "data-view": "metrics"},
    caption ? html("caption", {text: `${t("m.title")}: ${caption}`}) : null,
    html("thead", {}, head), body, foot));
}

// averagesTable puts the runs' averages side by side.
export function averagesTable(runs) {
  const cols = [
    {key: "turnaround", label: t("m.turnaround"), get: (m) => m.avgTurnaround, show: avg, low: true},
    {key: "response", label: t("m.response"), get: (m) => m.avgResponse, show: avg, low: true},
    {key: "waiting", label: t("m.waiting"), get: (m) => m.avgWaiting, show: avg, low: true},
    {key: "utilisation", label: t("m.util"), get: (m) => m.utilisation, show: percent, low: false},
    {key: "throughput", label: `${t("m.throughput")} (${t("m.per100")})`, get: (m) => m.throughput, show: per100, low: false},
    {key: "switches", label: t("m.ctx"), get: (m) => m.contextSwitches, show: String, low: true},
  ];
  const best = cols.map((c) => {
    const vals = runs.map((r) => c.get(r.metrics));
    return c.low ? Math.min(...vals) : Math.max(...vals);
  });
  const body = html("tbody");
  for (const r of runs) {
    body.appendChild(html("tr", {"data-sched": r.sched},
      html("th", {scope: "row", title: r.sched, text: policyText(r.sched)}),
      cols.map((c, i) => {
        const v = c.get(r.metrics);
        const tie = runs.every((r) => Math.abs(c.get(r.metrics) - best[i]) < 1e-9);
        const top = runs.length > 1 && !tie && Math.abs(v - best[i]) < 1e-9;
        return html("td", {"data-avg": c.key, class: top ? "best" : null},
          c.show(v), top ? html("span", {class: "star", title: t("cmp.best"), "aria-label": t("cmp.best")}, " ★") : null);
      })));
  }
  return html("table", {class: "metrics averages-table", "data-view": "averages"},
    html("thead", {}, html("tr", {}, html("th", {scope: "col", text: t("cmp.policyCol")}),
      cols.map((c) => html("th", {scope: "col", text: c.label})))),
    body);
}
