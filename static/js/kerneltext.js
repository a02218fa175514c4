// The kernel's texts in the page's language. The kernel says why a thread
// changed state, why a policy dispatched or preempted it, what fault
// killed a process, which limit stopped the run, as a code with typed
// arguments ({code: "rr.quantum_expired", args: {q: 3}}); the page carries
// the kernel's catalogue in its language (boot.texts, from kernel/msg, the
// same templates the command line's --trace renders) and renders every
// text from it here.

let table = {};

// setTexts installs the catalogue the page carries.
export function setTexts(texts) {
  table = texts || {};
}

// Korean particles after an argument: the consonant form is written in
// the template ({n:이}); after a vowel the other one, after ㄹ 로 for 으로,
// and both forms only when there is no sound to go by. As kernel/msg.
const PARTICLES = {"이": ["가", "이(가)"], "을": ["를", "을(를)"], "은": ["는", "은(는)"],
  "과": ["와", "과(와)"], "으로": ["로", "(으)로"]};

// lastSound: [ends in a final consonant, that consonant is ㄹ, known].
function lastSound(s) {
  s = s.trimEnd();
  // A particle after a parenthesis follows the word before it.
  while (s.endsWith(")")) {
    const i = s.lastIndexOf("(");
    if (i <= 0) break;
    s = s.slice(0, i).trimEnd();
  }
  const r = s.slice(-1);
  if (r >= "0" && r <= "9") return ["013678".includes(r), "178".includes(r), true];
  const c = r.codePointAt(0) || 0;
  if (c >= 0xac00 && c <= 0xd7a3) {
    const jong = (c - 0xac00) % 28;
    return [jong !== 0, jong === 8, true];
  }
  if (r >= "a" && r <= "f" && /^0x[0-9a-f]+$/.test(s)) return [false, false, true];
  // Latin letters as Korean reads them: capitals letter by letter (엘, 알,
  // 엠, 엔), lower case as a loanword (-l, -m, -n). As kernel/msg.
  if (r >= "A" && r <= "Z") return ["LRMN".includes(r), r === "L" || r === "R", true];
  if (r >= "a" && r <= "z") return ["lmn".includes(r), r === "l", true];
  return [false, false, false];
}

// particle is the form of particle p (its consonant form) after sound.
export function particle(sound, p) {
  if (!p) return "";
  const forms = PARTICLES[p];
  if (!forms) return p;
  const [final, rieul, known] = lastSound(sound);
  if (!known) return forms[1];
  if (p === "으로" && rieul) return "로";
  return final ? p : forms[0];
}

// arg renders one argument of the type the catalogue declares: [text, the
// word whose sound picks a particle].
function arg(type, v) {
  switch (type) {
    case "task": {
      const pid = String(v && v.pid);
      if (!v || !v.tid || v.tid === v.pid) return [pid, pid];
      return [render({code: "task.thread", args: {pid: v.pid, tid: v.tid}}), pid];
    }
    case "text": {
      const s = v ? render(v) : "";
      return [s, s];
    }
    default: {
      const s = String(v);
      return [s, s];
    }
  }
}

function render(t) {
  const tmpl = table[t.code];
  const args = t.args || {};
  if (!tmpl) {
    // A code this page does not know (a newer server): the code and its
    // arguments, nothing lost.
    return [t.code, ...Object.entries(args).map(([k, v]) => `${k}=${typeof v === "object" ? JSON.stringify(v) : v}`)].join(" ");
  }
  const params = tmpl.params || {};
  return tmpl.text.replace(/\{([a-z]+)(?::([^}]*))?\}/g, (whole, key, p) => {
    if (!(key in args)) return whole;
    const [text, sound] = arg(params[key], args[key]);
    return text + particle(sound, p);
  });
}

// kernelText renders a text of the kernel: text is {code, args} as events
// carry it (causeText, msgText); a plain string (what a server of an
// older protocol sent) is shown as it is.
export function kernelText(text) {
  if (!text) return "";
  if (typeof text === "string") return text;
  return render(text);
}
