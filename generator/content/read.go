package content

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/briefing-digest/briefing/generator"
	"github.com/briefing-digest/briefing/internal/rawio"
)

// MaxArticleSize is the most bytes an article file may hold. The biggest
// news article is well under a megabyte; a file ten times that is a
// mistake (a log, a dump, a link to a device) and would cost the build
// seconds to minutes. Ingest refuses raw inputs over the same size.
const MaxArticleSize = 10 << 20

// readArticle reads the article at rel (slash-separated, under siteDir):
// a regular file of at most MaxArticleSize bytes. A symbolic link is
// followed only to a file inside the site, so a link cannot publish a
// private file or read from a device; unlike Hugo, which skips linked
// content files without a word, it says why a link was not read.
func readArticle(siteDir, rel string) ([]byte, error) {
	return appendArticle(nil, siteDir, rel)
}

// appendArticle is readArticle appending the file to buf.
func appendArticle(buf []byte, siteDir, rel string) ([]byte, error) {
	p := filepath.Join(siteDir, filepath.FromSlash(rel))
	data, err := rawio.AppendRegular(buf, p, MaxArticleSize)
	if errors.Is(err, rawio.ErrSymlink) {
		var target string
		target, err = insideSite(siteDir, p)
		if errors.Is(err, syscall.ELOOP) {
			return nil, generator.Errorf(rel, 0, 0, "a symbolic link that leads round in a loop, so it is not read")
		}
		if err != nil {
			return nil, generator.Errorf(rel, 0, 0, "%w", err)
		}
		data, err = rawio.AppendRegular(buf, target, MaxArticleSize)
	}
	switch {
	case err == nil:
		return data, nil
	case errors.Is(err, rawio.ErrNotRegular):
		return nil, generator.Errorf(rel, 0, 0, "not a regular file (a FIFO, device or socket): content/ holds article files only")
	}
	var big *rawio.SizeError
	if errors.As(err, &big) {
		return nil, generator.Errorf(rel, 0, 0, "is %d bytes; an article may be at most %d (10 MB): split it or cut what is not the article", big.Size, MaxArticleSize)
	}
	return nil, generator.Errorf(rel, 0, 0, "reading: %w", err)
}

// errOutside is why a symbolic link out of the site is not read.
var errOutside = errors.New("a symbolic link to a file outside the site, so it is not read: copy the file into content/ instead")

// insideSite resolves the link at p and returns its target when that is
// inside siteDir (itself resolved, as a site in a linked folder is).
func insideSite(siteDir, p string) (string, error) {
	// Stat asks the kernel, which names a loop (ELOOP); EvalSymlinks
	// would only say "too many links".
	if _, err := os.Stat(p); err != nil {
		return "", err
	}
	target, err := filepath.EvalSymlinks(p)
	if err != nil {
		return "", err
	}
	root, err := filepath.EvalSymlinks(siteDir)
	if err != nil {
		return "", err
	}
	rel, err := filepath.Rel(root, target)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return "", errOutside
	}
	return target, nil
}
