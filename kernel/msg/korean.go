package msg

import (
	"strings"
	"unicode/utf8"
)

// Korean particles change with the sound they follow: 이/을/은/과/으로
// after a final consonant, 가/를/는/와/로 after a vowel — and 로, not
// 으로, after ㄹ. A template writes the consonant form after a
// placeholder, {n:이}, and the argument's sound picks the form.
//
// A number is read by its last digit: 영 (0 — and 십, 백, 천 for the
// tens), 일, 이, 삼, 사, 오, 육, 칠, 팔, 구; 0, 1, 3, 6, 7 and 8 end in a
// consonant, 1, 7 and 8 in ㄹ. An address is read the same way, its hex
// letters a–f as English letters (에이 … 에프), all ending in a vowel. A
// Hangul syllable says itself. A closing parenthesis is passed over to
// the word before the parenthesis, as Korean writing does. A word in
// Latin letters is read as Korean reads it: in capitals (RR, FCFS, A) letter
// by letter, so L and R end in ㄹ (엘, 알), M and N in a consonant (엠, 엔),
// the rest in a vowel; in lower case as a loanword, so -l ends in ㄹ (fill
// → 필), -m, -n and -ng in a consonant (main → 메인), and the rest with a
// vowel (fork → 포크, ls → 엘에스, exit → 엑시트). Only what has no sound
// at all (nothing, or a sign) gets both forms, 을(를).

// particles maps the consonant form to the vowel form and the form for
// an unknown sound.
var particles = map[string][2]string{
	"이":  {"가", "이(가)"},
	"을":  {"를", "을(를)"},
	"은":  {"는", "은(는)"},
	"과":  {"와", "과(와)"},
	"으로": {"로", "(으)로"},
}

// Particle is the form of particle p (given in its consonant form) after
// sound; "" for no particle.
func Particle(sound, p string) string {
	if p == "" {
		return ""
	}
	forms, ok := particles[p]
	if !ok {
		return p
	}
	final, rieul, known := lastSound(sound)
	switch {
	case !known:
		return forms[1]
	case p == "으로" && rieul:
		return "로"
	case final:
		return p
	}
	return forms[0]
}

// lastSound says whether s ends in a final consonant, whether that is ㄹ,
// and whether its sound is known at all.
func lastSound(s string) (final, rieul, known bool) {
	s = strings.TrimRight(s, " ")
	// A particle after a parenthesis follows the word before it:
	// "스레드 7 (pid 2)이".
	for strings.HasSuffix(s, ")") {
		i := strings.LastIndexByte(s, '(')
		if i <= 0 {
			break
		}
		s = strings.TrimRight(s[:i], " ")
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	switch {
	case r >= '0' && r <= '9':
		return strings.ContainsRune("013678", r), strings.ContainsRune("178", r), true
	case r >= 0xAC00 && r <= 0xD7A3:
		jong := (r - 0xAC00) % 28
		return jong != 0, jong == 8, true
	case r >= 'a' && r <= 'f' && isHex(s):
		return false, false, true
	case r >= 'A' && r <= 'Z':
		return strings.ContainsRune("LRMN", r), r == 'L' || r == 'R', true
	case r >= 'a' && r <= 'z':
		return strings.ContainsRune("lmn", r), r == 'l', true
	}
	return false, false, false
}

// isHex reports whether s is an address as the catalogue writes one.
func isHex(s string) bool {
	if !strings.HasPrefix(s, "0x") || len(s) == 2 {
		return false
	}
	for _, r := range s[2:] {
		if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'f') {
			return false
		}
	}
	return true
}
