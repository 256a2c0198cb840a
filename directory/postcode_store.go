package directory

import (
	"context"
	"errors"
	"io"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"kith/geo"
	"kith/postgres"
)

// PostcodeLoad is what ReplacePostcodes did.
type PostcodeLoad struct {
	Loaded     int // postcodes in the table now
	Terminated int // of which no longer in use
	Skipped    int // rows of the file with no grid reference or no usable postcode
}

// progressEvery is how many rows pass between progress reports: often
// enough for a smooth bar, rarely enough not to slow the load.
const progressEvery = 20_000

// ReplacePostcodes loads the ONS Postcode Directory from d into a new table
// and swaps it for the current one, all in one transaction: until it
// commits, lookups see the old postcodes, and if anything fails they keep
// them. Admins only. progress, if not nil, hears how many rows were read.
func (s *Store) ReplacePostcodes(ctx context.Context, d *geo.PostcodeDirectory, progress func(rows int)) (PostcodeLoad, error) {
	if u := UserFrom(ctx); !u.Is(RoleAdmin) {
		return PostcodeLoad{}, forbiddenOrAnonymous(u)
	}
	const prepare = `
DROP TABLE IF EXISTS postcodes_next;
CREATE TABLE postcodes_next (LIKE postcodes INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`
	// The indexes are built after the load, which is faster than keeping
	// them up to date row by row; the old table goes only at the very end.
	const swap = `
ALTER TABLE postcodes_next ADD CONSTRAINT postcodes_next_pkey PRIMARY KEY (postcode);
CREATE INDEX postcodes_next_outcode_idx ON postcodes_next (outcode) WHERE NOT terminated;
DROP TABLE postcodes;
ALTER TABLE postcodes_next RENAME TO postcodes;
ALTER INDEX postcodes_next_pkey RENAME TO postcodes_pkey;
ALTER INDEX postcodes_next_outcode_idx RENAME TO postcodes_outcode_idx;
ANALYZE postcodes`
	var load PostcodeLoad
	err := s.db.Tx(ctx, func(tx *sqlx.Tx) error {
		if _, err := tx.ExecContext(ctx, prepare); err != nil {
			return err
		}
		var err error
		if load, err = copyPostcodes(ctx, tx, d, progress); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, swap)
		return duplicatePostcode(err)
	})
	return load, err
}

// copyPostcodes streams every usable row of d into postcodes_next with COPY.
func copyPostcodes(ctx context.Context, tx *sqlx.Tx, d *geo.PostcodeDirectory, progress func(int)) (PostcodeLoad, error) {
	const q = `COPY postcodes_next (postcode, outcode, lat, lon, lsoa, lad, ward, imd_decile, terminated) FROM STDIN`
	stmt, err := tx.PrepareContext(ctx, q)
	if err != nil {
		return PostcodeLoad{}, err
	}
	defer stmt.Close()
	var load PostcodeLoad
	for {
		r, err := d.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return load, err
		}
		_, err = stmt.ExecContext(ctx, r.Postcode, r.Outcode, r.Point.Lat(), r.Point.Lon(),
			r.LSOA, r.LAD, r.Ward, r.IMDDecile, r.Terminated)
		if err != nil {
			return load, err
		}
		load.Loaded++
		if r.Terminated {
			load.Terminated++
		}
		if progress != nil && (load.Loaded+d.Skipped)%progressEvery == 0 {
			progress(load.Loaded + d.Skipped)
		}
	}
	load.Skipped = d.Skipped
	_, err = stmt.ExecContext(ctx) // flushes the COPY
	return load, err
}

// duplicatePostcode explains the one way a well-formed file can fail the swap.
func duplicatePostcode(err error) error {
	var pe *postgres.Error
	if errors.As(postgres.MapError(err), &pe) && errors.Is(pe.Kind, ErrConflict) {
		return Errorf(ErrInvalid, "the file lists a postcode more than once: %v", pe.Err)
	}
	return err
}

// HasPostcodes reports whether national postcodes have been loaded.
func (s *Store) HasPostcodes(ctx context.Context) (bool, error) {
	const q = `SELECT EXISTS (SELECT 1 FROM postcodes)`
	var ok bool
	err := s.db.GetContext(ctx, &ok, q)
	return ok, postgres.MapError(err)
}

// postcodeTimeout bounds one lookup: geo asks without a context, and a
// slow answer is worse than falling back to the shipped postcodes.
const postcodeTimeout = 2 * time.Second

// PostcodePlace is a geo.NationalSource over the postcodes table: a full
// postcode answers with its own record, an outward code with the centre of
// its live postcodes.
func (s *Store) PostcodePlace(code string) (geo.Place, bool, error) {
	ctx, cancel := context.WithTimeout(context.Background(), postcodeTimeout)
	defer cancel()
	if strings.Contains(code, " ") {
		return s.postcodePlace(ctx, code)
	}
	return s.districtPlace(ctx, code)
}

func (s *Store) postcodePlace(ctx context.Context, pc string) (geo.Place, bool, error) {
	const q = `
SELECT postcode, outcode, lat, lon, lsoa, lad, ward, imd_decile, terminated
FROM postcodes WHERE postcode = $1`
	var row struct {
		Postcode   string  `db:"postcode"`
		Outcode    string  `db:"outcode"`
		Lat        float64 `db:"lat"`
		Lon        float64 `db:"lon"`
		LSOA       string  `db:"lsoa"`
		LAD        string  `db:"lad"`
		Ward       string  `db:"ward"`
		IMDDecile  int     `db:"imd_decile"`
		Terminated bool    `db:"terminated"`
	}
	err := s.db.GetContext(ctx, &row, q, pc)
	if isNoRows(err) {
		return geo.Place{}, false, nil
	}
	if err != nil {
		return geo.Place{}, false, postgres.MapError(err)
	}
	pt, err := geo.LonLat(row.Lon, row.Lat)
	return geo.Place{
		Postcode: row.Postcode, Outcode: row.Outcode, Point: pt, LSOA: row.LSOA, LAD: row.LAD, Ward: row.Ward,
		IMDDecile: row.IMDDecile, Terminated: row.Terminated, Precision: geo.PrecisionPostcode,
	}, err == nil, err
}

func (s *Store) districtPlace(ctx context.Context, oc string) (geo.Place, bool, error) {
	const q = `SELECT avg(lat) AS lat, avg(lon) AS lon FROM postcodes WHERE outcode = $1 AND NOT terminated`
	var row struct {
		Lat *float64 `db:"lat"`
		Lon *float64 `db:"lon"`
	}
	if err := s.db.GetContext(ctx, &row, q, oc); err != nil {
		return geo.Place{}, false, postgres.MapError(err)
	}
	if row.Lat == nil || row.Lon == nil {
		return geo.Place{}, false, nil
	}
	pt, err := geo.LonLat(*row.Lon, *row.Lat)
	return geo.Place{Outcode: oc, Point: pt, Precision: geo.PrecisionOutcode}, err == nil, err
}
