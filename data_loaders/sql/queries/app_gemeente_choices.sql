-- The gemeente picker's list as the last load stored it (app_gemeenten, counted then).
SELECT code, name, observations FROM agg_gemeente_choices ORDER BY position
