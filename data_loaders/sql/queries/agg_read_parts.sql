-- The stored overview parts per buurttype of one gemeente, buurttype rule and privacy setting,
-- in order (metrics.aggregate.group_parts' first frame; `type` is its column `group`).
SELECT type AS "group", indicator_id, period, rows, ok, ok_v, ok_n, ok_n_count, hw, hw_wv, hw_w,
       hw_n, hw_n_count, ok_syn, hw_syn, any_suppressed, is_sum
FROM agg_parts
WHERE gemeente_code = $gemeente AND buurttype_rule = $rule AND min_respondents = $min_respondents
  AND min_inhabitants = $min_inhabitants AND real_only = $real_only
ORDER BY position
