package ostep

// pyRandom is CPython's random.Random as the simulators use it: MT19937
// seeded from an integer by init_by_array, and random() built from two
// 32-bit draws. The same seed therefore yields the same workloads as the
// Python scripts.
type pyRandom struct {
	state [624]uint32
	index int
}

// newPyRandom is random.seed(n) for an int n: the key is |n| split into
// 32-bit words, least significant first ([0] for zero).
func newPyRandom(seed int64) *pyRandom {
	mag := uint64(seed)
	if seed < 0 {
		mag = -mag
	}
	key := []uint32{uint32(mag)}
	if hi := uint32(mag >> 32); hi != 0 {
		key = append(key, hi)
	}
	r := &pyRandom{}
	r.initByArray(key)
	return r
}

func (r *pyRandom) initGenrand(s uint32) {
	r.state[0] = s
	for i := 1; i < len(r.state); i++ {
		prev := r.state[i-1]
		r.state[i] = 1812433253*(prev^(prev>>30)) + uint32(i)
	}
	r.index = len(r.state)
}

func (r *pyRandom) initByArray(key []uint32) {
	const n = len(r.state)
	r.initGenrand(19650218)
	i, j := 1, 0
	k := max(n, len(key))
	for ; k > 0; k-- {
		prev := r.state[i-1]
		r.state[i] = (r.state[i] ^ ((prev ^ (prev >> 30)) * 1664525)) + key[j] + uint32(j)
		i++
		j++
		if i >= n {
			r.state[0] = r.state[n-1]
			i = 1
		}
		if j >= len(key) {
			j = 0
		}
	}
	for k = n - 1; k > 0; k-- {
		prev := r.state[i-1]
		r.state[i] = (r.state[i] ^ ((prev ^ (prev >> 30)) * 1566083941)) - uint32(i)
		i++
		if i >= n {
			r.state[0] = r.state[n-1]
			i = 1
		}
	}
	r.state[0] = 0x80000000 // the most significant bit is 1: the state is never all zero
}

func (r *pyRandom) uint32() uint32 {
	const (
		n         = 624
		m         = 397
		matrixA   = 0x9908b0df
		upperMask = 0x80000000
		lowerMask = 0x7fffffff
	)
	if r.index >= n {
		for kk := 0; kk < n; kk++ {
			y := r.state[kk]&upperMask | r.state[(kk+1)%n]&lowerMask
			next := r.state[(kk+m)%n] ^ (y >> 1)
			if y&1 != 0 {
				next ^= matrixA
			}
			r.state[kk] = next
		}
		r.index = 0
	}
	y := r.state[r.index]
	r.index++
	y ^= y >> 11
	y ^= (y << 7) & 0x9d2c5680
	y ^= (y << 15) & 0xefc60000
	y ^= y >> 18
	return y
}

// random is random.random(): a float in [0, 1) with 53 random bits.
func (r *pyRandom) random() float64 {
	a := r.uint32() >> 5
	b := r.uint32() >> 6
	return (float64(a)*67108864.0 + float64(b)) * (1.0 / 9007199254740992.0)
}
