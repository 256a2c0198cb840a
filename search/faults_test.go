package search_test

import (
	"context"
	"errors"
	"math/rand/v2"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"kith/directory"
	"kith/search"
)

// damageQueries are compared before damage and after the rebuild.
var damageQueries = []string{near, near + "&q=gardening&radius_km=10", near + "&free=true", "q=walk", near + "&q=lonely"}

func (f *fixture) answers(t *testing.T, e *search.Engine) [][]string {
	t.Helper()
	var out [][]string
	for _, q := range damageQueries {
		out = append(out, f.shorts(t, e, q))
	}
	return out
}

// searchErr runs a query and returns only its error.
func searchErr(t *testing.T, e *search.Engine, params string) error {
	t.Helper()
	v, _ := url.ParseQuery(params)
	q, err := search.ParseQuery(v)
	if err != nil {
		t.Fatal(err)
	}
	_, err = e.Search(context.Background(), q)
	return err
}

// generationDir is the generation CURRENT names, "" when there is none.
func generationDir(dir string) string {
	name, err := os.ReadFile(filepath.Join(dir, "CURRENT"))
	if err != nil {
		return ""
	}
	return filepath.Join(dir, string(name))
}

// segments lists the segment files of the generation in dir.
func segments(t *testing.T, dir string) []string {
	t.Helper()
	zaps, _ := filepath.Glob(filepath.Join(generationDir(dir), "store", "*.zap"))
	if len(zaps) == 0 {
		t.Fatal("the index has no segment files")
	}
	return zaps
}

// rewrite replaces each file's content with what change makes of it.
func rewrite(t *testing.T, change func([]byte) []byte, paths ...string) {
	t.Helper()
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err == nil {
			err = os.WriteFile(p, change(b), 0o644)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
}

func scramble(b []byte) []byte {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}

func flipBits(b []byte) []byte {
	for i := 0; i < len(b); i += 7 {
		b[i] ^= 0x5a
	}
	return b
}

func halve(b []byte) []byte { return b[:len(b)/2] }

// TestDamagedIndexAtStartIsRebuilt damages a closed index in each way a
// disk or a person can: Open must neither fail nor panic, nor trust it;
// searches without text answer meanwhile, text searches answer
// ErrNotReady (503), and the rebuilt index answers as the first did.
func TestDamagedIndexAtStartIsRebuilt(t *testing.T) {
	f := newFixture(t)
	tests := []struct {
		name   string
		damage func(t *testing.T, dir string)
	}{
		{"index deleted", func(t *testing.T, dir string) { os.RemoveAll(dir) }},
		{"CURRENT garbage", func(t *testing.T, dir string) { rewrite(t, scramble, filepath.Join(dir, "CURRENT")) }},
		{"CURRENT names nothing", func(t *testing.T, dir string) {
			rewrite(t, func([]byte) []byte { return []byte("gen-1") }, filepath.Join(dir, "CURRENT"))
		}},
		{"index_meta.json garbage", func(t *testing.T, dir string) {
			rewrite(t, scramble, filepath.Join(generationDir(dir), "index_meta.json"))
		}},
		{"root.bolt garbage", func(t *testing.T, dir string) {
			rewrite(t, scramble, filepath.Join(generationDir(dir), "store", "root.bolt"))
		}},
		{"segment garbage", func(t *testing.T, dir string) { rewrite(t, scramble, segments(t, dir)...) }},
		{"segment bits flipped", func(t *testing.T, dir string) { rewrite(t, flipBits, segments(t, dir)...) }},
		{"segment truncated", func(t *testing.T, dir string) { rewrite(t, halve, segments(t, dir)...) }},
		{"segment empty", func(t *testing.T, dir string) { rewrite(t, func([]byte) []byte { return nil }, segments(t, dir)...) }},
		{"segment missing", func(t *testing.T, dir string) {
			for _, p := range segments(t, dir) {
				os.Remove(p)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			e := f.open(t, dir)
			want, old := f.answers(t, e), generationDir(dir)
			e.Close()
			tt.damage(t, dir)
			again, err := search.Open(context.Background(), search.Config{Dir: dir, Source: f.store})
			if err != nil {
				t.Fatal(err)
			}
			defer again.Close()
			if again.Ready(context.Background()) == nil {
				t.Fatal("the damaged index was trusted")
			}
			if got := f.shorts(t, again, near); !reflect.DeepEqual(got, want[0]) {
				t.Fatalf("search without text while rebuilding: %v, want %v", got, want[0])
			}
			if err := searchErr(t, again, "q=walk"); !errors.Is(err, search.ErrNotReady) {
				t.Fatalf("text search while rebuilding: %v, want ErrNotReady", err)
			}
			if err := again.Rebuild(context.Background(), nil); err != nil {
				t.Fatal(err)
			}
			if got := f.answers(t, again); !reflect.DeepEqual(got, want) {
				t.Fatalf("after the rebuild %v, before %v", got, want)
			}
			if _, err := os.Stat(old); !errors.Is(err, os.ErrNotExist) {
				t.Fatalf("the damaged generation is still on disk: %v", err)
			}
		})
	}
}

// TestIndexDamagedWhileRunningIsRebuiltBeside deletes a live index's files
// under a running engine: searches keep answering from what it holds, the
// follower notices and rebuilds beside it, and the new index answers as a
// fresh build from PostgreSQL does and is locked against other processes.
func TestIndexDamagedWhileRunningIsRebuiltBeside(t *testing.T) {
	f := newFixture(t)
	tests := []struct {
		name   string
		remove func(dir string) string
	}{
		{"index deleted", func(dir string) string { return dir }},
		{"generation deleted", func(dir string) string { return generationDir(dir) }},
		{"segment store deleted", func(dir string) string { return filepath.Join(generationDir(dir), "store") }},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			e := f.open(t, dir)
			want, old := f.answers(t, e), generationDir(dir)
			if err := os.RemoveAll(tt.remove(dir)); err != nil {
				t.Fatal(err)
			}
			if got := f.answers(t, e); !reflect.DeepEqual(got, want) {
				t.Fatalf("with its files gone %v, before %v", got, want)
			}
			f.add(t, "N"+string(rune('0'+i)), directory.ServiceInput{Name: "Knitting circle " + tt.name,
				Description: "Knit and natter.", Categories: []string{"crafts"}, Locations: kmNorth(0.2)})
			waitRebuilt(t, e, dir, old)
			if got, fresh := f.answers(t, e), f.answers(t, f.open(t, t.TempDir())); !reflect.DeepEqual(got, fresh) {
				t.Fatalf("rebuilt index answers %v, a fresh one %v", got, fresh)
			}
			if got := f.shorts(t, e, near+"&q=knitting+"+strings.Fields(tt.name)[0]); len(got) == 0 {
				t.Fatal("the write made while the files were gone is not found")
			}
			if err := search.Reindex(context.Background(), search.Config{Dir: dir, Source: f.store}, nil); !errors.Is(err, search.ErrInUse) {
				t.Fatalf("another process could take the rebuilt index: %v", err)
			}
		})
	}
}

