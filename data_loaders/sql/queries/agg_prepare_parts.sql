-- The overview's parts per buurttype (metrics.aggregate.group_parts) of every gemeente in
-- agg_areas and, when $gemeenten holds 'NL', of the country (the sums of its gemeenten: every
-- part adds up), per buurttype rule in $rules and per source, from agg_rows
-- (agg_prepare_rows.sql), into a table of this connection (data_loaders/aggregates.py
-- parts_together; agg_many_parts and agg_many_part_sources read it).
-- Only the buurten's rows of $indicators (the overview's: the headline indicators and
-- 'inwoners'). A buurt belongs to the group of its LATEST label under the rule (the label of its
-- last labelled year, as dashboard/data.py latest_types takes it, in every year: not the label
-- of that year, as agg_many_peers has it); a buurt without a label to $unlabelled. The rule ''
-- labels nothing (a gemeente without rules). Per group, indicator, year and source the counts
-- and sums of group_parts (which adds them up over the sources).
CREATE OR REPLACE TEMP TABLE agg_part_rows AS
WITH latest AS (
    SELECT a.area_key, l.rule, arg_max(l.type, l.period) AS type
    FROM agg_areas a
    JOIN buurttypes l ON l.area_code = a.area_code
    WHERE a.level = 'buurt' AND list_contains($rules, l.rule)
    GROUP BY ALL
), sourced AS (
    SELECT r.area_key, r.gemeente_key, r.indicator_key, r.period, r.value, r.n,
           r.ok, r.has_weight, r.is_sum, r.synthetic, r.suppressed, r.weight, r.source_key
    FROM agg_rows r
    WHERE r.is_buurt AND r.indicator_key IN (
        SELECT indicator_key FROM agg_indicators WHERE list_contains($indicators, indicator_id))
), typed AS (
    SELECT s.*, u.rule, coalesce(t.type, $unlabelled) AS type
    FROM sourced s
    CROSS JOIN (SELECT unnest($rules) AS rule) u
    LEFT JOIN latest t ON t.area_key = s.area_key AND t.rule = u.rule
), per_gemeente AS (
    SELECT rule, gemeente_key, type, indicator_key, period, source_key,
           bool_or(is_sum) AS is_sum,
           count(*) AS rows,
           count(*) FILTER (WHERE ok) AS ok,
           coalesce(sum(value) FILTER (WHERE ok), 0) AS ok_v,
           coalesce(sum(n) FILTER (WHERE ok), 0) AS ok_n,
           count(n) FILTER (WHERE ok) AS ok_n_count,
           count(*) FILTER (WHERE has_weight) AS hw,
           coalesce(sum(value * weight) FILTER (WHERE has_weight), 0) AS hw_wv,
           coalesce(sum(weight) FILTER (WHERE has_weight), 0) AS hw_w,
           coalesce(sum(n) FILTER (WHERE has_weight), 0) AS hw_n,
           count(n) FILTER (WHERE has_weight) AS hw_n_count,
           coalesce(bool_or(synthetic) FILTER (WHERE ok), false) AS ok_syn,
           coalesce(bool_or(synthetic) FILTER (WHERE has_weight), false) AS hw_syn,
           bool_or(suppressed) AS any_suppressed
    FROM typed
    GROUP BY rule, gemeente_key, type, indicator_key, period, source_key
), with_country AS (  -- the country: gemeente key 0 (agg_prepare_gemeenten.sql)
    SELECT * FROM per_gemeente
    UNION ALL
    -- the country: the sums of its gemeenten (every part adds up)
    SELECT rule, 0 AS gemeente_key, type, indicator_key, period, source_key, bool_or(is_sum),
           sum(rows), sum(ok), sum(ok_v), sum(ok_n), sum(ok_n_count), sum(hw), sum(hw_wv),
           sum(hw_w), sum(hw_n), sum(hw_n_count), bool_or(ok_syn), bool_or(hw_syn),
           bool_or(any_suppressed)
    FROM per_gemeente
    WHERE list_contains($gemeenten, 'NL')
    GROUP BY rule, type, indicator_key, period, source_key
)
SELECT c.rule, g.gemeente_code, c.type, i.indicator_id, c.period, s.source,
       c.* EXCLUDE (rule, gemeente_key, type, indicator_key, period, source_key)
FROM with_country c
JOIN agg_gemeenten g USING (gemeente_key)
JOIN agg_indicators i USING (indicator_key)
JOIN agg_sources s USING (source_key)
