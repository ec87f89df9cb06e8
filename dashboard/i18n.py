"""English for the interface: a Dutch text (or template) in, the same in English out. Pure.

Dutch is the product's language; English is offered for staff and researchers who do not read
it. Domain terms follow CBS's own English: buurt = neighbourhood, wijk = district, gemeente =
municipality, Kerncijfers wijken en buurten = Key figures for districts and neighbourhoods.
Numbers and dates stay in Dutch notation in both languages (one notation for every export).
A text without an entry stays Dutch; tests/dashboard/test_i18n.py checks every call site has one.
"""

from __future__ import annotations

LANGUAGES = {"nl": "Nederlands", "en": "English"}

EN: dict[str, str] = {
    # Navigation and sidebar
    "Overzicht": "Overview",
    "Kaart": "Map",
    "Buurtprofiel": "Neighbourhood profile",
    "Vergelijken": "Compare",
    "Trends": "Trends",
    "Over de data": "About the data",
    "Briefing": "Briefing",
    "Corporaties en uitgaven": "Housing associations and spending",
    "Taal / Language": "Taal / Language",
    "Gemeente": "Municipality",
    "Niveau": "Level",
    "Buurten": "Neighbourhoods",
    "Wijken": "Districts",
    "Buurttype": "Neighbourhood type",
    "Toon alleen buurten van deze typen. Gebieden buiten het filter blijven grijs zichtbaar op de "
    "kaart.": "Show only neighbourhoods of these types. Areas outside the filter stay visible in "
    "grey on the map.",
    "Indeling in buurttypen": "Neighbourhood typology",
    "Thema": "Theme",
    "Indicator": "Indicator",
    "Jaar": "Year",
    "Nulmeting (basisjaar)": "Baseline (base year)",
    "Het jaar waartegen veranderingen en de index worden afgezet.": "The year against which "
    "changes and the index are measured.",
    "Vergelijk met": "Compare with",
    "Bepaalt wat de kaart, de trends en het overzicht tonen: de waarde zelf, het verschil met de "
    "gemeente of met buurten van hetzelfde type, een index ten opzichte van de nulmeting, een "
    "z-score of een percentielrang.": "Sets what the map, the trends and the overview show: the "
    "value itself, the difference from the municipality or from neighbourhoods of the same type, "
    "an index against the baseline, a z-score or a percentile rank.",
    "Deel deze weergave": "Share this view",
    "Wie deze link opent, ziet precies deze pagina met deze keuzes.": "Whoever opens this link "
    "sees exactly this page with these choices.",
    "Buurtmonitor": "Neighbourhood monitor",
    # Themes, buurttypes, references
    "Leefbaarheid": "Liveability",
    "Veiligheid": "Safety",
    "Contact (sociale samenhang)": "Contact (social cohesion)",
    "Participatie": "Participation",
    "Context (sociaal-economisch)": "Context (socio-economic)",
    "achterstandsbuurten": "disadvantaged neighbourhoods",
    "middenstandsbuurten": "middle-status neighbourhoods",
    "voorstandsbuurten": "advantaged neighbourhoods",
    "achterstandsbuurt": "disadvantaged neighbourhood",
    "middenstandsbuurt": "middle-status neighbourhood",
    "voorstandsbuurt": "advantaged neighbourhood",
    "Waarde": "Value",
    "Verschil met de gemeente": "Difference from the municipality",
    "Verschil met vergelijkbare buurten (zelfde buurttype)": "Difference from similar "
    "neighbourhoods (same type)",
    "Index, nulmeting = 100": "Index, baseline = 100",
    "Z-score binnen de selectie": "Z-score within the selection",
    "Percentielrang binnen de selectie": "Percentile rank within the selection",
    # Buurtprofiel
    "Zoek een buurt of wijk": "Search a neighbourhood or district",
    "Typ een deel van de naam, bijvoorbeeld 'Klarendal'": "Type part of the name, for example "
    "'Klarendal'",
    "Of klik op de Kaart op een buurt: dan opent hier haar profiel.": "Or click a neighbourhood "
    "on the Map: its profile opens here.",
    "Buurt of wijk": "Neighbourhood or district",
    "Kies een buurt of wijk": "Choose a neighbourhood or district",
    "Kies hierboven een buurt of wijk, of klik op de Kaart op een buurt.": "Choose a "
    "neighbourhood or district above, or click a neighbourhood on the Map.",
    "{naam} (wijk)": "{naam} (district)",
    "{naam} (buurt in {wijk})": "{naam} (neighbourhood in {wijk})",
    "Buurt in wijk {wijk}": "Neighbourhood in district {wijk}",
    "Wijk": "District",
    "Buurten in deze wijk": "Neighbourhoods in this district",
    "Inwoners ({jaar})": "Inhabitants ({jaar})",
    "Inwoners": "Inhabitants",
    "Gegevens tot en met": "Data up to and including",
    "Nulmeting: {jaar}. Veranderingen worden daartegen afgezet.": "Baseline: {jaar}. Changes are "
    "measured against it.",
    "Signalen": "Signals",
    "Verwacht en gemeten": "Expected and observed",
    "Leefbaarometer: wat bewoog de score": "Leefbaarometer: what moved the score",
    "Indicator (eenheid)": "Indicator (unit)",
    "Verloop": "Over time",
    "Gem. buurttype": "Avg. neighbourhood type",
    "Oordeel": "Verdict",
    "Betrouwbaarheid": "Reliability",
    "Sinds {jaar}": "Since {jaar}",
    "Sinds nulmeting": "Since baseline",
    # Vergelijken
    "Gebieden (2 tot 5 buurten of wijken)": "Areas (2 to 5 neighbourhoods or districts)",
    "Kies buurten of wijken": "Choose neighbourhoods or districts",
    "Kies minstens twee gebieden om ze naast elkaar te zetten (bijvoorbeeld twee buurten en hun "
    "wijk).": "Choose at least two areas to put side by side (for example two neighbourhoods and "
    "their district).",
    "Grafiek: {thema}": "Chart: {thema}",
    "{thema}: de gekozen gebieden naast elkaar": "{thema}: the chosen areas side by side",
    "Opvallend": "Notable",
    # Overzicht
    "Overzicht {naam}": "Overview {naam}",
    "Vroegsignalering": "Early warning",
    "Selectie: {keuze}.": "Selection: {keuze}.",
    "'{keuze}' vergelijkt gebieden onderling; voor de selectie als geheel toont het overzicht "
    "daarom de waarde zelf. Zie de Kaart voor deze vergelijking.": "'{keuze}' compares areas with "
    "each other; for the selection as a whole the overview therefore shows the value itself. See "
    "the Map for this comparison.",
    "Geen buurten met een signaal in de selectie.": "No neighbourhoods with a signal in the "
    "selection.",
    "Buurten waar een outcome-indicator statistisch betekenisvol verslechterde of een "
    "signaalwaarde overschreed. Een signaal is een reden om te kijken, geen oordeel.": ""
    "Neighbourhoods where an outcome indicator worsened significantly or passed a signal value. "
    "A signal is a reason to look, not a judgement.",
    "Er zijn geen doelen geladen. Download het sjabloon 'doelen' op 'Over de data'.": "No goals "
    "are loaded. Download the 'doelen' template on 'About the data'.",
    "Doel tegenover wat sinds de nulmeting is gerealiseerd, voor de gebieden in de selectie: "
    "{telling}. Op koers: minstens zo ver als een rechte lijn van nulmeting naar doel op dit "
    "moment zou zijn.": "Goal against what has been realised since the baseline, for the areas in "
    "the selection: {telling}. On track: at least as far as a straight line from baseline to goal "
    "would be by now.",
    "En nog {n} buurten: zie de tabel.": "And {n} more neighbourhoods: see the table.",
    "Gemeente: {waarde}.": "Municipality: {waarde}.",
    "sinds {jaar}": "since {jaar}",
    "behaald": "reached",
    "op koers": "on track",
    "achter": "behind",
    "geen gegevens": "no data",
    "buurt": "neighbourhood",
    "wijk": "district",
    # Trends
    # Kaart
    "lager dan {a}": "below {a}",
    "{a} of hoger": "{a} or higher",
    "{a} tot {b}": "{a} to {b}",
    "gunstig": "favourable",
    "ongunstig": "unfavourable",
    "Deze weergave bevat **synthetische demogegevens**: gegenereerde waarden, geen echte "
    "metingen. Ze zijn gemarkeerd met 'synthetisch' in tabellen, tooltips en downloads.":
    "This view contains **synthetic demo data**: generated values, not real measurements. They "
    "are marked 'synthetisch' (synthetic) in tables, tooltips and downloads.",
    "Kaart: {naam}": "Map: {naam}",
    "Voor dit niveau zijn geen grenzen geladen. Laad een GeoJSON- of TopoJSON-bestand.":
    "No boundaries are loaded for this level. Load a GeoJSON or TopoJSON file.",
    "Kaart van {naam} per {niveau}: {titel}, {jaar}.": "Map of {naam} by {niveau}: {titel}, "
    "{jaar}.",
    "Grijs: buiten het buurttypefilter. Wit: geen gegevens of onderdrukt. Klik op een gebied om "
    "zijn buurtprofiel te openen.": "Grey: outside the neighbourhood type filter. White: no data "
    "or suppressed. Click an area to open its profile.",
    "buiten het buurttypefilter": "outside the neighbourhood type filter",
    "geen gegevens of onderdrukt": "no data or suppressed",
    "Tabel bij de kaart": "Table for the map",
    "{n} gebieden in het filter: zo'n grote tabel verschijnt alleen op verzoek. De downloads "
    "bevatten ze allemaal.": "{n} areas in the filter: a table this large is shown only on "
    "request. The downloads hold all of them.",
    "Toon de tabel": "Show the table",
    "Trends: {naam}": "Trends: {naam}",
    "Gebieden (maximaal 5)": "Areas (at most 5)",
    "Voor deze keuze zijn geen waarden beschikbaar.": "There are no values for this choice.",
    "Gemeente {naam}": "Municipality {naam}",
    "Gemiddelde {typen}": "Average {typen}",
    "Banden tonen de 95%-marge waar bekend.": "Bands show the 95% margin where known.",
    "Lijnen per jaar: de gekozen gebieden, de gemeente en het gemiddelde per buurttype (gewogen "
    "naar inwoners).": "Lines per year: the chosen areas, the municipality and the average per "
    "neighbourhood type (weighted by population).",
    "Grijze vlakken: de looptijd van {n} projecten in de gekozen gebieden, met een lijn bij de "
    "start (zie de tabel eronder).": "Grey areas: the running time of {n} projects in the chosen "
    "areas, with a line at the start (see the table below).",
    # Login and roles (dashboard/access.py)
    "Uw inlog is verlopen. Log opnieuw in om meer te zien dan de openbare gegevens.": "Your login "
    "has expired. Log in again to see more than the public data.",
    "Uw rollen konden niet worden gelezen, dus u ziet alleen de openbare gegevens. Vraag de "
    "beheerder het rollenbestand te herstellen: {fout}": "Your roles could not be read, so you see "
    "only the public data. Ask the administrator to fix the role file: {fout}",
    "Log in met het account van uw organisatie om de buurtmonitor te gebruiken. Lukte het inloggen "
    "niet of werd het geweigerd? Probeer het opnieuw; blijft het mislukken, vraag dan de beheerder "
    "van de buurtmonitor om toegang.": "Log in with your organisation's account to use the "
    "neighbourhood monitor. Did the login fail or was it refused? Try again; if it keeps failing, "
    "ask the monitor's administrator for access.",
    "Inloggen": "Log in",
    "Uitloggen": "Log out",
    "Geen inlog ingesteld: de app draait in lokale modus voor één gebruiker, die gegevens mag "
    "laden. Vertrouwelijke gegevens (uitgaven) ziet die gebruiker alleen als de app is gestart met "
    "BUURTMONITOR_TOON_VERTROUWELIJK=1; nu: {stand}. Zie de README voor inloggen met het account "
    "van uw organisatie.": "No login configured: the app runs in local mode for one user, who may "
    "load data. That user sees confidential data (spending) only when the app was started with "
    "BUURTMONITOR_TOON_VERTROUWELIJK=1; now: {stand}. See the README for logging in with your "
    "organisation's account.",
    "zichtbaar": "shown",
    "verborgen": "hidden",
    "Ingelogd als {naam}. Rollen: {rollen}.": "Logged in as {naam}. Roles: {rollen}.",
    "Niet ingelogd: u ziet de openbare gegevens. Log in voor de vertrouwelijke gegevens van uw "
    "organisatie. Werd het inloggen geweigerd of is het verlopen? Probeer het opnieuw of vraag de "
    "beheerder om toegang.": "Not logged in: you see the public data. Log in for your "
    "organisation's confidential data. Was the login refused or has it expired? Try again or ask "
    "the administrator for access.",
    "Gegevens laden en verwijderen, en het overzicht van wat er geladen is, zijn er alleen voor "
    "beheerders van de buurtmonitor.": "Loading and deleting data, and the record of what was "
    "loaded, are for the monitor's administrators only.",
    "Uitgaven zijn vertrouwelijk. U ziet alleen de uitgaven die uw rol toestaat: na inloggen die "
    "van uw eigen organisatie (of, voor de gemeente, alle uitgaven in de gemeente).": "Spending is "
    "confidential. You see only the spending your role allows: after logging in, your own "
    "organisation's (or, for the municipality, all spending in the municipality).",
    "Van {organisatie} zijn geen uitgaven geladen die u mag zien.": "No spending of {organisatie} "
    "that you may see has been loaded.",
    "Rollen": "Roles",
    "Er is geen inlog ingesteld, dus er gelden geen rollen (lokale modus).": "No login is "
    "configured, so no roles apply (local mode).",
    "Rollenbestand: {pad} ({stand}). Groepsclaim: {claim}. Wie nergens voorkomt, krijgt: "
    "{standaard}.": "Role file: {pad} ({stand}). Groups claim: {claim}. Anyone not listed gets: "
    "{standaard}.",
    "gevonden": "found",
    "ontbreekt": "missing",
    "gebruiker": "user",
    "groep": "group",
    "Soort": "Kind",
    "Wie": "Who",
    "Rol": "Role",
    # Corporaties en uitgaven
    "Organisatie": "Organisation",
    "Uitgaven": "Spending",
    "Buurten met veel gelijktijdige projecten": "Neighbourhoods with many simultaneous projects",
    "Kies een organisatie": "Choose an organisation",
    "Nergens lopen drie of meer projecten van verschillende organisaties tegelijk.": "Nowhere do "
    "three or more projects of different organisations run at the same time.",
    "Wat woningcorporaties en de gemeente aan leefbaarheid uitgeven, in welke buurten, en hoe die "
    "buurten zich ontwikkelden naast vergelijkbare buurten.": "What housing associations and the "
    "municipality spend on liveability, in which neighbourhoods, and how those neighbourhoods "
    "developed next to comparable ones.",
    "Uitgaven {jaar}": "Spending {jaar}",
    "Per woning {jaar}": "Per dwelling {jaar}",
    "Per inwoner {jaar}": "Per inhabitant {jaar}",
    "Buurten {jaar}": "Neighbourhoods {jaar}",
    "Uitgaven van {organisatie} per jaar en categorie, in euro. Bron: {bron}. De tabellen eronder "
    "geven dezelfde cijfers per jaar en per categorie.": "Spending of {organisatie} per year and "
    "category, in euro. Source: {bron}. The tables below give the same figures per year and per "
    "category.",
    "Per buurt": "Per neighbourhood",
    "Hoe ontwikkelden deze buurten zich?": "How did these neighbourhoods develop?",
    "Vertrouwelijke gegevens: deel deze pagina en haar downloads alleen binnen de afspraken over "
    "deze bron.": "Confidential data: share this page and its downloads only within the "
    "agreements on this source.",
    "Uitgaven in de buurten waar het aantal woningen van de organisatie bekend is, gedeeld door "
    "die woningen.": "Spending in the neighbourhoods where the organisation's number of dwellings "
    "is known, divided by those dwellings.",
    "Uitgaven gedeeld door de inwoners van de buurten waar is uitgegeven.": "Spending divided by "
    "the inhabitants of the neighbourhoods where it was spent.",
    "Bedragen in euro, nominaal (niet voor inflatie gecorrigeerd).": "Amounts in euro, nominal "
    "(not corrected for inflation).",
    "Te weinig metingen om de ontwikkeling te vergelijken.": "Too few measurements to compare the "
    "development.",
    "Dit is een vergelijking, geen bewijs van effect: buurten met en zonder uitgaven kunnen ook op "
    "andere punten verschillen, en andere organisaties en ontwikkelingen spelen mee.": "This is a "
    "comparison, not proof of an effect: neighbourhoods with and without spending may differ in "
    "other ways too, and other organisations and developments play a part.",
    # Over de data
    "Elke indicator hieronder heeft een definitie, een eenheid, een richting (is hoger beter?), "
    "een bron en een licentie. **Objectief** betekent geregistreerd of gemeten, **subjectief** "
    "gaat over de beleving van bewoners. **Output** is wat er gedaan is (activiteiten, "
    "initiatieven), **outcome** is wat het oplevert voor bewoners. Cijfers zijn geen oorzaken.": ""
    "Every indicator below has a definition, a unit, a direction (is higher better?), a source "
    "and a licence. **Objectief** (objective) means registered or measured, **subjectief** "
    "(subjective) is about how residents experience it. **Output** is what was done (activities, "
    "initiatives), **outcome** is what it yields for residents. Figures are not causes. The "
    "table keeps CBS's Dutch terms.",
    "Indicatoren": "Indicators",
    "Buurttypen": "Neighbourhood types",
    "Het buurttype is een oordeel met een bron. Er bestaat geen vaste drempel: elke grens is een "
    "keuze. Standaard deelt de monitor buurten in naar sociaal-economische status (inkomen per "
    "inwoner, binnen de gemeente): de laagste 20% van de buurten heet **achterstandsbuurt**, de "
    "hoogste 20% **voorstandsbuurt**, de rest **middenstandsbuurt**. Een gemeente kan haar eigen "
    "lijst laden; kies de indeling in de zijbalk.": "A neighbourhood type is a judgement with a "
    "source. There is no fixed threshold: every boundary is a choice. By default the monitor "
    "groups neighbourhoods by socio-economic status (income per inhabitant, within the "
    "municipality): the lowest 20% are **achterstandsbuurten** (disadvantaged), the highest 20% "
    "**voorstandsbuurten** (advantaged), the rest **middenstandsbuurten** (middle). A "
    "municipality can load its own list; choose the typology in the sidebar.",
    "Wat is er geladen": "What has been loaded",
    "Privacy: waarden op minder dan {respondenten} respondenten of voor gebieden met minder dan "
    "{inwoners} inwoners worden niet getoond en niet gedownload.": "Privacy: values resting on "
    "fewer than {respondenten} respondents, or for areas with fewer than {inwoners} inhabitants, "
    "are neither shown nor downloaded.",
    "Gegevens laden": "Load data",
    "Laad een bestand zoals u het downloadt: een CBS-export (StatLine CSV, open-datatabel of "
    "kwb-bestand), Leefbaarometer 3.0, grenzen (GeoJSON of TopoJSON, WGS84 of RD New) of een eigen "
    "sjabloon. Het bestand wordt eerst gecontroleerd; u ziet wat er verandert voordat het wordt "
    "geladen. Een afgekeurd bestand verandert niets.": "Load a file as you download it: a CBS "
    "export (StatLine CSV, open data table or kwb file), Leefbaarometer 3.0, boundaries (GeoJSON "
    "or TopoJSON, WGS84 or RD New) or one of the own-data templates. The file is checked first; "
    "you see what will change before it is loaded. A rejected file changes nothing.",
    "Sjabloon voor eigen gegevens": "Template for own data",
    "Download sjabloon (CSV)": "Download template (CSV)",
    "Bestand om te laden": "File to load",
    # Briefing
    "Kies buurttypen": "Choose neighbourhood types",
    "Eén of twee A4-pagina's in gewone taal voor een wethouder: kerncijfers per thema, een kaart, "
    "de grootste veranderingen, signalen en de bronnen. Voor de gekozen gemeente, wijk of buurt en "
    "het buurttypefilter in de zijbalk.": "One or two A4 pages in plain language for an alderman: "
    "key figures per theme, a map, the largest changes, signals and the sources. For the chosen "
    "municipality, district or neighbourhood and the neighbourhood-type filter in the sidebar. "
    "The PDF itself is in Dutch.",
    "Waarover gaat de briefing?": "What is the briefing about?",
    "Download de briefing (PDF)": "Download the briefing (PDF)",
    "Of druk deze pagina af (Ctrl+P): de zijbalk en knoppen vallen dan weg.": "Or print this page "
    "(Ctrl+P): the sidebar and buttons are left out.",
    "Per thema": "Per theme",
    "Over deze cijfers": "About these figures",
    "Bronnen": "Sources",
    "De hele gemeente ({naam})": "The whole municipality ({naam})",
    "Let op: synthetische demogegevens. De cijfers zijn gegenereerd om de monitor te laten zien; "
    "het zijn geen echte metingen.": "Note: synthetic demo data. The figures were generated to "
    "show the monitor; they are not real measurements.",
    "Voor deze selectie zijn geen kerncijfers beschikbaar.": "There are no key figures for this "
    "selection.",
    "Waarde: het gemiddelde van de buurten van deze briefing, gewogen naar inwoners waar het om "
    "een aandeel of een cijfer per inwoner gaat. Referentie: de gemeente in hetzelfde jaar. "
    "Verloop: paars de selectie, grijs gestreept de gemeente.": "Value: the average of the "
    "neighbourhoods in this briefing, weighted by population for shares and rates. Reference: the "
    "municipality in the same year. Trend: purple the selection, dashed grey the municipality.",
    "Grootste verbeteringen": "Largest improvements",
    "Grootste achteruitgang": "Largest declines",
    "Doelen": "Goals",
    "Lopende en recente projecten": "Running and recent projects",
    "Projecten": "Projects",
    "Uitgaven aan leefbaarheid": "Spending on liveability",
    "Legenda": "Legend",
    "Voor deze gemeente zijn geen buurtgrenzen geladen; daarom geen kaart.": "No neighbourhood "
    "boundaries are loaded for this municipality, so there is no map.",
    "Geen buurten met een signaal in deze selectie.": "No neighbourhoods with a signal in this "
    "selection.",
    "Buurten waar een uitkomst duidelijk slechter werd of een signaalwaarde passeerde. Een signaal "
    "is een reden om te kijken, geen oordeel.": "Neighbourhoods where an outcome clearly worsened "
    "or passed a signal value. A signal is a reason to look, not a judgement.",
    "Geen wezenlijke verbeteringen sinds de nulmeting.": "No real improvements since the baseline.",
    "Geen wezenlijke achteruitgang sinds de nulmeting.": "No real declines since the baseline.",
    "Gemaakt op": "Made on",
    "En nog {n} signalen: zie het Overzicht.": "And {n} more signals: see the Overview.",
    "Meest recente gegevens": "Latest data",
    "Briefing (PDF) voor deze selectie": "Briefing (PDF) for this selection",
    "Briefing (PDF) voor dit gebied": "Briefing (PDF) for this area",
    # Downloads and shared elements
    "Download CSV": "Download CSV",
    "Download Excel": "Download Excel",
}


def translate(text: str, taal: str, **values: object) -> str:
    """`text` in the chosen language (Dutch when there is no entry), with `values` filled in."""
    chosen = EN.get(text, text) if taal == "en" else text
    return chosen.format(**values) if values else chosen
