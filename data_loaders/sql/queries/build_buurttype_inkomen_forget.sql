-- The derived income buurttypes (build_buurttype_inkomen.sql: no load of their own) of the buurten
-- of $gemeenten, before a load derives them again from the income as it now is.
DELETE FROM buurttypes
WHERE rule = 'inkomen_gemeente_kwintiel' AND load_id IS NULL
  AND area_code IN (SELECT code FROM areas WHERE list_contains($gemeenten, gemeente_code))
