-- The expected values found last on this connection (agg_many_expected.sql), firmest first
-- within each gemeente and indicator.
SELECT * EXCLUDE (position) FROM agg_expected_found ORDER BY gemeente_code, position
