package postgres

import "encoding/json"

// JSON scans a json column (one built with json_agg or json_build_object,
// say) into V, so a row and its children come back in one query. NULL
// leaves V at its zero value.
type JSON[T any] struct{ V T }

// Scan implements sql.Scanner.
func (c *JSON[T]) Scan(src any) error {
	switch v := src.(type) {
	case []byte:
		return json.Unmarshal(v, &c.V)
	case string:
		return json.Unmarshal([]byte(v), &c.V)
	}
	return nil
}
