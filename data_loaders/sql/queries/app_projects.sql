-- Projects touching one gemeente (any of their areas in it; the scope 'NL': any area). A
-- confidential project only for whom may see it: everyone's ($show_confidential), its own
-- organisation's (key in $organisations, as in app_spending.sql) or of a gemeente it touches
-- (code in $gemeenten).
SELECT p.project_id, p.name, p.organisation, p.area_codes, p.start_date, p.end_date,
       p.budget_eur, p.theme, p.output, p.source, p.synthetic, p.confidential
FROM projects p
WHERE (NOT p.confidential OR $show_confidential
       OR list_contains($organisations,
                        trim(regexp_replace(lower(p.organisation), '[^a-z0-9]+', '-', 'g'), '-'))
       OR EXISTS (
           SELECT 1 FROM areas g
           WHERE list_contains($gemeenten, g.gemeente_code)
             AND list_contains(string_split(p.area_codes, ' '), g.code)
       ))
  AND EXISTS (
      SELECT 1 FROM areas a
      WHERE (a.gemeente_code = $gemeente OR ($gemeente = 'NL' AND a.level <> 'gemeente'))
        AND list_contains(string_split(p.area_codes, ' '), a.code)
  )
ORDER BY p.start_date, p.project_id
