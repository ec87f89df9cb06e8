-- Leefbaarheid spending in one gemeente's buurten and wijken (the scope 'NL': all of them). A
-- row of a confidential source is returned only to whom may see it: everyone's
-- ($show_confidential, the local user with all rights), its own organisation's (key in
-- $organisations) or all of its gemeente's (code in $gemeenten). The organisation key is the
-- name in lower case, runs of other characters than a-z and 0-9 made one '-'
-- (data_loaders/access.py organisation_key does the same).
SELECT s.organisation, s.area_code, s.year, s.category, s.amount_eur, s.dwellings, s.source,
       s.synthetic, s.confidential
FROM spending s
JOIN areas a ON a.code = s.area_code
WHERE (a.gemeente_code = $gemeente OR ($gemeente = 'NL' AND a.level <> 'gemeente'))
  AND (NOT s.confidential OR $show_confidential
       OR list_contains($gemeenten, a.gemeente_code)
       OR list_contains($organisations,
                        trim(regexp_replace(lower(s.organisation), '[^a-z0-9]+', '-', 'g'), '-')))
ORDER BY s.organisation, s.area_code, s.year, s.category
