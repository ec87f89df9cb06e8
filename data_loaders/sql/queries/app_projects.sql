-- Projects touching one gemeente (any of their areas in it); confidential ones only when shown.
SELECT p.project_id, p.name, p.organisation, p.area_codes, p.start_date, p.end_date,
       p.budget_eur, p.theme, p.output, p.source, p.synthetic, p.confidential
FROM projects p
WHERE (NOT p.confidential OR $show_confidential)
  AND EXISTS (
      SELECT 1 FROM areas a
      WHERE a.gemeente_code = $gemeente
        AND list_contains(string_split(p.area_codes, ' '), a.code)
  )
ORDER BY p.start_date, p.project_id
