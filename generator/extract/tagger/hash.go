package tagger

// hasher folds feature parts into one bucket number without building the
// feature's string, since tagging makes dozens of features per token.
// It is 32-bit FNV-1a; the model file records nothing of it, so changing it
// means retraining.
type hasher uint32

const (
	fnvOffset hasher = 2166136261
	fnvPrime  hasher = 16777619
)

func newHash(template byte) hasher { return (fnvOffset ^ hasher(template)) * fnvPrime }

func (h hasher) str(s string) hasher {
	for i := 0; i < len(s); i++ {
		h = (h ^ hasher(s[i])) * fnvPrime
	}
	// A separator keeps ("ab","c") and ("a","bc") apart.
	return (h ^ 0xff) * fnvPrime
}

func (h hasher) num(n uint32) hasher {
	for i := 0; i < 4; i++ {
		h = (h ^ hasher(n&0xff)) * fnvPrime
		n >>= 8
	}
	return h
}
