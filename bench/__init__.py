"""The benchmark at national scale (python -m bench); see README "Snelheid"."""

# The corporation of the benchmark (fictitious): its leefbaarheid spending per buurt and year, for
# the Corporaties page. Here and not in bench.dataset, so that bench.measure can name it without
# importing pandas before it times a page (a real server has not imported pandas either).
ORGANISATION = "Corporatie Meetbank (fictief)"
