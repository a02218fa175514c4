// The list of exercises marks the ones this browser solved (✓) and tried
// (◐), in words as well as signs; the words are the list's own
// (data-solved, data-tried), in the page's language.
import {progress} from "./work.js";

for (const li of document.querySelectorAll("li[data-exercise]")) {
  const p = progress(li.dataset.exercise);
  const state = p.solved ? "solved" : p.tried ? "tried" : "";
  if (!state) continue;
  li.dataset.progress = state;
  li.querySelector('[data-show="progress"]').textContent = state === "solved" ? "✓" : "◐";
  const word = document.createElement("span");
  word.className = "x-progress-word";
  word.textContent = li.closest("ul").dataset[state];
  li.querySelector("a").after(" ", word);
}
