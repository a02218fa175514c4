// An embedded page (/embed/…): it tells the embedding page what happens,
// with postMessage:
//   {type: "osplay:ready", slug, share, url}   the page is ready
//   {type: "osplay:run", status, tick}         a run started ("running") or ended ("done")
//   {type: "osplay:checks", slug, passed, score, total, checks}   after Check
// and presses Check when the embedding page sends {type: "osplay:check"}.
// ?origin=https://course.example restricts the messages to that origin.
const eb = JSON.parse(document.getElementById("osplay-embed").textContent);
const target = new URLSearchParams(location.search).get("origin") || "*";

function post(msg) {
  if (window.parent !== window) window.parent.postMessage(msg, target);
}

// A link out of the frame, to the page on the site.
{
  const toolbar = document.querySelector(".toolbar");
  if (toolbar) {
    const a = document.createElement("a");
    a.href = eb.url;
    a.target = "_blank";
    a.rel = "noopener";
    a.className = "embed-open";
    a.textContent = "osplay ↗";
    toolbar.appendChild(a);
  }
}

const status = document.querySelector('[data-show="status"]');
const tick = document.querySelector('[data-show="tick"]');
let ready = false;
let last = "";
function watch() {
  const s = status.dataset.status;
  if (!ready && s !== "connecting" && s !== "offline") {
    ready = true;
    post({type: "osplay:ready", slug: eb.slug || "", share: eb.share || "", url: eb.url});
  }
  if (s !== last && (s === "running" || s === "done")) post({type: "osplay:run", status: s, tick: Number(tick.textContent)});
  last = s;
}
new MutationObserver(watch).observe(status, {attributes: true, attributeFilter: ["data-status"]});
watch();

document.addEventListener("osplay:checks", (ev) => {
  const r = ev.detail;
  post({type: "osplay:checks", slug: r.slug, passed: r.passed, score: r.score, total: r.total,
    checks: r.checks.map((c) => ({id: c.id, title: c.title, passed: c.passed, message: c.message}))});
});

window.addEventListener("message", (ev) => {
  if (ev.source !== window.parent || !ev.data || ev.data.type !== "osplay:check") return;
  if (window.osplayExercise) window.osplayExercise.check();
});
