-- The source of each observation of some areas and indicators (the few series whose signals
-- the build-time aggregates judge: agg_many_signal_series.sql leaves it out).
SELECT area_code, indicator_id, period, source
FROM observations
WHERE list_contains($areas, area_code) AND list_contains($indicators, indicator_id)
