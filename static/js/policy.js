// A scheduling policy as a student reads it: the spec a URL or the
// command line carries ("rr:q=4") in words ("Round robin (RR), quantum 4").
// The grammar is kernel/sched/spec.go's; an option with no words here is
// shown as written.
import {t, has} from "./i18n.js";

// The options' names as spec.go accepts them, to their canonical key.
const KEYS = {q: "q", quantum: "q", levels: "levels", n: "levels", queues: "levels", quanta: "quanta", Q: "quanta",
  allot: "allot", a: "allot", allots: "allots", A: "allots", boost: "boost", B: "boost", stay: "stay", S: "stay",
  iobump: "iobump", I: "iobump", alpha: "alpha", tau: "tau", tau0: "tau", estimate: "estimate",
  preemptive: "preemptive", preempt: "preemptive", aging: "aging", transfer: "transfer", latency: "latency",
  mingran: "mingran", ask: "ask", percpu: "percpu", pin: "pin", seed: "seed", wakefirst: "wakefirst"};

export function policyText(spec) {
  const [name, rest] = String(spec || "").split(/:(.*)/s);
  const policy = has("sched." + name) ? t("sched." + name) : name.toUpperCase();
  const words = [policy];
  for (const item of (rest || "").split(",")) {
    if (!item.trim()) continue;
    const [k, v] = item.split(/=(.*)/s).map((s) => (s || "").trim());
    const key = KEYS[k] || KEYS[k.toLowerCase()];
    const words1 = key && has("policy." + key) ? t("policy." + key, {v: (v || "").replaceAll("/", " / ")}) : item.trim();
    words.push(words1);
  }
  return words.join(", ");
}
