-- Forget the stored years of these gemeenten and of the whole country (before they are counted).
DELETE FROM agg_periods WHERE list_contains($gemeenten, gemeente_code) OR gemeente_code = 'NL'
