-- Leefbaarheid spending in one gemeente's buurten and wijken. Rows of a confidential source are
-- returned only when the app is configured to show confidential data ($show_confidential).
SELECT s.organisation, s.area_code, s.year, s.category, s.amount_eur, s.dwellings, s.source,
       s.synthetic, s.confidential
FROM spending s
JOIN areas a ON a.code = s.area_code
WHERE a.gemeente_code = $gemeente
  AND (NOT s.confidential OR $show_confidential)
ORDER BY s.organisation, s.area_code, s.year, s.category
