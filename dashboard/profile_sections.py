"""The buurtprofiel page's sections: the header figures, what needs attention, the tables per
theme, expected against measured, the Leefbaarometer's parts and the plans for the area.

Layout and words only: the values come from the context (dashboard/asks.py), the rules from
metrics/. No database, no cache.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import components, corporations, i18n, signals, state, tables
from dashboard.context import THEME_LABELS, TYPE_LABELS, TYPE_PLURAL
from metrics import change, expected, profile, references
from metrics.formatting import format_number


def header(ctx, head, code: str) -> None:  # ctx: dashboard.context.Context; head: AreaHeader
    """Three figures: the buurttype (a wijk: its buurten's types), inhabitants, latest year."""
    t, view, areas = state.t, ctx.view, ctx.areas
    c1, c2, c3 = st.columns(3)
    if head.level == "wijk":
        # A wijk has no type of its own: say which types its buurten have.
        members = areas.index[(areas["level"] == "buurt") & (areas["parent_code"] == code)]
        mix = ctx.area_types_now(code).reindex(members).fillna("onbekend").value_counts()
        c1.metric(t("Buurten in deze wijk"), str(len(members)))
        c1.caption(", ".join(f"{n} {t(TYPE_PLURAL.get(b, 'zonder buurttype'))}"
                             for b, n in mix.items()) + f". {ctx.rule_caption()}")
    else:
        # In English the type's full name ('middle-status neighbourhood') does not fit the figure's
        # width and was cut off: the label already says 'Neighbourhood type', so the adjective.
        shown_type = (t(TYPE_LABELS.get(head.buurttype or "", "onbekend")) if view.taal == "nl"
                      else t(head.buurttype or "onbekend"))
        c1.metric(
            t("Buurttype"), shown_type,
            help=t("Hoe dit type is bepaald staat eronder; een type is een keuze met een bron."),
        )
    if head.level != "wijk":
        c1.caption(ctx.rule_caption() if head.buurttype else
                   t("Voor deze buurt is geen buurttype bekend (bijvoorbeeld geen inkomenscijfer).")
                   + " " + ctx.rule_caption())
    c2.metric(
        t("Inwoners ({jaar})", jaar=head.inwoners_year) if head.inwoners_year else t("Inwoners"),
        format_number(head.inwoners, 0) if head.inwoners is not None else "–",
    )
    c2.caption(f"{ctx.source_line('cbs_kwb_2024')}." if head.inwoners is not None else "")
    c3.metric(t("Gegevens tot en met"), str(head.latest_year or "–"))
    c3.caption(t("Nulmeting: {jaar}. Veranderingen worden daartegen afgezet.", jaar=view.nulmeting)
               if view.nulmeting else "")


def attention(ctx, rows: pd.DataFrame, code: str) -> None:
    """What needs attention first: early warnings, unreliable and suppressed figures."""
    t, view = state.t, ctx.view
    warnings = ctx.area_warnings(code)
    shown_warnings = warnings[warnings["severity"] != "laag"] if not warnings.empty else warnings
    low = rows[rows["Betrouwbaarheid"] == "laag"] if not rows.empty else rows
    flags = []
    if not shown_warnings.empty:
        names = dict(zip(ctx.catalogue_nl()["name"], ctx.catalogue["name"], strict=True))
        flags.append(f"**{t('Vroegsignalering')}** ({len(shown_warnings)}):\n" + "\n".join(
            f"- {components.plain(i18n.translate_signal(r, view.taal, names))}"
            for r in shown_warnings["reason"]))
    if not low.empty:
        flags.append(t("**Weinig betrouwbaar** (minder dan 50 respondenten): ")
                     + components.plain(", ".join(low["Indicator"])) + ".")
    suppressed = rows[rows["Onderdrukt"] == "ja"] if not rows.empty else rows
    if not suppressed.empty:
        flags.append(t("**Onderdrukt** (te weinig waarnemingen, niet getoond): ")
                     + components.plain(", ".join(suppressed["Indicator"])) + ".")
    if flags:
        st.subheader(t("Signalen"))
        st.markdown("\n\n".join(flags))


def theme_tables(ctx, head, code: str) -> None:
    """Per theme the area's indicators against the gemeente and its peers, with the sidebar's
    reference as a column, and the whole profile as a download."""
    t, view = state.t, ctx.view
    peer = TYPE_LABELS.get(head.buurttype or "", "")
    # The sidebar's 'Vergelijk met' adds its own column, as on the map and in the trends. The filter
    # changes those values only for references that rank within it.
    buurttype = view.buurttype if view.referentie in tables.SELECTION_REFERENCES else ()
    with st.spinner(t("Waarden in de gekozen vergelijking berekenen…")):
        theme_tables, profile_download = ctx.profile_tables(code, tuple(buurttype))
    for table in theme_tables:
        st.subheader(t(THEME_LABELS[table.theme]))
        if table.theme != "context" and table.outcomes:
            st.caption(
                t("Van de {n} outcome-indicatoren: {beter} beter, {gelijk} zonder aantoonbaar "
                  "verschil en {slechter} slechter dan de gemeente. Lees de indicatoren zelf: een "
                  "telling vervangt ze niet.", n=table.outcomes, beter=table.counts["beter"],
                  gelijk=table.counts["gelijk"], slechter=table.counts["slechter"]),
                help=t(profile.SUMMARY_NOTE),
            )
        st.dataframe(
            components.translated_cells(table.shown, view.taal),
            hide_index=True,
            width="stretch",
            column_config={
                "trend": st.column_config.LineChartColumn(
                    t("Verloop"), help="De waarden van dit gebied per jaar, van oud naar nieuw.",
                    width=80),
                "label": st.column_config.TextColumn(t("Indicator (eenheid)"), width=290),
                "switch": st.column_config.TextColumn(
                    t(references.REFERENCES.get(view.referentie, "")),
                    help=t("De keuze 'Vergelijk met' in de zijbalk, zoals op de kaart en in de "
                           "trends.")),
                "kort": st.column_config.TextColumn(
                    t("Waarde"),
                    help=f"De waarde in {head.latest_year}, tenzij een ander jaar erbij "
                    "staat; (synth.) = synthetisch demogegeven."),
                "verandering_kort": st.column_config.TextColumn(
                    t("Sinds {jaar}", jaar=view.nulmeting) if view.nulmeting
                    else t("Sinds nulmeting"),
                    help=t("Verschil met de nulmeting (of het eerste meetjaar daarna).")),
                "Gemeente": st.column_config.TextColumn(
                    t("Gemeente"),
                    help=t("Het cijfer van de hele gemeente (bij een aantal: het totaal), en of "
                           "dit gebied beter of slechter scoort, of dat er geen aantoonbaar "
                           "verschil is (het verschil valt binnen de onzekerheid van de meting).")),
                "Buurttype": st.column_config.TextColumn(
                    t("Gem. buurttype"),
                    help=t("Gemiddelde van de {typen} in de gemeente (gewogen naar inwoners; "
                           "bij een aantal: gemiddeld per buurt), en de stand ten opzichte "
                           "daarvan.",
                           typen=t(TYPE_PLURAL.get(head.buurttype or "", "")))
                    if peer else t("Er is geen buurttype bekend.")),
                "Oordeel": st.column_config.TextColumn(t("Oordeel"), help=change.SIGNIFICANCE_HELP),
                "Betrouwbaarheid": st.column_config.TextColumn(t("Betrouwbaarheid")),
            },
        )
    st.caption(t(
        "Stand: 'geen aantoonbaar verschil' als het verschil binnen de onzekerheid van de meting "
        "valt "
        "(de 95%-marge, het aantal respondenten of het aantal woningen of inwoners; de marge staat "
        "erbij), anders beter of slechter in de richting die de indicator goed noemt. Verloop: "
        "waarden per jaar. De download bevat alle indicatoren van het profiel, met bron, toets en "
        "respondenten per cijfer."
    ))
    # The download holds no reference column (the sidebar's reference is shown on screen only).
    components.download_buttons(profile_download, f"profiel-{code}")


def expected_and_measured(ctx, head, code: str) -> None:
    t = state.t
    st.subheader(t("Verwacht en gemeten"))
    with st.spinner(t("Verwachte waarden berekenen…")):
        expected_rows, status_id = ctx.area_expected(code)
    if head.level == "wijk":
        st.info(t("Verwacht en gemeten wordt per buurt berekend; kies een buurt van deze wijk."))
    elif status_id is None or expected_rows.empty:
        st.info(t("Voor deze buurt is geen sociaal-economische statusscore (zoals inkomen) "
                  "geladen; "
                  "een verwachte waarde is niet te berekenen."))
    else:
        st.caption(
            t("Wat buurten met een vergelijkbare {status} in {gemeente} gemiddeld scoren, "
              "naast wat "
              "hier gemeten is.", status=ctx.catalogue.loc[status_id, "name"].lower(),
              gemeente=ctx.gemeente_name) + " " + t(expected.NOTE)
        )
        components.table_with_downloads(
            expected_rows, f"verwacht-{code}",
            key=ctx.table_key("verwacht", code))


def leefbaarometer_parts(ctx, scope, code: str) -> None:
    """Which dimensions of the Leefbaarometer moved the score, as bars and a table."""
    t, view = state.t, ctx.view
    st.subheader(t("Leefbaarometer: wat bewoog de score"))
    decomp, start, end = ctx.area_decomposition(code)
    if decomp.empty or decomp["change"].isna().all():
        st.info(t("Er zijn geen twee Leefbaarometerjaren voor dit gebied."))
    else:
        shown = decomp.assign(
            verandering_tekst=[format_number(v, 3, "afwijking") if pd.notna(v) else "–"
                               for v in decomp["change"]],
        )
        components.chart("bar_chart", shown, category="label", value="change",
                         title=t("Verandering per dimensie, {van}–{tot}", van=start, tot=end),
                         x_title=t("Verandering (scorepunten)"), decimals=3, width="stretch",
                         height=240)
        st.caption(t(
            "Hoeveel elke dimensie van de Leefbaarometer veranderde tussen {van} en {tot}; samen "
            "vormen ze de verandering van de score ({totaal} punt). Een balk naar rechts is een "
            "verbetering.", van=start, tot=end,
            totaal=format_number(decomp["total_change"].iloc[0], 2)))
        lbm_meta = scope.obs[(scope.obs["area_code"] == code)
                             & (scope.obs["indicator_id"] == "lbm_score")]
        lbm_source = str(lbm_meta["source"].mode().iloc[0]) if not lbm_meta.empty else ""
        components.table_with_downloads(
            decomp.rename(columns={"label": "Dimensie", "value_from": f"Waarde {start}",
                                   "value_to": f"Waarde {end}", "change": "Verandering",
                                   "share": "Aandeel in de verandering"})
            .drop(columns=["dimension", "total_change"]).round(3).assign(
                Eenheid="afwijking (score)",
                Synthetisch="ja" if bool(lbm_meta["synthetic"].any()) else "nee",
                Bron=ctx.sources["label"].get(lbm_source, lbm_source)),
            f"leefbaarometer-{code}",
            key=ctx.table_key("leefbaarometer", code, view.nulmeting),
        )


def plans(ctx, scope, code: str) -> None:
    """Goals, projects, signals and spending, when loaded. For a wijk: its own and its
    buurten's."""
    t, areas = state.t, ctx.areas
    related = [code, *areas.index[(areas["level"] == "buurt") & (areas["parent_code"] == code)]]
    st.subheader(t("Doelen"))
    goal_table = corporations.goal_rows(scope, ctx.goals(), related)
    if goal_table.empty:
        st.caption(t("Voor dit gebied zijn geen doelen geladen (sjabloon 'doelen' op 'Over de "
                     "data')."))
    else:
        st.caption(t("Doel tegenover wat sinds de nulmeting is gerealiseerd. Op koers: minstens zo "
                     "ver als een rechte lijn van nulmeting naar doel op dit moment zou zijn."))
        components.table_with_downloads(goal_table, f"doelen-{code}")
    st.subheader(t("Projecten"))
    project_table = corporations.project_rows(scope, ctx.projects(), related)
    if project_table.empty:
        st.caption(t("Voor dit gebied zijn geen projecten geladen."))
    else:
        components.table_with_downloads(project_table, f"projecten-{code}")
    signals.profile_panel(ctx, related)
    spend = ctx.spending()
    spend_here = spend[spend["area_code"].isin(related)]
    if not spend_here.empty:
        st.subheader(t("Uitgaven aan leefbaarheid"))
        if spend_here["confidential"].any():
            st.warning(t("Vertrouwelijke gegevens: alleen zichtbaar omdat deze installatie ze "
                         "toont."),
                       icon=":material/lock_open:")
        per_org = spend_here.groupby(["organisation", "year"], as_index=False)["amount_eur"].sum()
        components.table_with_downloads(
            per_org.rename(columns={"organisation": "Organisatie", "year": "Jaar",
                                    "amount_eur": "Uitgaven (euro)"}).assign(
                Synthetisch="ja" if bool(spend_here["synthetic"].any()) else "nee",
                Bron=", ".join(ctx.sources["label"].get(s, s)
                               for s in spend_here["source"].unique())),
            f"uitgaven-{code}",
        )
