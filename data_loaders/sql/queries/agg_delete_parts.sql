-- Forget the stored aggregates of these gemeenten (before they are computed again).
DELETE FROM agg_parts WHERE list_contains($gemeenten, gemeente_code)
