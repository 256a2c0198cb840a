package importing

import (
	"context"
	"fmt"

	"kith/directory/oruk"
)

// Feed yields an ORUK feed's records page by page, and a record's full
// version when a page holds only a summary of it.
type Feed interface {
	Next(ctx context.Context) (oruk.Page, bool, error)
	Full(ctx context.Context, it oruk.Item) (oruk.Item, error)
	Name() string
}

// Progress is told how many records have been read of how many there are
// known to be so far (a feed may reveal its size page by page).
type Progress func(done, total int)

// ReadFeed maps and writes every record of src, telling progress after each.
func ReadFeed(ctx context.Context, src Feed, mapper oruk.Mapper, im *Importer, progress Progress) error {
	im.sum.What = "feed " + src.Name()
	n, total := 0, 0
	for {
		page, ok, err := src.Next(ctx)
		if err != nil || !ok {
			return err
		}
		if page.Version != "" {
			im.sum.What = page.Version + " feed " + src.Name()
		}
		total = max(total, page.TotalItems, n+len(page.Items))
		for _, it := range page.Items {
			n++
			if err := readItem(ctx, src, mapper, im, n, it); err != nil {
				return err
			}
			progress(n, total)
		}
	}
}

func readItem(ctx context.Context, src Feed, mapper oruk.Mapper, im *Importer, n int, it oruk.Item) error {
	label := fmt.Sprintf("record %d", n)
	if id := it.ID(); id != "" {
		label += fmt.Sprintf(" (id %s %q)", id, it.Name())
	}
	full, err := src.Full(ctx, it)
	if err != nil {
		im.sum.Reject(n, label, "its full record could not be fetched: "+err.Error())
		return Fatal(err)
	}
	rec, err := mapper.Map(full)
	if err != nil {
		im.sum.Reject(n, label, err.Error())
		return nil
	}
	return im.Write(ctx, n, label, rec)
}

// FileFeed is a saved feed: one page envelope, or a bare array of services.
type FileFeed struct {
	name string
	data []byte
	page *oruk.Page // already read, when the caller checked the file first
	read bool
}

// NewFileFeed reads a saved feed called name when the import asks for it.
func NewFileFeed(name string, data []byte) *FileFeed { return &FileFeed{name: name, data: data} }

// ReadFile reads a saved feed called name now, so a file that is not a feed
// can be refused before an import starts.
func ReadFile(name string, data []byte) (*FileFeed, error) {
	p, err := oruk.ReadPage(data)
	if err != nil {
		return nil, err
	}
	return &FileFeed{name: name, page: &p}, nil
}

// Name is the file's name.
func (f *FileFeed) Name() string { return f.name }

// Next returns the file's one page.
func (f *FileFeed) Next(context.Context) (oruk.Page, bool, error) {
	if f.read {
		return oruk.Page{}, false, nil
	}
	f.read = true
	if f.page != nil {
		return *f.page, true, nil
	}
	p, err := oruk.ReadPage(f.data)
	if err != nil {
		return oruk.Page{}, false, fmt.Errorf("%s: %w", f.name, err)
	}
	return p, true, nil
}

// Full has nothing more to fetch: a saved summary is imported as it is.
func (f *FileFeed) Full(_ context.Context, it oruk.Item) (oruk.Item, error) { return it, nil }
