"""The overview page's sections: the headline figures per theme, the early warnings and the goals.

Layout and words only: the values come from the context (dashboard/asks.py), the rules from
metrics/ (the nulmeting year, the headline number, the change's test). No database, no cache.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import components, corporations, i18n, state, tables
from dashboard.context import THEME_LABELS
from metrics import change, references
from metrics import selection as selection_rules


def headline_figures(ctx, sel: pd.DataFrame, gem: pd.DataFrame, rest: pd.DataFrame | None,
                     reference: str, rest_label: str) -> None:  # ctx: dashboard.context.Context
    """Per theme a card per headline figure: the selection's latest value under the reference,
    its tested change since the nulmeting, and what it is compared with (the rest of the
    gemeente, or for the whole gemeente its own nulmeting: rest None)."""
    t, view, cat = state.t, ctx.view, ctx.catalogue
    headline = tuple(cat.index[cat["headline"].astype(bool)])
    changes = ctx.selection_changes(view.buurttype)
    # Plain lookups made once per run: a boolean filter of a frame per card and per figure cost
    # about a third of every national overview rerun.
    rows = _years_of(sel)
    gem_at, rest_at = _values_at(gem), (_values_at(rest) if rest is not None else None)
    for theme, label in THEME_LABELS.items():
        ids = [i for i in headline if cat.loc[i, "theme"] == theme and i != "inwoners"]
        if not ids:
            continue
        st.subheader(t(label))
        for col, ind in zip(st.columns(len(ids)), ids, strict=True):
            present = [r for r in rows.get(ind, []) if r["value"] == r["value"]]  # not NaN
            if not present:
                col.metric(cat.loc[ind, "name"], "–")
                continue
            # changes: the same years as the card's first and last
            _card(ctx, col, ind, present, gem_at, rest_at, reference, rest_label,
                  changes.get(ind))


def _years_of(frame: pd.DataFrame) -> dict[str, list[dict]]:
    """Per indicator its rows (as dicts: period, value, source) in order of year."""
    if frame is None or frame.empty:
        return {}
    ordered = frame.sort_values(["indicator_id", "period"], kind="stable")
    out: dict[str, list[dict]] = {}
    for ind, period, value, source in zip(ordered["indicator_id"], ordered["period"],
                                          ordered["value"], ordered["source"], strict=True):
        out.setdefault(ind, []).append({"period": int(period), "value": float(value),
                                        "source": source})
    return out


def _values_at(frame: pd.DataFrame) -> dict[tuple[str, int], float]:
    """(indicator, year) -> value (the first row of each pair, as a filter's iloc[0] takes)."""
    out: dict[tuple[str, int], float] = {}
    for ind, period, value in zip(frame["indicator_id"], frame["period"], frame["value"],
                                  strict=True):
        out.setdefault((ind, int(period)), value)
    return out


def _card(ctx, col, ind: str, present: list[dict], gem_at: dict, rest_at: dict | None,
          reference: str, rest_label: str, found: pd.Series | None) -> None:
    t, view = state.t, ctx.view
    row = ctx.catalogue.loc[ind]
    last = present[-1]
    start = change.nulmeting_period([r["period"] for r in present], view.nulmeting)
    first = next(r for r in present if r["period"] == start)
    ref = gem_at.get((ind, last["period"]))
    gem_value = float(ref) if ref is not None else None
    shown, kind = selection_rules.headline_value(
        float(last["value"]), gem_value, float(first["value"]), reference
    )
    one_year = int(first["period"]) == int(last["period"])
    words, colour, arrow = tables.delta_style(found, str(row["direction"]))

    def number(value: float | None, how: str = "waarde") -> str:
        return i18n.translate_number_text(references.format_shown(value, how, row), view.taal)

    # Under another reference the number is no value: the label says what it is.
    what = "" if kind == "waarde" else f" · {t(references.REFERENCES[kind])}"
    col.metric(
        f"{row['name']} ({int(last['period'])}){what}",
        number(shown, kind),
        delta=None if one_year else number(last["value"] - first["value"], "verschil_gemeente")
        + " " + t("sinds {jaar}", jaar=int(first["period"])) + f" ({t(words)})",
        delta_color=colour, delta_arrow=arrow,
        help=t(tables.HEADLINE_HELP[kind]),
    )
    if rest_at is None and one_year:
        # One measurement is no nulmeting: a card saying 'Nulmeting 2023: 64,1' beside the
        # 2023 value would suggest a comparison that was never made.
        against = t("Eén meting ({jaar}); nog geen verandering.", jaar=int(last["period"]))
    elif rest_at is None:
        against = t("Nulmeting {jaar}: {waarde}.", jaar=int(first["period"]),
                    waarde=references.format_shown(first["value"], "waarde", row))
    else:
        against = (rest_label + ": " + references.format_shown(
            rest_at.get((ind, last["period"])), "waarde", row) + ". "
            + t("Gemeente: {waarde}.",
                waarde=references.format_shown(gem_value, "waarde", row)))
    # The source of the values shown, not the indicator's usual source: demo values are
    # synthetic even where the catalogue names a real survey.
    col.caption(i18n.translate_number_text(against, view.taal)
                + f" {ctx.source_line(str(last['source']))}.")


def early_warnings(ctx) -> pd.DataFrame:
    """The buurten of the selection with a signal, listed (at most 12) and as a download; returns
    the signals shown, for the panel that sets them beside residents' signals."""
    t, view, cat = state.t, ctx.view, ctx.catalogue
    # The cached filter (area code -> inside), not a list: a national selection has 12.000 buurten.
    inside = ctx.in_filter("buurt")
    with st.spinner(t("Vroegsignalering berekenen…")):
        signals = pd.concat([
            ctx.early_warnings().assign(signaal="verslechterd"),
            ctx.improvements().assign(signaal="verbeterd"),
        ], ignore_index=True)
    signals = signals[signals["area_code"].map(inside).fillna(False).astype(bool).to_numpy()]
    if signals.empty:
        st.success(t("Geen buurten met een signaal in de selectie."))
    else:
        st.caption(t("Buurten waar een outcome-indicator statistisch betekenisvol verslechterde of "
                     "verbeterde, of een signaalwaarde overschreed. Een signaal is een reden om te "
                     "kijken, geen oordeel."))
        # Value, unit, source and marker per row, so the download stands on its own.
        table = signals.assign(
            Buurt=signals["area_code"].map(ctx.areas["name"]),
            Indicator=signals["indicator_id"].map(cat["name"]),
            Eenheid=signals["indicator_id"].map(cat["unit"]),
            Synthetisch=signals["synthetic"].eq(True).map({True: "ja", False: "nee"}),
            Bron=tables.source_text(signals["source"], ctx.sources).to_numpy(),
        )
        # Worsenings first within each buurt; buurten in the order of their firmest warning.
        table = table.sort_values("signaal", kind="stable", ascending=False)
        order = {b: i for i, b in enumerate(dict.fromkeys(
            table.loc[table["signaal"] == "verslechterd", "Buurt"].tolist()
            + table["Buurt"].tolist()))}
        table = table.sort_values(["Buurt"], key=lambda c: c.map(order), kind="stable")
        names = dict(zip(ctx.catalogue_nl()["name"], cat["name"], strict=True))
        marks = {"verslechterd": "▼ " + t("verslechterd"), "verbeterd": "▲ " + t("verbeterd")}
        listed = list(table.groupby("Buurt", sort=False))[:12]
        for buurt, rows in listed:
            # A generated value says so where it is read, not only in the download.
            reasons = "\n".join(
                f"- {marks[k]}: {components.plain(i18n.translate_signal(r, view.taal, names))}"
                + (" (synth.)" if synthetic == "ja" else "")
                for k, r, synthetic in zip(rows["signaal"], rows["reason"], rows["Synthetisch"],
                                           strict=True))
            st.markdown(f"**{components.plain(str(buurt))}**\n{reasons}")
        if any((rows["Synthetisch"] == "ja").any() for _, rows in listed):
            st.caption(t("(synth.): synthetisch demogegeven, geen echte meting."))
        # By attribution, as under the figures above ('CBS', 'Synthetic demo data'), in the
        # language.
        components.sources_footer([ctx.source_line(str(key)).removeprefix("Bron: ")
                                   .removeprefix("Source: ")
                                   for _, rows in listed for key in rows["source"].dropna()])
        if table["Buurt"].nunique() > 12:
            st.caption(t("En nog {n} buurten: zie de download.", n=table["Buurt"].nunique() - 12))
        # One presentation: the list above; the same rows (all of them) as a file.
        components.download_buttons(
            table[["Buurt", "signaal", "Indicator", "reason", "severity", "period", "value",
                   "Eenheid", "Synthetisch", "Bron"]].rename(
                columns={"signaal": "Signaal", "reason": "Reden", "severity": "Ernst",
                         "period": "Jaar", "value": "Gemeten waarde"}),
            "vroegsignalering",
        )
    return signals


def goals(ctx, members: list[str]) -> None:
    """The goals of the selection's buurten (and of wijken and the gemeente) with their status."""
    t = state.t
    goal_frame = ctx.goals()
    scope_all = ctx.scope() if not goal_frame.empty else None  # every indicator: only when needed
    goal_table = (corporations.goal_rows(scope_all, goal_frame) if scope_all is not None
                  else pd.DataFrame())
    if goal_table.empty:
        st.caption(t("Er zijn geen doelen geladen. Download het sjabloon 'doelen' op 'Over de "
                     "data'."))
    else:
        in_selection = goal_table["Code"].isin(members) | ~goal_table["Code"].isin(
            scope_all.areas.loc[scope_all.areas["level"] == "buurt", "code"])
        shown = goal_table[in_selection]
        counts = shown["Status"].value_counts()
        st.caption(
            t("Doel tegenover wat sinds de nulmeting is gerealiseerd, voor de gebieden in de "
              "selectie: {telling}. Op koers: minstens zo ver als een rechte lijn van nulmeting "
              "naar doel op dit moment zou zijn.",
              telling=", ".join(f"{n} {t(status)}" for status, n in counts.items()))
        )
        components.table_with_downloads(shown, "doelen")
