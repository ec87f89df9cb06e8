-- A goal is replaced per area, indicator and target year.
DELETE FROM goals
WHERE (area_code, indicator_id, target_period)
      IN (SELECT DISTINCT area_code, indicator_id, target_period FROM _in)
RETURNING area_code
