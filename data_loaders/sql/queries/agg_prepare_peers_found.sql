-- The table of this connection that agg_many_peers.sql adds each buurttype rule's averages to:
-- agg_peers' columns without the privacy key and the place, which agg_store_peers adds.
CREATE OR REPLACE TEMP TABLE agg_peers_found AS
SELECT * EXCLUDE (min_respondents, min_inhabitants, real_only, position) FROM agg_peers LIMIT 0
