-- A whole-number key for every indicator, in the order of the codes, with the flags that
-- agg_rows (agg_prepare_rows.sql) and its readers need, worked out once per indicator: into a
-- table of this connection (data_loaders/aggregates.py computed_together). agg_rows holds the
-- key, not the code: its readers group and join on the key and name the indicator only in what
-- they return (6,2 million national rows; the codes are longer than DuckDB keeps inline).
CREATE OR REPLACE TEMP TABLE agg_indicators AS
SELECT (row_number() OVER (ORDER BY id))::SMALLINT AS indicator_key, id AS indicator_id,
       kind = 'subjectief' AS subjective,
       coalesce(aggregation = 'aantal', false) AS is_sum,
       coalesce(aggregation IN ('aandeel', 'gemiddelde', 'per_inwoners')
                AND trim(weight) <> '', false) AS wants_weight,
       result = 'outcome' AND direction IN ('hoger_beter', 'lager_beter') AS judged,
       result = 'outcome' AS is_outcome, direction,
       -- the tests of agg_many_signal_series: a percentage, or a rate per inhabitants
       starts_with(trim(unit), '%') AS is_percentage,
       aggregation = 'per_inwoners' AS is_rate
FROM indicators
