// The state a batch brings. A batch of protocol 1.6 to a page that asked
// for deltas ({"op":"delta"}, api/delta.go) may carry only the fields of
// the state that changed since the state before ("delta": true), and name
// in "cleared" those that are now absent; mergeState makes the whole state
// of it, so that every view sees the whole state as before. The per-batch
// fields — the instructions run and the lost update since the previous
// batch — are never kept from one batch to the next.
const perBatch = ["instructions", "lostUpdate"];

export function mergeState(kept, b) {
  if (!b.delta || !kept) return b.state;
  const s = Object.assign({}, kept);
  for (const k of perBatch) delete s[k];
  for (const k of b.cleared || []) delete s[k];
  return Object.assign(s, b.state);
}
