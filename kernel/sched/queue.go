package sched

// queue is a FIFO ready queue.
type queue struct {
	tasks []*Task
}

func (q *queue) pushBack(t *Task)  { q.tasks = append(q.tasks, t) }
func (q *queue) pushFront(t *Task) { q.tasks = append([]*Task{t}, q.tasks...) }
func (q *queue) len() int          { return len(q.tasks) }

func (q *queue) popFront() *Task {
	if len(q.tasks) == 0 {
		return nil
	}
	t := q.tasks[0]
	q.tasks[0] = nil
	q.tasks = q.tasks[1:]
	return t
}

func (q *queue) remove(t *Task) bool {
	for i, u := range q.tasks {
		if u == t {
			q.tasks = append(q.tasks[:i:i], q.tasks[i+1:]...)
			return true
		}
	}
	return false
}

// list returns a copy in queue order.
func (q *queue) list() []*Task { return append([]*Task(nil), q.tasks...) }
