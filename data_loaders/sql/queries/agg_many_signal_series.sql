-- The observations of every series (area, outcome indicator with a direction) in agg_rows
-- (agg_prepare_rows.sql) that may give an early warning or an improvement in its gemeente's latest
-- outcome year, for metrics.early_warning to judge exactly. A wide net, never a narrower one: a
-- change whose test statistic comes near significance (|z| > $z_near under any test that could
-- apply). (Two small steps down make a warning of severity 'laag', which is not stored.)
-- The latest year counts generated and suppressed values too, as app_periods does.
-- group_code is the gemeente, or 'NL' for a series the country judges in a later year than its
-- gemeente does (only when 'NL' is asked); nation_latest is the country's latest year.
WITH years AS (
    SELECT a.gemeente_code, a.level, max(o.period) AS latest
    FROM observations o
    JOIN areas a ON a.code = o.area_code
    JOIN indicators i ON i.id = o.indicator_id
    WHERE i.result = 'outcome'
      AND (list_contains($gemeenten, a.gemeente_code) OR list_contains($gemeenten, 'NL'))
    GROUP BY ALL
), latest AS (  -- by the gemeente's key in agg_rows (agg_prepare_gemeenten.sql)
    SELECT g.gemeente_key, max(y.latest) AS latest
    FROM years y
    JOIN agg_gemeenten g ON g.gemeente_code = y.gemeente_code
    GROUP BY ALL
), nation AS (
    SELECT max(latest) AS latest FROM years WHERE level <> 'gemeente'
), testable AS (
    -- Only rows a test below can use: a percentage or rate with its n, or a value with its
    -- margins. A series whose row before the latest is not testable was never near; leaving such
    -- rows out may only make its earlier testable row 'before' (a wider net, judged exactly).
    SELECT r.*
    FROM agg_rows r
    JOIN agg_indicators i USING (indicator_key)
    WHERE r.judged AND r.ok
      AND ((r.n > 0 AND (i.is_percentage OR i.is_rate)) OR r.ci_high >= r.ci_low)
), grouped AS (
    SELECT r.gemeente_key AS group_key, l.latest, r.*
    FROM testable r
    JOIN latest l ON l.gemeente_key = r.gemeente_key
    UNION ALL
    SELECT 0 AS group_key, n.latest, r.*  -- the country: key 0
    FROM testable r
    JOIN latest l ON l.gemeente_key = r.gemeente_key
    CROSS JOIN nation n
    WHERE list_contains($gemeenten, 'NL') AND NOT r.is_gemeente AND l.latest <> n.latest
), last2 AS (
    -- per series its value in the latest year and the one before it (a series has one row per
    -- year); two single arg_max aggregates are far cheaper than one that keeps the top two
    SELECT group_key, area_key, indicator_key, any_value(latest) AS latest,
           max(period) AS p2,
           arg_max(struct_pack(value, n, ci_low, ci_high), period) AS now,
           arg_max(struct_pack(value, n, ci_low, ci_high), period) FILTER (WHERE period < latest)
               AS before
    FROM grouped
    WHERE period <= latest
    GROUP BY ALL
), steps AS (
    SELECT group_key, area_key, indicator_key, latest, p2,
           now.value AS v2, now.n AS n2, now.ci_low AS lo2, now.ci_high AS hi2,
           before.value AS v1, before.n AS n1, before.ci_low AS lo1, before.ci_high AS hi1,
           before IS NOT NULL AS measured
    FROM last2
), measured AS (
    SELECT s.*,
           -- two proportions (percentages with n)
           CASE WHEN i.is_percentage AND s.n1 > 0 AND s.n2 > 0 THEN
               (s.v1 / 100 * s.n1 + s.v2 / 100 * s.n2) / (s.n1 + s.n2) END AS pooled,
           -- rates per 1.000 with their population base
           CASE WHEN i.is_rate AND s.n1 > 0 AND s.n2 > 0 THEN
               (s.v1 * s.n1 / 1000 + s.v2 * s.n2 / 1000) / (s.n1 + s.n2) END AS pooled_rate,
           CASE WHEN s.hi1 >= s.lo1 AND s.hi2 >= s.lo2 THEN
               sqrt(pow((s.hi1 - s.lo1) / (2 * 1.96), 2) + pow((s.hi2 - s.lo2) / (2 * 1.96), 2))
           END AS se_margins
    FROM steps s
    JOIN agg_indicators i USING (indicator_key)
    WHERE s.p2 = s.latest AND s.measured
), near AS (
    SELECT group_key, area_key, indicator_key, latest
    FROM measured
    WHERE (pooled * (1 - pooled) > 0
           AND abs((v2 - v1) / 100) > $z_near * sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2)))
       OR (pooled_rate > 0
           AND abs(v2 / 1000 - v1 / 1000) > $z_near * sqrt(pooled_rate * (1 / n1 + 1 / n2)))
       OR (se_margins > 0 AND abs(v2 - v1) > $z_near * se_margins)
)
SELECT g.gemeente_code AS group_code, n.latest, (SELECT latest FROM nation) AS nation_latest,
       r.is_gemeente,
       a.area_code, i.indicator_id, r.period, r.value, r.n, r.ci_low, r.ci_high, r.suppressed,
       r.synthetic
FROM agg_rows r
JOIN near n ON n.area_key = r.area_key AND n.indicator_key = r.indicator_key
JOIN agg_areas a ON a.area_key = r.area_key
JOIN agg_indicators i ON i.indicator_key = r.indicator_key
JOIN agg_gemeenten g ON g.gemeente_key = n.group_key
ORDER BY g.gemeente_code, i.indicator_id, a.area_code, r.period
