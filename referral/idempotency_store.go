package referral

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"strings"
	"time"
	"unicode"

	"github.com/jmoiron/sqlx"

	"kith/directory"
)

// keyLifetime is how long a key is remembered: long enough for any client's
// retries, short enough that stored answers do not pile up.
const keyLifetime = 24 * time.Hour

// checkKey accepts the keys clients of the IETF Idempotency-Key draft send,
// usually UUIDs, while keeping stored keys short and printable.
func checkKey(key string) error {
	unprintable := func(r rune) bool { return r > unicode.MaxASCII || !unicode.IsPrint(r) }
	if len(key) > 255 || strings.IndexFunc(key, unprintable) >= 0 {
		return directory.Problems{"Idempotency-Key": "must be at most 255 printable ASCII characters, such as a UUID"}
	}
	return nil
}

// fingerprint identifies a request by its content, so a key reused for a
// different request is caught.
func fingerprint(request any) []byte {
	b, _ := json.Marshal(request)
	h := sha256.Sum256(b)
	return h[:]
}

// once runs do in tx unless the acting user already made this request under
// key for operation, in which case it fills out with the first answer and
// reports true. Claiming the key first means a concurrent retry waits on the
// key's row until the first request commits, then replays it; if the first
// rolls back, the retry runs instead. Without a key (or a user) do just runs.
func once(ctx context.Context, tx *sqlx.Tx, a act, operation, key string, fp []byte, out any, do func() error) (bool, error) {
	if key == "" || a.by() == "" {
		return false, do()
	}
	const claim = `
INSERT INTO idempotency_keys (user_id, route, key, request, created_at) VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (user_id, route, key) DO UPDATE SET request = EXCLUDED.request, response = NULL,
    created_at = EXCLUDED.created_at
WHERE idempotency_keys.created_at < $6`
	res, err := tx.ExecContext(ctx, claim, a.by(), operation, key, fp, a.at, a.at.Add(-keyLifetime))
	if err != nil {
		return false, err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return true, replay(ctx, tx, a, operation, key, fp, out)
	}
	if err := do(); err != nil {
		return false, err
	}
	body, err := json.Marshal(out)
	if err != nil {
		return false, err
	}
	const save = `UPDATE idempotency_keys SET response = $4 WHERE user_id = $1 AND route = $2 AND key = $3`
	_, err = tx.ExecContext(ctx, save, a.by(), operation, key, body)
	return false, err
}

func replay(ctx context.Context, tx *sqlx.Tx, a act, operation, key string, fp []byte, out any) error {
	const q = `SELECT request, response FROM idempotency_keys WHERE user_id = $1 AND route = $2 AND key = $3`
	var row struct {
		Request  []byte `db:"request"`
		Response []byte `db:"response"`
	}
	if err := tx.GetContext(ctx, &row, q, a.by(), operation, key); err != nil {
		return err
	}
	if !bytes.Equal(row.Request, fp) {
		return refuse(ReasonKeyReused)
	}
	return json.Unmarshal(row.Response, out)
}
