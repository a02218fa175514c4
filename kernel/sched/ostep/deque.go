package ostep

// deque is a queue of job numbers with cheap insertion at both ends: a ring
// buffer that doubles when full. mlfq's -I puts a job back from I/O at the
// front of its queue; with a slice that copied the whole queue each time.
type deque struct {
	buf  []int
	head int // index of the front in buf
	n    int
}

func (d *deque) len() int { return d.n }

// at is the i-th job from the front.
func (d *deque) at(i int) int { return d.buf[(d.head+i)%len(d.buf)] }

func (d *deque) front() int { return d.at(0) }

func (d *deque) grow() {
	if d.n < len(d.buf) {
		return
	}
	buf := make([]int, max(8, 2*len(d.buf)))
	for i := range d.n {
		buf[i] = d.at(i)
	}
	d.buf, d.head = buf, 0
}

func (d *deque) pushBack(id int) {
	d.grow()
	d.buf[(d.head+d.n)%len(d.buf)] = id
	d.n++
}

func (d *deque) pushFront(id int) {
	d.grow()
	d.head = (d.head - 1 + len(d.buf)) % len(d.buf)
	d.buf[d.head] = id
	d.n++
}

func (d *deque) popFront() int {
	id := d.front()
	d.head = (d.head + 1) % len(d.buf)
	d.n--
	return id
}

func (d *deque) clear() { d.head, d.n = 0, 0 }
