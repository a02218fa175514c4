package sched

import "container/heap"

// queue is a FIFO ready queue.
type queue struct {
	tasks      []*Task
	restricted int // tasks with an affinity mask: without any, every task may run anywhere
}

func (q *queue) pushBack(t *Task) {
	q.tasks = append(q.tasks, t)
	q.count(t, 1)
}

func (q *queue) pushFront(t *Task) {
	q.tasks = append([]*Task{t}, q.tasks...)
	q.count(t, 1)
}

func (q *queue) count(t *Task, d int) {
	if t.Affinity != 0 {
		q.restricted += d
	}
}

func (q *queue) popFront() *Task {
	if len(q.tasks) == 0 {
		return nil
	}
	t := q.tasks[0]
	if n := len(q.tasks); n <= shortQueue {
		// Move the rest up, keeping the array from its start, so that
		// the next push finds room: a short queue (two processes taking
		// turns keep one waiting) would otherwise make a new array at
		// every switch.
		copy(q.tasks, q.tasks[1:])
		q.tasks[n-1] = nil
		q.tasks = q.tasks[:n-1]
	} else {
		q.tasks[0] = nil
		q.tasks = q.tasks[1:]
	}
	q.count(t, -1)
	return t
}

// shortQueue is the longest queue popFront moves up rather than slices.
const shortQueue = 16

// popFor removes and returns the first task allowed on cpu, or nil.
func (q *queue) popFor(cpu int) *Task {
	if len(q.tasks) > 0 && q.tasks[0].Allowed(cpu) {
		return q.popFront()
	}
	for i, t := range q.tasks {
		if t.Allowed(cpu) {
			q.tasks = append(q.tasks[:i:i], q.tasks[i+1:]...)
			q.count(t, -1)
			return t
		}
	}
	return nil
}

// anyFor reports whether a task in the queue may run on cpu.
func (q *queue) anyFor(cpu int) bool {
	if q.restricted == 0 {
		return len(q.tasks) > 0
	}
	for _, t := range q.tasks {
		if t.Allowed(cpu) {
			return true
		}
	}
	return false
}

// lenFor counts the tasks that may run on cpu.
func (q *queue) lenFor(cpu int) int {
	if q.restricted == 0 {
		return len(q.tasks)
	}
	n := 0
	for _, t := range q.tasks {
		if t.Allowed(cpu) {
			n++
		}
	}
	return n
}

func (q *queue) remove(t *Task) bool {
	for i, u := range q.tasks {
		if u == t {
			q.tasks = append(q.tasks[:i:i], q.tasks[i+1:]...)
			q.count(t, -1)
			return true
		}
	}
	return false
}

// listFor returns the tasks allowed on cpu, in queue order.
func (q *queue) listFor(cpu int) []*Task {
	var out []*Task
	for _, t := range q.tasks {
		if t.Allowed(cpu) {
			out = append(out, t)
		}
	}
	return out
}

// ordered is a ready queue kept as a binary heap by key, then by the
// tie-break rule (ready first, lower pid): SJF, STCF, priority, stride, CFS.
// A task's key must not change while it is in the queue.
type ordered struct {
	tasks      []*Task
	restricted int // tasks with an affinity mask
}

func lessKey(a, b *Task) bool {
	if a.key != b.key {
		return a.key < b.key
	}
	return before(a, b)
}

// heap.Interface, on the tasks; pos tracks each task's index.
func (o *ordered) Len() int           { return len(o.tasks) }
func (o *ordered) Less(i, j int) bool { return lessKey(o.tasks[i], o.tasks[j]) }
func (o *ordered) Swap(i, j int) {
	o.tasks[i], o.tasks[j] = o.tasks[j], o.tasks[i]
	o.tasks[i].pos, o.tasks[j].pos = i+1, j+1
}
func (o *ordered) Push(x any) {
	t := x.(*Task)
	t.pos = len(o.tasks) + 1
	o.tasks = append(o.tasks, t)
	if t.Affinity != 0 {
		o.restricted++
	}
}
func (o *ordered) Pop() any {
	n := len(o.tasks) - 1
	t := o.tasks[n]
	o.tasks[n] = nil
	o.tasks = o.tasks[:n]
	t.pos = 0
	if t.Affinity != 0 {
		o.restricted--
	}
	return t
}

// push adds t with the given key.
func (o *ordered) push(t *Task, key float64) {
	t.key = key
	heap.Push(o, t)
}

// remove takes t out if it is in the queue.
func (o *ordered) remove(t *Task) {
	if i := t.pos - 1; i >= 0 && i < len(o.tasks) && o.tasks[i] == t {
		heap.Remove(o, i)
	}
}

// popFor removes and returns the first task in order that may run on cpu.
func (o *ordered) popFor(cpu int) *Task {
	var skipped []*Task
	var t *Task
	for len(o.tasks) > 0 {
		u := heap.Pop(o).(*Task)
		if u.Allowed(cpu) {
			t = u
			break
		}
		skipped = append(skipped, u)
	}
	for _, u := range skipped {
		heap.Push(o, u)
	}
	return t
}

// list returns the tasks in the order they would be picked.
func (o *ordered) list() []*Task { return sortedCopy(o.tasks, lessKey) }

// listFor returns the tasks allowed on cpu in the order they would be picked.
func (o *ordered) listFor(cpu int) []*Task {
	var out []*Task
	for _, t := range o.list() {
		if t.Allowed(cpu) {
			out = append(out, t)
		}
	}
	return out
}

// lenFor counts the tasks that may run on cpu.
func (o *ordered) lenFor(cpu int) int {
	if o.restricted == 0 {
		return len(o.tasks)
	}
	n := 0
	for _, t := range o.tasks {
		if t.Allowed(cpu) {
			n++
		}
	}
	return n
}
