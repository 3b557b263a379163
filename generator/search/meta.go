package search

import (
	"encoding/json"
	"fmt"
)

// Meta is what the browser loads before its first query: how the index
// is cut, and every value a result can be filtered by with the articles
// it holds, from which it counts facets for any set of results.
type Meta struct {
	Docs   int      // articles in the index
	Shards int      // ShardCount(Docs)
	Kinds  []Kind   // the facets, in the order the page shows them
	Values []Value  // the values of every kind, each kind's most used first
	Heavy  []string // the two-letter prefixes whose words are sharded by three (Shards)
	Group  int      // articles a file of fragments holds (GroupSize)
}

// Kind is one facet: a taxonomy, the year or the week.
type Kind struct {
	Name  string // the URL parameter: "countries", "year"
	Title string // "Countries"
}

// Value is one value of a facet, and the articles (by number, ascending)
// that have it.
type Value struct {
	Kind int    // index into Meta.Kinds
	Name string // "Iran"
	Slug string // its URL parameter's value: "iran"
	Docs []int
}

type metaJSON struct {
	Version int         `json:"v"`
	Docs    int         `json:"n"`
	Shards  int         `json:"s"`
	Kinds   [][2]string `json:"k"`
	Values  [][4]any    `json:"f"`
	Heavy   []string    `json:"h,omitempty"`
	Group   int         `json:"g"`
}

// JSON is search/meta.json: {"v":2,"n":docs,"s":shards,"k":[[name,title]…],
// "f":[[kind,name,slug,docs]…],"h":[heavy prefixes],"g":group size}, docs being the gaps between article
// numbers (the first counting from -1), written as in the shards, or for
// articles numbered one after another (a week's, a year's) "~" and the
// first number and how many.
func (m *Meta) JSON() ([]byte, error) {
	j := metaJSON{Version: 2, Docs: m.Docs, Shards: m.Shards, Heavy: m.Heavy, Group: m.Group}
	for _, k := range m.Kinds {
		j.Kinds = append(j.Kinds, [2]string{k.Name, k.Title})
	}
	var buf []byte
	for _, v := range m.Values {
		buf = appendDocs(buf[:0], v.Docs)
		j.Values = append(j.Values, [4]any{v.Kind, v.Name, v.Slug, string(buf)})
	}
	data, err := json.Marshal(j)
	if err != nil {
		return nil, fmt.Errorf("encoding the search index's table of facets: %w", err)
	}
	return append(data, '\n'), nil
}

// appendDocs writes ascending article numbers as Meta.JSON describes. A
// week or a year holds a run of articles, as articles are numbered
// newest first; written as a run, the facets of 10,000 articles take a
// seventh less to download.
func appendDocs(buf []byte, docs []int) []byte {
	if n := len(docs); n > 2 && docs[n-1]-docs[0] == n-1 {
		buf = append(buf, '~')
		buf = appendNumber(buf, uint64(docs[0]))
		return appendNumber(buf, uint64(n))
	}
	prev := -1
	for _, d := range docs {
		buf = appendNumber(buf, uint64(d-prev))
		prev = d
	}
	return buf
}
