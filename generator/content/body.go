package content

import (
	"path/filepath"

	"github.com/briefing-digest/briefing/generator"
	"github.com/briefing-digest/briefing/internal/fphash"
	"github.com/briefing-digest/briefing/internal/rawio"
)

// leaveOnDisk lets go of an article's body, which is the end of its file
// under siteDir, to be read again from there when a page needs it. The
// body's length and fingerprint are kept, so a file edited since it was
// loaded is an error rather than a page mixing its old front matter and
// new text. The file's path is joined only when it is read again: kept
// for every article, the joined paths were 20 MB at 100,000 articles.
func leaveOnDisk(a *generator.Article, siteDir string) {
	size, file := len(a.Body), a.File
	a.LetGoOfBody(func(buf []byte) ([]byte, error) {
		data, err := rawio.AppendFile(buf, filepath.Join(siteDir, filepath.FromSlash(file)))
		if err != nil {
			return nil, generator.Errorf(file, 0, 0, "reading the body again: %w", err)
		}
		if len(data) < size || fphash.Bytes(data[len(data)-size:]) != a.BodyPrint() {
			return nil, generator.Errorf(file, 0, 0, "the file changed while the site was being built; build again")
		}
		return data, nil
	})
}
