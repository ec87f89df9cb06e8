-- Forget the stored gemeente list (before it is counted again).
DELETE FROM agg_gemeente_choices