// waitRebuilt runs the follower's step until CURRENT names a generation
// other than old that exists; bleve reports a failed write in the
// background, hence the wait.
func waitRebuilt(t *testing.T, e *search.Engine, dir, old string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		if err := e.CatchUp(context.Background()); err != nil {
			t.Fatal(err)
		}
		if cur := generationDir(dir); cur != "" && cur != old {
			if _, err := os.Stat(cur); err == nil {
				return
			}
		}
		if time.Now().After(deadline) {
			t.Fatal("the damaged index was not rebuilt within 10 s")
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestSearchSurvivesFailuresInsideBleve makes the search inside bleve
// panic, fault or fail as a damaged index does: the search answers
// ErrIndexFailed (503), a panicked index is searched no more and rebuilt,
// and a failed one is rebuilt only if its checksums show damage.
func TestSearchSurvivesFailuresInsideBleve(t *testing.T) {
	f := newFixture(t)
	tests := []struct {
		name             string
		fail             func(t *testing.T) func() error
		corrupt, rebuilt bool
	}{
		{"panic", func(*testing.T) func() error { return func() error { panic("index out of range") } }, false, true},
		{"memory fault", search.FaultOnTruncatedMap, false, true},
		{"error, files intact", func(*testing.T) func() error { return func() error { return errors.New("vellum err") } }, false, false},
		{"error, files corrupt", func(*testing.T) func() error { return func() error { return errors.New("vellum err") } }, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			e := f.open(t, dir)
			want, old := f.answers(t, e), generationDir(dir)
			if tt.corrupt {
				rewrite(t, func(b []byte) []byte { b[0] ^= 1; return b }, segments(t, dir)...)
			}
			if err := e.Guard(context.Background(), tt.fail(t)); !errors.Is(err, search.ErrIndexFailed) {
				t.Fatalf("got %v, want ErrIndexFailed", err)
			}
			if err := searchErr(t, e, "q=walk"); tt.rebuilt && !tt.corrupt && !errors.Is(err, search.ErrIndexFailed) {
				t.Fatalf("text search of a panicked index: %v, want ErrIndexFailed", err)
			}
			if err := e.CatchUp(context.Background()); err != nil {
				t.Fatal(err)
			}
			if rebuilt := generationDir(dir) != old; rebuilt != tt.rebuilt {
				t.Fatalf("rebuilt %v, want %v", rebuilt, tt.rebuilt)
			}
			if got := f.answers(t, e); !reflect.DeepEqual(got, want) {
				t.Fatalf("afterwards %v, before %v", got, want)
			}
		})
	}
}

// TestRebuiltIndexIsTrustedAfterRestart closes a freshly rebuilt index
// and opens it again, several times because bleve writes in the
// background: it must be whole on disk, so no restart rebuilds it.
func TestRebuiltIndexIsTrustedAfterRestart(t *testing.T) {
	f := newFixture(t)
	for range 12 {
		dir := t.TempDir()
		f.open(t, dir).Close()
		again, err := search.Open(context.Background(), search.Config{Dir: dir, Source: f.store})
		if err != nil {
			t.Fatal(err)
		}
		ready := again.Ready(context.Background())
		again.Close()
		if ready != nil {
			t.Fatalf("a rebuilt index was not trusted after a restart: %v", ready)
		}
	}
}

// TestSearchGivingUpIsNotDamage: a search its caller abandons fails with
// the caller's reason, and the index is neither refused nor rebuilt.
func TestSearchGivingUpIsNotDamage(t *testing.T) {
	f := newFixture(t)
	dir := t.TempDir()
	e := f.open(t, dir)
	old := generationDir(dir)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := e.Guard(ctx, func() error { return ctx.Err() }); !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v, want the caller's context.Canceled", err)
	}
	if err := e.CatchUp(context.Background()); err != nil || generationDir(dir) != old {
		t.Fatalf("rebuilt after a cancelled search (%v)", err)
	}
	if got := f.shorts(t, e, "q=walk"); !reflect.DeepEqual(got, []string{"B"}) {
		t.Fatalf("after a cancelled search: %v", got)
	}
}
