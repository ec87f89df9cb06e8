-- The overview's parts (metrics.aggregate.group_parts) of each (gemeente, rule) pair asked for
-- ($groups and $rules side by side), summed over the sources of agg_part_rows
-- (agg_prepare_parts.sql), into a table of this connection that agg_store_parts copies into
-- agg_parts under each privacy key, in group_parts' order (data_loaders/aggregates.py; the rows
-- never pass through Python).
CREATE OR REPLACE TEMP TABLE agg_parts_found AS
WITH wanted AS (
    SELECT unnest($groups) AS gemeente_code, unnest($rules) AS rule
), summed AS (
    SELECT p.gemeente_code, p.rule AS buurttype_rule, p.type, p.indicator_id, p.period,
           sum(p.rows)::BIGINT AS rows, sum(p.ok)::BIGINT AS ok, sum(p.ok_v) AS ok_v,
           sum(p.ok_n) AS ok_n, sum(p.ok_n_count)::BIGINT AS ok_n_count, sum(p.hw)::BIGINT AS hw,
           sum(p.hw_wv) AS hw_wv, sum(p.hw_w) AS hw_w, sum(p.hw_n) AS hw_n,
           sum(p.hw_n_count)::BIGINT AS hw_n_count, bool_or(p.ok_syn) AS ok_syn,
           bool_or(p.hw_syn) AS hw_syn, bool_or(p.any_suppressed) AS any_suppressed,
           bool_or(p.is_sum) AS is_sum
    FROM agg_part_rows p
    JOIN wanted w ON w.gemeente_code = p.gemeente_code AND w.rule = p.rule
    GROUP BY ALL
)
SELECT * FROM summed
