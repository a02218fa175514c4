// How the console and the trace word things.
import {describeStatus} from "./procs.js";
import {t} from "./i18n.js";
import {kernelText} from "./kerneltext.js";
export {procClass} from "./palette.js";

// describe words an exit event: "exit code 0", "killed by SIGSEGV (core dumped)".
export function describe(e) {
  const st = describeStatus(e.status || 0);
  if (st.signal) return kernelText(e.causeText || e.cause) || `${t("result.killed")} ${st.signal}`;
  return `${t("result.exit")} ${st.code}`;
}
