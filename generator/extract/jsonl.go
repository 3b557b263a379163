package extract

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sync"
)

// jsonlIn is one input line of the scoring contract.
type jsonlIn struct {
	ID    json.RawMessage `json:"id"`
	Title string          `json:"title"`
	Text  string          `json:"text"`
}

// jsonlOut is one output line; its lists are never null.
type jsonlOut struct {
	ID            json.RawMessage `json:"id"`
	People        []string        `json:"people"`
	Countries     []string        `json:"countries"`
	Organizations []string        `json:"organizations"`
	Places        []string        `json:"places"`
	Event         string          `json:"event"`
	Topics        []string        `json:"topics"`
	Summary       string          `json:"summary"`
}

// batchSize bounds how many articles are read ahead of the writer.
const batchSize = 64

// RunJSONL reads JSON lines {"id","title","text"} from r and writes, for
// each and in the same order, {"id","people","countries","organizations",
// "places","event","topics","summary"} to w. Articles of a batch are read
// in parallel, one goroutine per CPU.
func RunJSONL(r io.Reader, w io.Writer, x *Extractor) error {
	dec := json.NewDecoder(bufio.NewReaderSize(r, 1<<16))
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	n := 0
	for {
		batch, err := readBatch(dec, &n)
		outs := extractAll(x, batch)
		for i := range outs {
			if encErr := enc.Encode(outs[i]); encErr != nil {
				return errorf("writing result %d: %w", n-len(batch)+i+1, encErr)
			}
		}
		if err != nil {
			if errors.Is(err, io.EOF) {
				break
			}
			if flushErr := bw.Flush(); flushErr != nil {
				return errorf("writing results: %w", flushErr)
			}
			return err
		}
	}
	if err := bw.Flush(); err != nil {
		return errorf("writing results: %w", err)
	}
	return nil
}

func readBatch(dec *json.Decoder, n *int) ([]jsonlIn, error) {
	var batch []jsonlIn
	for len(batch) < batchSize {
		var in jsonlIn
		if err := dec.Decode(&in); err != nil {
			if errors.Is(err, io.EOF) {
				return batch, io.EOF
			}
			return batch, errorf("reading input record %d: %w", *n+1, err)
		}
		*n++
		batch = append(batch, in)
	}
	return batch, nil
}

func extractAll(x *Extractor, batch []jsonlIn) []jsonlOut {
	outs := make([]jsonlOut, len(batch))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(batch)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				res := x.Extract(batch[i].Title, batch[i].Text)
				id := batch[i].ID
				if id == nil {
					id = json.RawMessage("null")
				}
				outs[i] = jsonlOut{ID: id, People: res.People, Countries: res.Countries, Organizations: res.Organizations,
					Places: res.Places, Event: res.Event, Topics: res.Topics, Summary: res.Summary}
			}
		}()
	}
	for i := range batch {
		next <- i
	}
	close(next)
	wg.Wait()
	return outs
}

// errorf is fmt.Errorf under the package's prefix.
func errorf(format string, args ...any) error { return fmt.Errorf("extract: "+format, args...) }
