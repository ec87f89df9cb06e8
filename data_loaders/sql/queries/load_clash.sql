-- Incoming observations whose key another source already holds.
SELECT o.area_code, o.indicator_id, o.period, o.source
FROM observations o
JOIN _obs i USING (area_code, indicator_id, period)
WHERE o.source <> i.source
