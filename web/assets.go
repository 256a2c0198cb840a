package web

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"mime"
	"path"
	"strings"

	"github.com/gofiber/fiber/v2"
)

// static holds the pages' own CSS and JavaScript and, under vendor/, the
// front-end libraries `make assets` copies out of node_modules. The vendor
// files are built, never committed.
//
//go:embed static
var static embed.FS

// assetVersion changes whenever any embedded asset does, so pages can link
// to assets with a far-future cache lifetime and still see new builds.
var assetVersion = func() string {
	h := sha256.New()
	fs.WalkDir(static, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := static.ReadFile(p)
		h.Write([]byte(p))
		h.Write(b)
		return err
	})
	return hex.EncodeToString(h.Sum(nil))[:12]
}()

// vendorBuilt reports whether `make assets` ran before this binary was built.
func vendorBuilt() bool {
	_, err := static.ReadFile("static/vendor/nhsuk/nhsuk.css")
	return err == nil
}

// assetURL is the URL a page uses for an embedded asset.
func assetURL(name string) string {
	return "/assets/" + name + "?v=" + assetVersion
}

// serveAsset answers /assets/* from the embedded files. Versioned URLs are
// cached for a year; others (module imports) revalidate by ETag.
func serveAsset(c *fiber.Ctx) error {
	name := path.Clean("/" + c.Params("*"))
	b, err := static.ReadFile("static" + name)
	if err != nil || strings.HasPrefix(path.Base(name), ".") {
		return fiber.ErrNotFound
	}
	etag := `"` + assetVersion + `"`
	if c.Query("v") != "" {
		c.Set(fiber.HeaderCacheControl, "public, max-age=31536000, immutable")
	} else {
		c.Set(fiber.HeaderCacheControl, "no-cache")
	}
	c.Set(fiber.HeaderETag, etag)
	if c.Get(fiber.HeaderIfNoneMatch) == etag {
		return c.SendStatus(fiber.StatusNotModified)
	}
	c.Set(fiber.HeaderContentType, contentType(name))
	return c.Send(b)
}

func contentType(name string) string {
	if t := mime.TypeByExtension(path.Ext(name)); t != "" {
		return t
	}
	return fiber.MIMEOctetStream
}
