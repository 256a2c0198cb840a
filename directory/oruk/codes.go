package oruk

import (
	"regexp"
	"strings"
)

// languages are the languages most asked for in England, by ISO 639 code
// (639-3 where 639-1 has none, as for British Sign Language).
var languages = []struct{ code, name string }{
	{"en", "English"}, {"cy", "Welsh"}, {"pl", "Polish"}, {"ro", "Romanian"}, {"pa", "Punjabi"},
	{"ur", "Urdu"}, {"bn", "Bengali"}, {"syl", "Sylheti"}, {"gu", "Gujarati"}, {"ar", "Arabic"},
	{"fr", "French"}, {"es", "Spanish"}, {"pt", "Portuguese"}, {"it", "Italian"}, {"de", "German"},
	{"lt", "Lithuanian"}, {"lv", "Latvian"}, {"ru", "Russian"}, {"uk", "Ukrainian"}, {"tr", "Turkish"},
	{"so", "Somali"}, {"ta", "Tamil"}, {"hi", "Hindi"}, {"zh", "Chinese"}, {"yue", "Cantonese"},
	{"fa", "Persian"}, {"ku", "Kurdish"}, {"ps", "Pashto"}, {"ti", "Tigrinya"}, {"am", "Amharic"},
	{"bg", "Bulgarian"}, {"hu", "Hungarian"}, {"sk", "Slovak"}, {"cs", "Czech"}, {"el", "Greek"},
	{"ga", "Irish"}, {"gd", "Scottish Gaelic"}, {"ne", "Nepali"}, {"sq", "Albanian"}, {"ml", "Malayalam"},
	{"te", "Telugu"}, {"sw", "Swahili"}, {"yo", "Yoruba"}, {"ig", "Igbo"}, {"tl", "Tagalog"},
	{"vi", "Vietnamese"}, {"th", "Thai"}, {"ja", "Japanese"}, {"ko", "Korean"}, {"he", "Hebrew"},
	{"nl", "Dutch"}, {"bfi", "British Sign Language"},
}

// languageAliases are other names people write for the same languages.
var languageAliases = map[string]string{
	"farsi": "fa", "mandarin": "zh", "bsl": "bfi", "sign language": "bfi", "gaelic": "gd",
	"panjabi": "pa", "bangla": "bn", "castilian": "es",
}

// LanguageName is the English name of a language code, or the code itself
// when Kith does not know it.
func LanguageName(code string) string {
	for _, l := range languages {
		if l.code == code {
			return l.name
		}
	}
	return code
}

// languageCode reads a language code or name; ok is false for one Kith does
// not know.
func languageCode(s string) (string, bool) {
	key := strings.ToLower(strings.TrimSpace(s))
	for _, l := range languages {
		if key == l.code || key == strings.ToLower(l.name) {
			return l.code, true
		}
	}
	code, ok := languageAliases[key]
	return code, ok
}

// accessibility is how each of Kith's venue features is written in a feed,
// and the words that mean it in the free text feeds write.
var accessibility = []struct {
	feature, label string
	words          []string
}{
	{"wheelchair", "Wheelchair accessible", []string{"wheelchair"}},
	{"step_free", "Step-free access", []string{"step-free", "step free", "level access", "ramp"}},
	{"accessible_toilet", "Accessible toilet", []string{"accessible toilet", "disabled toilet", "accessible wc", "disabled wc"}},
	{"hearing_loop", "Hearing loop", []string{"hearing loop", "induction loop"}},
	{"parking", "Parking", []string{"parking", "car park"}},
	{"quiet_space", "Quiet space", []string{"quiet"}},
	{"baby_change", "Baby changing", []string{"baby chang"}},
	{"large_print", "Large print", []string{"large print"}},
	{"bsl", "British Sign Language", []string{"british sign language", "bsl", "sign language"}},
}

// AccessibilityLabel is how the feed describes a venue feature.
func AccessibilityLabel(feature string) string {
	for _, a := range accessibility {
		if a.feature == feature {
			return a.label
		}
	}
	return feature
}

// accessibilityFeatures finds the venue features a feed's free text names.
func accessibilityFeatures(text string) []string {
	lower := strings.ToLower(text)
	var out []string
	for _, a := range accessibility {
		for _, w := range a.words {
			if strings.Contains(lower, w) {
				out = append(out, a.feature)
				break
			}
		}
	}
	return out
}

// identifierSchemes maps Kith's registers to org-id.guide list codes and
// the type a feed names them by. ICO numbers have no org-id.guide list.
var identifierSchemes = []struct{ scheme, orgID, label string }{
	{"charity_ew", "GB-CHC", "Charity number"},
	{"company", "GB-COH", "Company number"},
	{"cic", "GB-COH", "Community interest company number"},
	{"ico", "", "ICO registration number"},
	{"other", "", "Other identifier"},
}

// Identifier is how the feed writes an organisation identifier of a Kith
// register: the org-id.guide scheme ("" when there is none) and a label.
func Identifier(scheme string) (orgID, label string) {
	for _, s := range identifierSchemes {
		if s.scheme == scheme {
			return s.orgID, s.label
		}
	}
	return "", scheme
}

// identifierScheme reads a feed's identifier back into a Kith register, by
// its label first because two registers share GB-COH.
func identifierScheme(orgID, label string) (string, bool) {
	for _, s := range identifierSchemes {
		if strings.EqualFold(label, s.label) {
			return s.scheme, true
		}
	}
	for _, s := range identifierSchemes {
		if s.orgID != "" && strings.EqualFold(orgID, s.orgID) {
			return s.scheme, true
		}
	}
	return "", false
}

// areaBase is the ONS linked-data address of a statistical geography, the
// usual URI for a local authority or other GSS-coded area.
const areaBase = "https://statistics.data.gov.uk/id/statistical-geography/"

var gssCode = regexp.MustCompile(`[EWSN]\d{8}$`)

// AreaURI is the URI of a GSS-coded area such as E08000024.
func AreaURI(code string) string { return areaBase + code }

// areaCode finds a GSS code at the end of a URI or text, "" if none.
func areaCode(s string) string { return gssCode.FindString(strings.TrimRight(s, "/ ")) }
