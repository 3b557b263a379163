package ingest

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// ldFacts is what a page's JSON-LD says about its article.
type ldFacts struct {
	headline  string
	published string
	publisher string
	url       string
	section   string
	crumbs    []string
	authors   []string
}

// articleTypes are the schema.org types of a news article's node.
var articleTypes = set(
	"Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle",
	"OpinionNewsArticle", "BackgroundNewsArticle", "ReviewNewsArticle",
	"AskPublicNewsArticle", "BlogPosting", "LiveBlogPosting", "Report",
	"SatiricalArticle", "TechArticle",
)

// readJSONLD reads the JSON-LD scripts of a page. A script may hold one
// node, an array of them or an @graph, and nodes refer to each other by
// @id (the publisher is often a separate Organization node). It returns a
// warning for each script that is not JSON.
func readJSONLD(scripts []string) (ldFacts, []string) {
	var nodes []map[string]any
	var warnings, broken []string
	for i, script := range scripts {
		v, err := decodeJSONLD(script)
		if err != nil {
			warnings = append(warnings, fmt.Sprintf("ignored JSON-LD script %d of the page: %v", i+1, err))
			broken = append(broken, script)
			continue
		}
		collectNodes(v, &nodes)
	}
	byID := map[string]map[string]any{}
	for _, n := range nodes {
		if id, ok := n["@id"].(string); ok && len(n) > len(byID[id]) {
			byID[id] = n
		}
	}
	var facts ldFacts
	for _, n := range nodes {
		if hasType(n, articleTypes) {
			facts.headline = cmp.Or(text(n["headline"]), text(n["name"]))
			facts.published = cmp.Or(text(n["datePublished"]), text(n["dateCreated"]))
			facts.publisher = nameOf(n["publisher"], byID)
			facts.url = cmp.Or(urlOf(n["mainEntityOfPage"]), text(n["url"]))
			facts.section = text(n["articleSection"])
			facts.authors = namesOf(n["author"], byID)
			break
		}
	}
	if facts.published == "" {
		facts.published = anyPublished(nodes, broken)
	}
	for _, n := range nodes {
		if hasType(n, set("BreadcrumbList")) {
			facts.crumbs = crumbNames(n, byID)
			break
		}
	}
	return facts, warnings
}

// decodeJSONLD parses one script. Pages wrap JSON-LD in CDATA or comment
// markers and leave raw line breaks inside strings, which JSON forbids;
// both are forgiven.
func decodeJSONLD(script string) (any, error) {
	s := strings.TrimSpace(script)
	for _, wrap := range [][2]string{{"<![CDATA[", "]]>"}, {"<!--", "-->"}, {"//<![CDATA[", "//]]>"}} {
		if strings.HasPrefix(s, wrap[0]) && strings.HasSuffix(s, wrap[1]) {
			s = strings.TrimSpace(s[len(wrap[0]) : len(s)-len(wrap[1])])
		}
	}
	var v any
	err := json.Unmarshal([]byte(s), &v)
	if err == nil {
		return v, nil
	}
	lenient := strings.Map(func(r rune) rune {
		if r < 0x20 {
			return ' '
		}
		return r
	}, s)
	if json.Unmarshal([]byte(lenient), &v) == nil {
		return v, nil
	}
	return nil, fmt.Errorf("not JSON: %w", err)
}

// collectNodes gathers every typed node in v, however deeply nested.
func collectNodes(v any, nodes *[]map[string]any) {
	switch v := v.(type) {
	case []any:
		for _, item := range v {
			collectNodes(item, nodes)
		}
	case map[string]any:
		if _, ok := v["@type"]; ok {
			*nodes = append(*nodes, v)
		}
		for _, key := range sortedKeys(v) {
			collectNodes(v[key], nodes)
		}
	}
}

