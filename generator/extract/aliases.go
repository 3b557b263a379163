package extract

import "github.com/briefing-digest/briefing/generator"

// Aliases maps a canonical name to the other ways articles write it:
// "Nikolay Patrushev" → ["Nikolai Patrushev"]. It applies to every kind of
// name Extract returns.
type Aliases map[string][]string

// LoadAliases reads a YAML file mapping each canonical name to its
// variants:
//
//	Nikolay Patrushev: [Nikolai Patrushev, N. Patrushev]
//
// Errors are *generator.Error values naming the file, line and column.
func LoadAliases(path string) (Aliases, error) {
	lists, err := readNameLists(path)
	if err != nil {
		return nil, err
	}
	a := make(Aliases, len(lists))
	for _, l := range lists {
		a[l.name] = l.words
	}
	return a, nil
}

// index maps the slug of every name and variant to its canonical name.
func (a Aliases) index() map[string]string {
	ix := map[string]string{}
	for canon, variants := range a {
		ix[generator.Slugify(canon)] = canon
		for _, v := range variants {
			if s := generator.Slugify(v); s != "" {
				ix[s] = canon
			}
		}
	}
	return ix
}
