-- The gemeente figures found last on this connection (agg_many_gemeente.sql), in its order.
SELECT * FROM agg_gemeente_found ORDER BY gemeente_code, indicator_id, period