// sortedKeys keeps the order of nodes the same from run to run.
func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// hasType reports whether node n has one of types; "schema:NewsArticle"
// and "https://schema.org/NewsArticle" name NewsArticle too.
func hasType(n map[string]any, types map[string]bool) bool {
	var names []any
	switch t := n["@type"].(type) {
	case string:
		names = []any{t}
	case []any:
		names = t
	}
	for _, name := range names {
		s, _ := name.(string)
		if i := strings.LastIndexAny(s, "/:"); i >= 0 {
			s = s[i+1:]
		}
		if types[s] {
			return true
		}
	}
	return false
}

// text is v as a string: a string itself, or the first string of a list.
func text(v any) string {
	switch v := v.(type) {
	case string:
		return strings.Join(strings.Fields(v), " ")
	case []any:
		for _, item := range v {
			if s := text(item); s != "" {
				return s
			}
		}
	}
	return ""
}

// nameOf is the name of v: a string, a node with a name, or a reference
// to one by @id.
func nameOf(v any, byID map[string]map[string]any) string {
	switch v := v.(type) {
	case string:
		return strings.TrimSpace(v)
	case []any:
		for _, item := range v {
			if s := nameOf(item, byID); s != "" {
				return s
			}
		}
	case map[string]any:
		if name := text(v["name"]); name != "" {
			return name
		}
		if id, ok := v["@id"].(string); ok {
			if node, ok := byID[id]; ok {
				return text(node["name"])
			}
		}
	}
	return ""
}

// namesOf is every name v gives: one, or a list of them.
func namesOf(v any, byID map[string]map[string]any) []string {
	if list, ok := v.([]any); ok {
		var out []string
		for _, item := range list {
			if s := nameOf(item, byID); s != "" {
				out = append(out, s)
			}
		}
		return out
	}
	if s := nameOf(v, byID); s != "" {
		return []string{s}
	}
	return nil
}

// urlOf is the address v gives: a string, or a node's @id or url.
func urlOf(v any) string {
	switch v := v.(type) {
	case string:
		return strings.TrimSpace(v)
	case map[string]any:
		return cmp.Or(text(v["@id"]), text(v["url"]))
	}
	return ""
}

// crumbNames are the names of a BreadcrumbList's items in position order.
func crumbNames(list map[string]any, byID map[string]map[string]any) []string {
	items, _ := list["itemListElement"].([]any)
	type crumb struct {
		position float64
		name     string
	}
	var crumbs []crumb
	for i, item := range items {
		node, ok := item.(map[string]any)
		if !ok {
			continue
		}
		position := float64(i + 1)
		switch p := node["position"].(type) {
		case float64:
			position = p
		case string:
			if n, err := strconv.ParseFloat(p, 64); err == nil {
				position = n
			}
		}
		name := cmp.Or(text(node["name"]), nameOf(node["item"], byID))
		if name != "" {
			crumbs = append(crumbs, crumb{position, name})
		}
	}
	slices.SortStableFunc(crumbs, func(a, b crumb) int { return cmp.Compare(a.position, b.position) })
	names := make([]string, len(crumbs))
	for i, c := range crumbs {
		names[i] = c.name
	}
	return names
}

// publishedField is a publication date as JSON-LD writes it, found in a
// script too broken to parse (trailing commas, unquoted keys).
var publishedField = lazyPattern(`"date(?:Published|Created)"\s*:\s*"([^"]{6,40})"`)

// anyPublished is the publication date of a page whose JSON-LD has no
// article node with one: that of whatever node the page is (WebPage,
// ClaimReview, MedicalWebPage, VideoObject), or one found in a broken
// script.
func anyPublished(nodes []map[string]any, broken []string) string {
	for _, n := range nodes {
		if p := cmp.Or(text(n["datePublished"]), text(n["dateCreated"]), text(n["uploadDate"])); p != "" {
			return p
		}
	}
	for _, script := range broken {
		if m := publishedField.FindStringSubmatch(script); m != nil {
			return m[1]
		}
	}
	return ""
}
