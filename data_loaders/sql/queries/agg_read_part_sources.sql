-- The stored used rows per source of the overview parts of one gemeente, buurttype rule and
-- privacy setting, in order (metrics.aggregate.group_parts' second frame).
SELECT type AS "group", indicator_id, period, source, count, regime
FROM agg_part_sources
WHERE gemeente_code = $gemeente AND buurttype_rule = $rule AND min_respondents = $min_respondents
  AND min_inhabitants = $min_inhabitants AND real_only = $real_only
ORDER BY position
