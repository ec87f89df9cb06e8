"""English for the interface: a Dutch text (or template) in, the same in English out. Pure.

Dutch is the product's language; English is offered for staff and researchers who do not read
it. Domain terms follow CBS's own English: buurt = neighbourhood, wijk = district, gemeente =
municipality, Kerncijfers wijken en buurten = Key figures for districts and neighbourhoods.
Numbers and dates stay in Dutch notation in both languages (one notation for every export).
A text without an entry stays Dutch; tests/dashboard/test_i18n.py checks every call site has one.
"""

from __future__ import annotations

import re

LANGUAGES = {"nl": "Nederlands", "en": "English"}

EN: dict[str, str] = {
    # Notices about a value in the address (dashboard.state.Notice) and the defaults they name
    "De waarde '{waarde}' voor '{naam}' bestaat niet; de standaardwaarde ({standaard}) wordt "
    "getoond.": "The value '{waarde}' for '{naam}' does not exist; the default ({standaard}) is "
    "shown.",
    "Niet alle gekozen gebieden bestaan in deze gemeente (of het waren er meer dan {n}); de "
    "overige worden getoond.": "Not all chosen areas exist in this municipality (or there were "
    "more than {n}); the others are shown.",
    "alle buurttypen": "all neighbourhood types",
    "alle cijfers": "all figures",
    "geen": "none",
    # The licences of the sources table (Over de data), as the catalogue writes them.
    "openbare feiten": "public facts",
    "geen (gegenereerd)": "none (generated)",
    "gemeentelijk": "municipal",
    "vertrouwelijk": "confidential",
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
    "Alleen echte cijfers": "Real figures only",
    "Alle uitgaven en projecten zijn gegenereerd (synthetisch); 'Alleen echte cijfers' verbergt "
    "ze. Zet die schakelaar in de zijbalk uit om ze te zien.": "All spending and projects are "
    "generated (synthetic); 'Real figures only' hides them. Turn that switch in the sidebar off to "
    "see them.",
    "Verbergt alle gegenereerde (synthetische) waarden, uitgaven, projecten en doelen: op elke "
    "pagina, in downloads en in de briefing.": "Hides every generated (synthetic) value, spending, "
    "project and goal: on every page, in downloads and in the briefing.",
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
    "Voor {naam} zijn op dit niveau geen grenzen geladen; de cijfers staan op de andere pagina's. "
    "Laad de CBS/PDOK wijk- en buurtkaart op de pagina 'Over de data' of met: python -m "
    "data_loaders load wijkenbuurten_2024.gpkg --gemeente {code}":
    "No boundaries are loaded for {naam} at this level; the figures are on the other pages. Load "
    "the CBS/PDOK wijk- en buurtkaart on the page 'Over de data' or with: python -m data_loaders "
    "load wijkenbuurten_2024.gpkg --gemeente {code}",
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
    "The PDF follows the chosen language.",
    "Waarover gaat de briefing?": "What is the briefing about?",
    "Download de briefing (PDF)": "Download the briefing (PDF)",
    "Of druk deze pagina af (Ctrl+P): de zijbalk en knoppen vallen dan weg.": "Or print this page "
    "(Ctrl+P): the sidebar and buttons are left out.",
    "Per thema": "Per theme",
    "Over deze cijfers": "About these figures",
    "Bronnen": "Sources",
    "De hele gemeente ({naam})": "The whole municipality ({naam})",
    "Let op: synthetische demogegevens. Cijfers met (synth.) zijn gegenereerd om de monitor te "
    "laten zien; het zijn geen echte metingen.": "Note: synthetic demo data. Figures marked "
    "(synth.) were generated to show the monitor; they are not real measurements.",
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
    # Issue 20 (part A): map, overview, profile, legends and verdicts in English.
    "Namen op de kaart": "Names on the map",
    "Schrijf de namen van de gebieden in het filter op de kaart. De naam van elk gebied staat ook "
    "in de tooltip.": "Write the names of the areas in the filter on the map. Each area's name is "
    "also in its tooltip.",
    "Geen enkel gebied op dit niveau heeft een waarde voor '{keuze}' in {jaar}. Kies een andere "
    "vergelijking, een ander jaar of het niveau Buurten.": "No area at this level has a value for "
    "'{keuze}' in {jaar}. Choose another comparison, another year or the level Neighbourhoods.",
    "De tabel toont kolomnamen in het Engels; de downloads houden de Nederlandse kolomnamen.":
    "The table shows English column names; the downloads keep the Dutch column names.",
    "Gemeten: {naam}": "Measured: {naam}",
    "Code": "Code",
    "Naam": "Name",
    "Weergave": "As shown",
    "Respondenten (n)": "Respondents (n)",
    "Synthetisch": "Synthetic",
    "Onderdrukt": "Suppressed",
    "Bron": "Source",
    "Eenheid": "Unit",
    "Reden": "Reason",
    "Ernst": "Severity",
    "Richting": "Direction",
    "Gemeten waarde": "Measured value",
    "Verschil met vergelijkbare buurten": "Difference from similar neighbourhoods",
    "Verschil met vergelijkbare buurten (zelfde buurttype)": "Difference from similar "
    "neighbourhoods (same type)",
    "procentpunt": "percentage points",
    "standaarddeviaties": "standard deviations",
    "percentielrang": "percentile rank",
    "0-100": "0-100",
    "De gemeten waarde.": "The measured value.",
    "Hoger is beter.": "Higher is better.",
    "Lager is beter.": "Lower is better.",
    "Hoger of lager is op zich niet beter of slechter.": "Higher or lower is not in itself better "
    "or worse.",
    "Waarde min het cijfer van de gemeente in hetzelfde jaar; boven nul is hoger dan de gemeente.":
    "Value minus the municipality's figure in the same year; above zero is higher than the "
    "municipality.",
    "Bij percentages in procentpunten.": "For percentages in percentage points.",
    "Dit is een aantal: dat hangt af van de grootte van het gebied, dus er wordt geen verschil "
    "getoond.": "This is a count: it depends on the size of the area, so no difference is shown.",
    "Het gemeentecijfer komt uit de bron als dat er is, anders is het het naar inwoners gewogen "
    "gemiddelde van de buurten.": "The municipality's figure comes from the source where there is "
    "one, else it is the population-weighted mean of its neighbourhoods.",
    "Waarde min het naar inwoners gewogen gemiddelde van de buurten met hetzelfde buurttype in de "
    "gemeente, in hetzelfde jaar (de buurt telt zelf mee); boven nul is hoger dan die buurten.":
    "Value minus the population-weighted mean of the neighbourhoods of the same type in the "
    "municipality, in the same year (the neighbourhood itself counts too); above zero is higher "
    "than those neighbourhoods.",
    "Alleen buurten hebben een buurttype; voor andere gebieden is er geen verschil.": "Only "
    "neighbourhoods have a type; other areas get no difference.",
    "Aantal standaarddeviaties boven (+) of onder (-) het gemiddelde van de gebieden in de "
    "selectie, per jaar; elk gebied telt één keer mee, ongeacht het aantal inwoners.": "Number of "
    "standard deviations above (+) or below (-) the mean of the areas in the selection, per year; "
    "each area counts once, whatever its population.",
    "Gebieden buiten de selectie krijgen geen waarde.": "Areas outside the selection get no value.",
    "Aandeel van de andere gebieden in de selectie met een lagere waarde, per jaar (gelijke "
    "waarden tellen half): 0 is de laagste, 100 de hoogste.": "Share of the other areas in the "
    "selection with a lower value, per year (equal values count half): 0 is the lowest, 100 the "
    "highest.",
    "verbeterd": "improved",
    "verslechterd": "worsened",
    "veranderd": "changed",
    "niet wezenlijk": "no real change",
    "geen wezenlijke verandering": "no real change",
    "beter": "better",
    "slechter": "worse",
    "hoger": "higher",
    "lager": "lower",
    "geen aantoonbaar verschil": "no demonstrable difference",
    "indicatief": "indicative",
    "onderdrukt (te weinig waarnemingen)": "suppressed (too few observations)",
    "synthetisch": "synthetic",
    "buurttype onbekend": "type unknown",
    "ja": "yes",
    "nee": "no",
    "hoog": "high",
    "middel": "medium",
    "laag": "low",
    "onbekend": "unknown",
    "Er is geen buurttype-indeling geladen. Laad cijfers met het inkomen per inwoner (de lader "
    "deelt de buurten dan in naar inkomen) of de eigen lijst van de gemeente (sjabloon "
    "'buurttypen' op 'Over de data').": "No neighbourhood typology is loaded. Load figures with "
    "income per inhabitant (the loader then types the neighbourhoods by income) or the "
    "municipality's own list (template 'buurttypen' on 'About the data').",
    "Buurttype volgens: {regel} Gegevensjaar: {jaren}. {bron}.": "Neighbourhood type by: {regel} "
    "Data year: {jaren}. {bron}.",
    "alle waarden synthetisch": "all values synthetic",
    "De selectie is de hele gemeente: een verschil met de gemeente is altijd nul. Het overzicht "
    "toont daarom de waarde en de verandering sinds de nulmeting.": "The selection is the whole "
    "municipality: a difference from the municipality is always zero. The overview therefore "
    "shows the value and the change since the baseline.",
    "Overige buurten ({typen})": "Other neighbourhoods ({typen})",
    "Maximaal 200 MB.": "At most 200 MB.",
    "Waarde {jaar}": "Value {jaar}",
    "Nulmeting": "Baseline",
    "Van {organisatie} zijn geen projecten geladen.": "No projects of {organisatie} are loaded.",
    "Looptijd": "Duration",
    "Categorie": "Category",
    "Tijdlijn van de projecten van {organisatie}: een balk per project van start tot eind, kleur "
    "naar thema. De tabel eronder noemt dezelfde projecten.": "Timeline of the projects of "
    "{organisatie}: one bar per project from start to end, coloured by theme. The table below "
    "lists the same projects.",
    "Waarde gedeeld door de waarde van hetzelfde gebied in {jaar}, maal 100: 110 is 10% hoger dan "
    "bij de nulmeting.": "Value divided by the value of the same area in {jaar}, times 100: 110 "
    "is 10% higher than at the baseline.",
    "Waarde gedeeld door de waarde van hetzelfde gebied in nulmeting, maal 100: 110 is 10% hoger "
    "dan bij de nulmeting.": "Value divided by the value of the same area at the baseline, times "
    "100: 110 is 10% higher than at the baseline.",
    "Geen index waar de nulmeting ontbreekt, onderdrukt is of nul of negatief is (dan zegt een "
    "verhouding niets).": "No index where the baseline is missing, suppressed, zero or negative "
    "(a ratio then says nothing).",
    "beter dan verwacht": "better than expected",
    "zoals verwacht": "as expected",
    "slechter dan verwacht": "worse than expected",
    "hoger dan verwacht": "higher than expected",
    "lager dan verwacht": "lower than expected",
    "Er zijn nog geen uitgaven of projecten geladen. Download op 'Over de data' de sjablonen "
    "'uitgaven' en 'projecten', vul ze in en laad ze daar.": "No spending or projects are loaded "
    "yet. On 'About the data', download the templates 'uitgaven' and 'projecten', fill them in "
    "and load them there.",
    "Buurten waar drie of meer projecten van minstens twee organisaties tegelijk liepen: een "
    "reden om af te stemmen, geen oordeel.": "Neighbourhoods where three or more projects of at "
    "least two organisations ran at the same time: a reason to coordinate, not a judgement.",
    "Geen buurt of wijk gevonden met '{zoek}'. Probeer een ander deel van de naam.": "No "
    "neighbourhood or district found with '{zoek}'. Try another part of the name.",
    "Hoe dit type is bepaald staat eronder; een type is een keuze met een bron.": "How this type "
    "was set is written below; a type is a choice with a source.",
    "**Weinig betrouwbaar** (minder dan 50 respondenten): ": "**Less reliable** (fewer than 50 "
    "respondents): ",
    "**Onderdrukt** (te weinig waarnemingen, niet getoond): ": "**Suppressed** (too few "
    "observations, not shown): ",
    "Voor dit gebied zijn geen cijfers geladen.": "No figures are loaded for this area.",
    "De keuze 'Vergelijk met' in de zijbalk, zoals op de kaart en in de trends.": "The choice "
    "'Compare with' in the sidebar, as on the map and in the trends.",
    "Verschil met de nulmeting (of het eerste meetjaar daarna).": "Difference from the baseline "
    "(or the first year measured after it).",
    "Verwacht en gemeten wordt per buurt berekend; kies een buurt van deze wijk.": "Expected and "
    "measured is computed per neighbourhood; choose a neighbourhood of this district.",
    "Voor deze buurt is geen sociaal-economische statusscore (zoals inkomen) geladen; een "
    "verwachte waarde is niet te berekenen.": "No socio-economic status score (such as income) is "
    "loaded for this neighbourhood; an expected value cannot be computed.",
    "Er zijn geen twee Leefbaarometerjaren voor dit gebied.": "This area does not have two "
    "Leefbaarometer years.",
    "Verandering per dimensie, {van}–{tot}": "Change per dimension, {van}–{tot}",
    "Verandering (scorepunten)": "Change (score points)",
    "Voor dit gebied zijn geen doelen geladen (sjabloon 'doelen' op 'Over de data').": "No goals "
    "are loaded for this area (template 'doelen' on 'About the data').",
    "Doel tegenover wat sinds de nulmeting is gerealiseerd. Op koers: minstens zo ver als een "
    "rechte lijn van nulmeting naar doel op dit moment zou zijn.": "Goal against what has been "
    "achieved since the baseline. On track: at least as far as a straight line from baseline to "
    "goal would be by now.",
    "Voor dit gebied zijn geen projecten geladen.": "No projects are loaded for this area.",
    "Vertrouwelijke gegevens: alleen zichtbaar omdat deze installatie ze toont.": "Confidential "
    "data: visible only because this installation shows it.",
    "Wat buurten met een vergelijkbare {status} in {gemeente} gemiddeld scoren, naast wat hier "
    "gemeten is.": "What neighbourhoods with a similar {status} in {gemeente} score on average, "
    "beside what was measured here.",
    "De verwachte waarde is wat buurten met een vergelijkbare sociaal-economische status in de "
    "selectie gemiddeld scoren (een rechte lijn door alle buurten). Beter of slechter dan verwacht "
    "betekent: anders dan vergelijkbare buurten. Het is geen bewijs van oorzaak of effect: een "
    "buurt kan om veel redenen afwijken, en kleine steekproeven schommelen.": "The expected value "
    "is what neighbourhoods with a similar socio-economic status in the selection score on "
    "average (a straight line through all neighbourhoods). Better or worse than expected means: "
    "different from similar neighbourhoods. It is no proof of cause or effect: a neighbourhood "
    "can differ for many reasons, and small samples fluctuate.",
    "Hoeveel elke dimensie van de Leefbaarometer veranderde tussen {van} en {tot}; samen vormen ze "
    "de verandering van de score ({totaal} punt). Een balk naar rechts is een verbetering.": "How "
    "much each dimension of the Leefbaarometer changed between {van} and {tot}; together they make "
    "the change of the score ({totaal} points). A bar to the right is an improvement.",
    "Voor deze buurt is geen buurttype bekend (bijvoorbeeld geen inkomenscijfer).": "No type is "
    "known for this neighbourhood (for example no income figure).",
    "zonder buurttype": "without a type",
    "Gemeten": "Measured",
    "Verwacht": "Expected",
    "Verschil": "Difference",
    "Buurten in de vergelijking": "Neighbourhoods compared",
    "goed": "good",
    "redelijk": "fair",
    "zeer laag": "very low",
    "onderdrukt": "suppressed",
    "(synth.)": "(synth.)",
    "De tekst in het uploadvak ('Drag and drop file here', 'Limit 200MB per file', 'Browse files') "
    "komt van Streamlit en is altijd Engels: sleep een bestand in het vak of klik op 'Browse "
    "files'; een bestand mag tot 200 MB groot zijn.": "Drag a file into the box or click 'Browse "
    "files'; a file may be up to 200 MB.",
    "Nulmeting {jaar}: {waarde}.": "Baseline {jaar}: {waarde}.",
    "statistisch betekenisvol": "statistically significant",
    "Gemiddelde van de gekozen buurten, gewogen naar inwoners.": "Mean of the chosen "
    "neighbourhoods, weighted by population.",
    "Gemiddelde van de gekozen buurten min het cijfer van de gemeente.": "Mean of the chosen "
    "neighbourhoods minus the municipality's figure.",
    "Gemiddelde van de gekozen buurten als index: nulmeting = 100.": "Mean of the chosen "
    "neighbourhoods as an index: baseline = 100.",
    "Buurten waar een outcome-indicator statistisch betekenisvol verslechterde of verbeterde, of "
    "een signaalwaarde overschreed. Een signaal is een reden om te kijken, geen oordeel.":
    "Neighbourhoods where an outcome indicator worsened or improved significantly, or passed a "
    "signal value. A signal is a reason to look, not a judgement.",
    "En nog {n} buurten: zie de download.": "And {n} more neighbourhoods: see the download.",
    "Van de {n} outcome-indicatoren: {beter} beter, {gelijk} zonder aantoonbaar verschil en "
    "{slechter} slechter dan de gemeente. Lees de indicatoren zelf: een telling vervangt ze niet.":
    "Of the {n} outcome indicators: {beter} better, {gelijk} without a demonstrable difference and "
    "{slechter} worse than the municipality. Read the indicators themselves: a count does not "
    "replace them.",
    "Deze samenvatting telt alleen hoeveel indicatoren beter of slechter zijn dan de gemeente, of "
    "er niet aantoonbaar van verschillen. Ze vervangt de onderdelen niet: onderdelen van een thema "
    "kunnen tegengesteld bewegen, en een telling weegt een klein verschil even zwaar als een groot. "
    "Lees altijd de indicatoren zelf.": "This summary only counts how many indicators are better or "
    "worse than the municipality, or do not demonstrably differ from it. It does not replace the "
    "parts: parts of a theme can move in opposite directions, and a count weighs a small "
    "difference as much as a large one. Always read the indicators themselves.",
    "Stand: 'geen aantoonbaar verschil' als het verschil binnen de onzekerheid van de meting valt "
    "(de 95%-marge, het aantal respondenten of het aantal woningen of inwoners; de marge staat "
    "erbij), anders beter of slechter in de richting die de indicator goed noemt. Verloop: "
    "waarden per jaar. De download bevat alle indicatoren van het profiel, met bron, toets en "
    "respondenten per cijfer.": "Standing: 'no demonstrable difference' when the difference lies "
    "within the uncertainty of the measurement (the 95% margin, the number of respondents or the "
    "number of dwellings or inhabitants; the margin is given), else better or worse in the "
    "direction the indicator calls good. Trend: values per year. The download holds every "
    "indicator of the profile, with source, test and respondents per figure.",
    "Het cijfer van de hele gemeente (bij een aantal: het totaal), en of dit gebied beter of "
    "slechter scoort, of dat er geen aantoonbaar verschil is (het verschil valt binnen de "
    "onzekerheid van de meting).": "The figure of the whole municipality (for a count: the "
    "total), and whether this area scores better or worse, or shows no demonstrable difference "
    "(the difference lies within the uncertainty of the measurement).",
    "Gemiddelde van de {typen} in de gemeente (gewogen naar inwoners; bij een aantal: gemiddeld "
    "per buurt), en de stand ten opzichte daarvan.": "Mean of the {typen} in the municipality "
    "(weighted by population; for a count: the mean per neighbourhood), and the standing against "
    "it.",
    "Er is geen buurttype bekend.": "No neighbourhood type is known.",
    "Buurt": "Neighbourhood",
    "Gebied": "Area",
    "Status": "Status",
    "Laatste waarde": "Latest value",
    "Laatst gemeten (jaar)": "Last measured (year)",
    "Doel": "Goal",
    "Streefjaar": "Target year",
    "Nulmeting (jaar)": "Baseline (year)",
    "Gerealiseerd (% van de beoogde verandering)": "Achieved (% of the intended change)",
    "Organisaties": "Organisations",
    "Tegelijk lopende projecten": "Projects running at once",
    "Vanaf": "From",
    "Project": "Project",
    # --- Briefing (kernboodschap, figures, sources) and charts: issue 20 part B ---
    "Buurt {naam}": "Neighbourhood {naam}",
    "Wijk {naam}": "District {naam}",
    "buurt {naam}": "neighbourhood {naam}",
    "wijk {naam}": "district {naam}",
    "Wijk {wijk}, gemeente {gemeente}": "District {wijk}, municipality {gemeente}",
    "de {typen} van {gemeente}": "the {typen} of {gemeente}",
    "Eén buurt; het buurttypefilter geldt hier niet.": "One neighbourhood; the "
    "neighbourhood-type filter does not apply here.",
    "Alle buurten": "All neighbourhoods",
    "Alle buurten van de gemeente.": "All neighbourhoods of the municipality.",
    "Alle buurten van de wijk.": "All neighbourhoods of the district.",
    "Buurten van de wijk: {typen}.": "Neighbourhoods of the district: {typen}.",
    "Alleen de {typen}.": "Only the {typen}.",
    "1 buurt.": "1 neighbourhood.",
    "{n} buurten.": "{n} neighbourhoods.",
    "gemeente {waarde}": "municipality {waarde}",
    "gemeente: geen cijfer": "municipality: no figure",
    "{verschil} t.o.v. de gemeente ({waarde})": "{verschil} against the municipality ({waarde})",
    "index {index} ({jaar} = 100)": "index {index} ({jaar} = 100)",
    "één meting; nog geen verandering": "one measurement; no change yet",
    "{verschil} sinds {jaar}: {oordeel}": "{verschil} since {jaar}: {oordeel}",
    "geen aantoonbare verandering": "no demonstrable change",
    "verandering onbekend": "change unknown",
    "{waar}{naam} van {van} ({jaar_van}) naar {naar} ({jaar_naar}){indicatief}.": "{waar}{naam} "
    "from {van} ({jaar_van}) to {naar} ({jaar_naar}){indicatief}.",
    "Deze briefing bevat synthetische demogegevens: gegenereerde waarden, geen echte metingen. "
    "Gebruik ze niet voor besluiten.": "This briefing contains synthetic demo data: generated "
    "values, not real measurements. Do not use them for decisions.",
    "{n} cijfers in {jaar} zijn niet getoond omdat ze op te weinig inwoners of respondenten "
    "rusten.": "{n} figures for {jaar} are not shown because they rest on too few inhabitants or "
    "respondents.",
    "{n} enquêtecijfers hebben een brede marge: lees kleine verschillen daar niet als echte "
    "verschillen.": "{n} survey figures have a wide margin: do not read small differences there "
    "as real differences.",
    "Verbeterd of verslechterd staat er alleen als een verandering groter is dan toeval kan "
    "verklaren: we kijken daarvoor naar het aantal ondervraagden of inwoners achter een cijfer of "
    "naar de foutmarge van de enquête (minder dan 5% kans dat het toeval is). Waar die niet bekend "
    "zijn, heet een verandering van minstens 5% 'indicatief'. Een verandering zegt niets over de "
    "oorzaak.": "Improved or worsened is only written when a change is larger than chance can "
    "explain: we look at the number of respondents or inhabitants behind a figure or at the "
    "survey's margin of error (less than a 5% chance that it is chance). Where these are not "
    "known, a change of at least 5% is called 'indicative'. A change says nothing about its "
    "cause.",
    "Gegenereerde demowaarden (geen echte metingen).": "Generated demo values (not real "
    "measurements).",
    "Gegenereerde demowaarden": "Generated demo values",
    "licentie": "licence",
    "Buurttype: {type}": "Neighbourhood type: {type}",
    "regel": "rule",
    "gegevensjaar": "data year",
    "en": "and",
    "sinds de nulmeting": "since the baseline",
    "{naam}, van {van} ({jaar}) naar {naar}": "{naam}, from {van} ({jaar}) to {naar}",
    "Verbeterd {sinds}: {lijst}.": "Improved {sinds}: {lijst}.",
    "Verslechterd {sinds}: {lijst}.": "Worsened {sinds}: {lijst}.",
    "Geen van de kerncijfers van {wie} is {sinds} aantoonbaar verbeterd.": "None of the key "
    "figures of {wie} has demonstrably improved {sinds}.",
    "Geen van de kerncijfers is aantoonbaar verslechterd.": "None of the key figures has "
    "demonstrably worsened.",
    "ongunstiger: {lijst}": "less favourable: {lijst}",
    "gunstiger: {lijst}": "more favourable: {lijst}",
    "Vergeleken met de gemeente is {wie} {delen}.": "Compared with the municipality, {wie} is "
    "{delen}.",
    "Op de kerncijfers wijkt {wie} niet duidelijk af van de gemeente.": "On the key figures, "
    "{wie} does not clearly differ from the municipality.",
    "Aandacht nodig: {n} signalen van verslechtering in het laatste jaar, de meeste in {waar}.":
    "Attention needed: {n} signals of decline in the latest year, most of them in {waar}.",
    "Aandacht nodig: {n} signalen van verslechtering in het laatste jaar.": "Attention needed: "
    "{n} signals of decline in the latest year.",
    "Aandacht nodig: één signaal van verslechtering in het laatste jaar ({wat}).": "Attention "
    "needed: one signal of decline in the latest year ({wat}).",
    "Er zijn geen signalen van verslechtering in het laatste jaar.": "There are no signals of "
    "decline in the latest year.",
    "Van de {n} doelen zijn er {behaald} behaald, {koers} op koers en {achter} achter.": "Of the "
    "{n} goals, {behaald} have been reached, {koers} are on track and {achter} are behind.",
    "Kaart: {naam} ({eenheid}) per buurt, {jaar}. Gekleurd: de buurten van deze briefing; grijs: "
    "de andere buurten van de gemeente.": "Map: {naam} ({eenheid}) per neighbourhood, {jaar}. "
    "Coloured: the neighbourhoods of this briefing; grey: the other neighbourhoods of the "
    "municipality.",
    "De nummers staan in de lijst onder de legenda.": "The numbers are listed under the legend.",
    "buiten de selectie": "outside the selection",
    "(ongunstig)": "(unfavourable)",
    "(gunstig)": "(favourable)",
    "lager dan": "lower than",
    " tot ": " to ",
    " of hoger": " or higher",
    "Referentie": "Reference",
    "Indicator (jaar)": "Indicator (year)",
    "Verandering sinds de nulmeting": "Change since the baseline",
    "BRIEFING": "BRIEFING",
    "Kernboodschap": "Key message",
    "De buurt": "The neighbourhood",
    "gemaakt op": "made on",
    "pagina": "page",
    "van": "of",
    "Let op: synthetische demogegevens.": "Note: synthetic demo data.",
    "Cijfers met (synth.) zijn gegenereerd om de monitor te laten zien; het zijn geen echte "
    "metingen.": "Figures marked (synth.) were generated to show the monitor; they are not real "
    "measurements.",
    "En nog {n} signalen: zie de monitor.": "And {n} more signals: see the monitor.",
    "Waarde: het gemiddelde van de buurten van deze briefing, gewogen naar inwoners waar het om "
    "een aandeel of een cijfer per inwoner gaat. Verloop: paars de selectie, grijs gestreept de "
    "gemeente.": "Value: the average of the neighbourhoods in this briefing, weighted by "
    "population for shares and rates. Trend: purple the selection, dashed grey the municipality.",
    "Waarde: het gemiddelde van de buurten, gewogen naar inwoners bij aandelen en cijfers per "
    "inwoner. Nulmeting: de gemeente zelf in dat jaar (niet met zichzelf vergeleken).": "Value: "
    "the average of the neighbourhoods, weighted by population for shares and rates. Baseline: "
    "the municipality itself in that year (not compared with itself).",
    "Op de kaart": "On the map",
    "nog niet gemeten": "not measured yet",
    "nu {waarde} ({jaar})": "now {waarde} ({jaar})",
    "{gebied}, {indicator}: van {van} ({jaar_van}) naar {doel} in {streefjaar}; {nu}: {status}.":
    "{gebied}, {indicator}: from {van} ({jaar_van}) to {doel} by {streefjaar}; {nu}: {status}.",
    "{project} ({organisatie}; {gebieden}): vanaf {start}, {eind}.": "{project} ({organisatie}; "
    "{gebieden}): from {start}, {eind}.",
    "loopt door": "ongoing",
    "loopt nog": "ongoing",
    "tot {datum}": "until {datum}",
    " procentpunt": " percentage points",
    # Table headers on Trends (the downloads follow the page's language)
    "Gebieden": "Areas",
    "Start": "Start",
    "Eind": "End",
    "Budget (euro)": "Budget (euro)",
    "Output": "Output",
    "Signaal": "Signal",
    "Uitgaven (euro)": "Spending (euro)",
    "Dimensie": "Dimension",
    "Verandering": "Change",
    "Aandeel in de verandering": "Share of the change",
    "Ondergrens": "Lower bound",
    "Bovengrens": "Upper bound",
    # Charts (Trends, Vergelijken)
    "Reeks": "Series",
    "nulmeting": "baseline",
    "gebied": "area",
    "gemeente": "municipality",
    "buurttype": "neighbourhood type",
    "Driehoekjes boven in de grafiek, met een dunne stippellijn: de start van {n} projecten in de "
    "gekozen gebieden (wijs ze aan voor de naam; zie de tabel eronder).": "Triangles at the top "
    "of the chart, with a thin dotted line: the start of {n} projects in the chosen areas (point "
    "at them for the name; see the table below).",
    "Voor deze gebieden zijn geen cijfers geladen.": "No figures are loaded for these areas.",
    "Een driehoekje boven in de grafiek, met een dunne stippellijn: de start van 1 project in de "
    "gekozen gebieden (wijs het aan voor de naam; zie de tabel eronder).": "A triangle at the top "
    "of the chart, with a thin dotted line: the start of 1 project in the chosen areas (point at "
    "it for the name; see the table below).",
    "{n} gebieden in {gemeente}, per indicator in hetzelfde jaar (het laatste jaar met cijfers). "
    "'Opvallend' noemt het beste en het minste gebied als het verschil groter is dan toeval "
    "(getoetst met de marges of het aantal respondenten; anders indicatief, vanaf 5%). Een "
    "verschil zegt niets over de oorzaak.": "{n} areas in {gemeente}, per indicator in the same "
    "year (the latest year with figures). 'Notable' names the best and the weakest area when the "
    "difference is larger than chance (tested with the margins or the number of respondents; "
    "otherwise indicative, from 5%). A difference says nothing about its cause.",
    "Per indicator van het thema {thema} een balk per gebied, met de waarde erbij; de gestippelde "
    "lijn is de gemeente. Elke indicator heeft een eigen schaal. Kies een ander thema in de "
    "zijbalk.": "Per indicator of the theme {thema} a bar per area, with its value; the dashed "
    "line is the municipality. Each indicator has its own scale. Choose another theme in the "
    "sidebar.",
    "Paars: het beste gebied, oranje: het minste, alleen waar het verschil opvalt; de kolom "
    "'Opvallend' zegt hetzelfde in woorden. (synth.): synthetisch demogegeven. De download bevat "
    "per waarde de eenheid, het jaar, de bron en of ze synthetisch of onderdrukt is.": "Purple: "
    "the best area, orange: the weakest, only where the difference is notable; the 'Opvallend' "
    "(notable) column says the same in words. (synth.): synthetic demo value. The download (in "
    "Dutch) holds each value's unit, year, source and whether it is synthetic or suppressed.",
    # Signalen (the page, the profile's panel, labels of the signal store's choices)
    "Wat bewoners en professionals opmerken over een buurt, naast wat de cijfers laten zien: "
    "besproken, opgevolgd of niet, soms een project.": "What residents and professionals notice "
    "about a neighbourhood, next to what the figures show: discussed, followed up or not, "
    "sometimes a project.",
    "Signalen gaan over buurten, nooit over personen: schrijf geen namen, e-mailadressen, "
    "telefoonnummers, adressen met huisnummer, BSN's of geboortedata. Beschrijf wat er in de "
    "buurt speelt, niet wie het betreft.": "Signals concern neighbourhoods, never persons: do not "
    "write names, e-mail addresses, phone numbers, addresses with a house number, citizen "
    "service numbers (BSN) or dates of birth. Describe what is going on in the neighbourhood, "
    "not who it concerns.",
    "Uw naam of functie": "Your name or role",
    "Komt in de geschiedenis van elk signaal dat u vastlegt of wijzigt.": "Is kept in the history "
    "of every signal you record or change.",
    "Naam bewaren": "Save name",
    "U schrijft als {naam}.": "You write as {naam}.",
    "Vul eerst uw naam in (boven de tabbladen).": "First enter your name (above the tabs).",
    "Lijst": "List",
    "Nieuw signaal": "New signal",
    "Opvolgen": "Follow up",
    "Importeren": "Import",
    "Toon": "Show",
    "Open signalen": "Open signals",
    "Alle signalen": "All signals",
    "Nog geen signalen in deze selectie.": "No signals in this selection yet.",
    "Aantal signalen in {gemeente}: {n}. {bron}, stand {datum}.": "Number of signals in "
    "{gemeente}: {n}. {bron}, as of {datum}.",
    "Bron: eigen registratie van signalen in de Buurtmonitor": "Source: the Buurtmonitor's own "
    "register of signals",
    "Signalen zijn vertrouwelijk: downloaden kan alleen waar deze installatie vertrouwelijke "
    "gegevens toont.": "Signals are confidential: they can only be downloaded where this "
    "installation shows confidential data.",
    "Datum": "Date",
    "Soort bron": "Kind of source",
    "Urgentie": "Urgency",
    "Omschrijving": "Description",
    "Signaal opslaan": "Save signal",
    "Signaal {nr} is opgeslagen.": "Signal {nr} has been saved.",
    "Nog geen signalen om op te volgen.": "No signals to follow up yet.",
    "Dit signaal is gewijzigd sinds u het opende (nu versie {v}). Wat u nu opslaat, wordt "
    "geweigerd tot u de nieuwe versie laadt.": "This signal has changed since you opened it (now "
    "version {v}). What you save now is refused until you load the new version.",
    "Nieuwste versie laden": "Load the newest version",
    "Volgende stap": "Next step",
    "Datum van de stap": "Date of the step",
    "Verantwoordelijke": "Responsible",
    "Besluit (bij afronden)": "Decision (when closing)",
    "Project (bij besluit 'project')": "Project (for the decision 'project')",
    "Kies een besluit": "Choose a decision",
    "Kies een project": "Choose a project",
    "Stap opslaan": "Save step",
    "Dit signaal is afgerond.": "This signal is closed.",
    "Koppel aan een project uit het projectregister": "Link to a project from the project register",
    "Koppelen": "Link",
    "Geschiedenis": "History",
    "Voor organisaties die signalen in een spreadsheet bijhouden: vul het sjabloon (CSV of Excel) "
    "en laad het hier. Alle regels worden gecontroleerd, ook op persoonsgegevens; bij één fout "
    "wordt niets geïmporteerd.": "For organisations that keep signals in a spreadsheet: fill in "
    "the template (CSV or Excel) and load it here. Every row is checked, also for personal data; "
    "one error and nothing is imported.",
    "Sjabloon (CSV)": "Template (CSV)",
    "Sjabloon (Excel)": "Template (Excel)",
    "Bestand met signalen": "File with signals",
    "{n} signalen geïmporteerd.": "{n} signals imported.",
    "Signalen uit de buurt": "Signals from the neighbourhood",
    "Geen open of recente signalen voor dit gebied.": "No open or recent signals for this area.",
    "{open} open en {recent} recent afgeronde signalen van bewoners en professionals. {bron}, "
    "stand {datum}.": "{open} open and {recent} recently closed signals from residents and "
    "professionals. {bron}, as of {datum}.",
    "Signaal vastleggen of opvolgen": "Record or follow up a signal",
    "De {n} nieuwste staan hieronder; alle op de pagina Signalen.": "The {n} newest are listed "
    "below; all of them on the Signals page.",
    "Nr.": "No.",
    "Stap": "Step",
    "Sinds": "Since",
    "Besluit": "Decision",
    "Versie": "Version",
    "Wanneer (UTC)": "When (UTC)",
    "Door": "By",
    "Wat": "What",
    "Wijzigingen": "Changes",
    "Anders": "Other",
    "Bewoner": "Resident",
    "Woningcorporatie": "Housing association",
    "Zorg (huisarts, wijkverpleging)": "Care (GP, district nursing)",
    "Politie (wijkagent)": "Police (community officer)",
    "Welzijn en opbouwwerk": "Welfare and community work",
    "School": "School",
    "Laag": "Low",
    "Middel": "Medium",
    "Hoog": "High",
    "Nieuw": "New",
    "Besproken": "Discussed",
    "In onderzoek": "Under investigation",
    "Afgerond": "Closed",
    "Doorverwezen": "Referred",
    "Geen actie": "No action",
    # Loading several files at once (upload page).
    "Maximaal 200 MB per bestand. Meerdere bestanden worden samen geladen: alle of geen.":
    "At most 200 MB per file. Several files are loaded together: all or none.",
    "En nog {n} projecten: zie de monitor.": "And {n} more projects: see the monitor.",
    # --- issue 24: signalen next to the figures ---
    "Log in om signalen te zien, vast te leggen of op te volgen; uw inlog komt dan in de "
    "geschiedenis van elk signaal dat u wijzigt.":
    "Log in to see, record or follow up signals; your login is then kept in the history of "
    "every signal you change.",
    "Open signalen: {n} ({themas})": "Open signals: {n} ({themas})",
    "Open signalen markeren": "Mark open signals",
    "Een stip op elk gebied met open signalen, groter bij meer signalen. Het aantal en de "
    "thema's staan in de tooltip. Bron: eigen registratie van signalen in de Buurtmonitor.":
    "A dot on every area with open signals, larger with more signals. The number and the themes "
    "are in the tooltip. Source: the Buurtmonitor's own record of signals.",
    "stip: open signalen ({n} gebieden, stand {datum})":
    "dot: open signals ({n} areas, as of {datum})",
    "Signalen van bewoners en professionals": "Signals from residents and professionals",
    "Aantallen signalen van bewoners en professionals, geen teksten; 'afgerond': besproken en "
    "opgevolgd met een besluit. {bron}, stand {datum}.":
    "Numbers of signals from residents and professionals, no texts; 'closed': discussed and "
    "followed up with a decision. {bron}, as of {datum}.",
    "Geen open of afgeronde signalen in deze selectie.":
    "No open or closed signals in this selection.",
    "{thema}: {open} open, {afgerond} afgerond.": "{thema}: {open} open, {afgerond} closed.",
    "Cijfers en signalen wijzen naar dezelfde buurt":
    "Figures and signals point at the same buurt",
    "Geen buurt in de selectie heeft zowel vroegsignalering als open signalen op hetzelfde thema.":
    "No buurt in the selection has both early warnings and open signals on the same theme.",
    "Waar de cijfers verslechteren en bewoners of professionals iets signaleren over hetzelfde "
    "thema: daar eerst kijken. Open signalen van de buurt en van haar wijk als geheel. {bron}, "
    "stand {datum}.":
    "Where the figures decline and residents or professionals signal something on the same "
    "theme: look there first. Open signals of the buurt and of its wijk as a whole. {bron}, as "
    "of {datum}.",
    "Naar de signalen": "To the signals",
    "na signaal {nrs}": "after signal {nrs}",
    "na signalen {nrs}": "after signals {nrs}",
    "Signalen die tot deze projecten leidden": "Signals that led to these projects",
    "{bron}, stand {datum}.": "{bron}, as of {datum}.",
    # --- issue 20: English on every page (Over de data, units, spinners, downloads) ---
    "Definities en enquêtevragen staan er in het Nederlands, zoals de bronnen ze publiceren.":
    "Definitions and survey questions are given in Dutch, as the sources publish them.",
    "hoger is beter": "higher is better",
    "lager is beter": "lower is better",
    "neutraal": "neutral",
    "objectief": "objective",
    "subjectief": "subjective",
    "output": "output",
    "outcome": "outcome",
    "context": "context",
    "ja: gegenereerd, geen echte metingen": "yes: generated, no real measurements",
    "Gebruikelijke bron": "Usual source",
    "Definitie": "Definition",
    "Enquêtevraag": "Survey question",
    "Licentie": "Licence",
    "Uitgever": "Publisher",
    "Bronvermelding": "Attribution",
    "Vertrouwelijk": "Confidential",
    "Regel": "Rule",
    "Eerste gegevensjaar": "First data year",
    "Laatste gegevensjaar": "Last data year",
    "Aantal labels": "Number of labels",
    "Objectief/subjectief": "Objective/subjective",
    "Output/outcome": "Output/outcome",
    "Nr": "No.",
    "Bestand": "File",
    "Controlegetal (SHA-256)": "Checksum (SHA-256)",
    "Formaat": "Format",
    "Regels": "Rows",
    "Jaren": "Years",
    "Geladen op": "Loaded at",
    "Hoe": "How",
    "Melding": "Message",
    "Indelingsjaar (alleen voor grenzen)": "Boundary year (boundaries only)",
    "Jaar (voor een CBS-export zonder jaar)": "Year (for a CBS export without a year)",
    "Alleen deze gemeenten uit een landelijk grenzenbestand": "Only these municipalities from a "
    "national boundary file",
    "Eigenschap met de CBS-code (grenzen)": "Property holding the CBS code (boundaries)",
    "Waarnemingen (eigen enquête)": "Observations (own survey)",
    "Buurttypen (gemeentelijke lijst)": "Neighbourhood types (municipal list)",
    "Leefbaarheidsuitgaven": "Liveability spending",
    "Doelen en nulmeting": "Goals and baseline",
    "Indicatoren: {namen}": "Indicators: {namen}",
    "Laden": "Load",
    "Bezig met laden…": "Loading…",
    "Voorbereiden": "Preparing",
    "Klaar": "Done",
    "Geweigerd": "Refused",
    "{bestand} is {status} ({n} regels).": "{bestand} is {status} ({n} rows).",
    "geladen": "loaded",
    "ongewijzigd": "unchanged",
    "De app toont de nieuwe gegevens vanaf de volgende klik.": "The app shows the new data from "
    "the next click on.",
    "Overzicht berekenen…": "Computing the overview…",
    "Vroegsignalering berekenen…": "Computing early warnings…",
    "Profiel berekenen…": "Computing the profile…",
    "Waarden in de gekozen vergelijking berekenen…": "Computing values in the chosen comparison…",
    "Verwachte waarden berekenen…": "Computing expected values…",
    "Vergelijking berekenen…": "Computing the comparison…",
    "Briefing samenstellen…": "Composing the briefing…",
    "PDF opmaken…": "Laying out the PDF…",
    "Trends berekenen…": "Computing trends…",
    "gegenereerde demowaarden": "generated demo values",
    # A buurttype by its key, where the label says 'Neighbourhood type' already (buurtprofiel).
    "achterstand": "disadvantaged",
    "midden": "middle-status",
    "voorstand": "advantaged",
    "Eén meting ({jaar}); nog geen verandering.": "One measurement ({jaar}); no change yet.",
    "De downloads zijn in het Nederlands (kolomnamen en woorden), zoals de monitor ze vastlegt.":
    "The downloads are in Dutch (column names and words), as the monitor records them.",
    "(synth.): synthetisch demogegeven, geen echte meting.": "(synth.): synthetic demo value, not "
    "a real measurement.",
    "Euro": "Euro",
    "Verandering van de kernindicatoren in de **{n} buurten** waar {organisatie} uitgaf ({van}–"
    "{tot}), naast **{m} buurten van hetzelfde buurttype** waar alle organisaties samen minder "
    "dan {drempel} euro per inwoner per jaar uitgaven. Elke buurt telt één keer mee.": "Change in "
    "the key indicators in the **{n} neighbourhoods** where {organisatie} spent ({van}–{tot}), "
    "beside **{m} neighbourhoods of the same type** where all organisations together spent less "
    "than {drempel} euro per inhabitant per year. Each neighbourhood counts once.",
    # --- issue 22: share link copy button, map component ---
    "Kopieer": "Copy",
    "Gekopieerd": "Copied",
    # --- issue 25: spending on the map, against change and against need ---
    # the corporation's tables (their headers on screen in English; downloads stay Dutch)
    "Aantal buurten met uitgaven": "Number of neighbourhoods with spending",
    "Aantal vergelijkbare buurten": "Number of comparable neighbourhoods",
    "Eerste jaar": "First year",
    "Laatste jaar": "Last year",
    "Euro per inwoner": "Euro per inhabitant",
    "Euro per inwoner (laatste jaar)": "Euro per inhabitant (last year)",
    "Euro per woning": "Euro per dwelling",
    "Euro per woning (laatste jaar)": "Euro per dwelling (last year)",
    "Totaal (euro)": "Total (euro)",
    "Woningen van de organisatie": "Dwellings of the organisation",
    "Lezing": "Reading",
    "Uitgaven per buurt berekenen…": "Calculating spending per neighbourhood…",
    "Uitgaven en projecten berekenen…": "Calculating spending and projects…",
    'Waar ging het geld heen?': 'Where did the money go?',
    'Uitgaven naast verandering': 'Spending against change',
    'Uitgaven naast behoefte': 'Spending against need',
    'Elk punt is een buurt: rechts meer behoefte, omhoog meer uitgaven van {organisatie} per inwoner per jaar ({periode}). Behoefte: de rangorde op {maat} (de statusscore van de buurttype-regel), 100 is de buurt met de meeste behoefte. Gearceerd: de vijfde van de buurten met de meeste behoefte.':
        'Each point is a neighbourhood: to the right more need, upwards more spending by {organisatie} per inhabitant per year ({periode}). Need: the rank on {maat} (the status score of the neighbourhood type rule), 100 is the neighbourhood with the most need. Shaded: the fifth of neighbourhoods with the most need.',
    'Veel behoefte, weinig uitgaven': 'High need, little spending',
    '{organisatie} gaf tussen de nulmeting en het gekozen jaar niets uit dat u mag zien. Kies in de zijbalk een ander jaar of een andere nulmeting.':
        '{organisatie} spent nothing you may see between the baseline and the chosen year. Choose another year or another baseline in the sidebar.',
    'Kies in de zijbalk een uitkomstindicator die voor en na de uitgaven is gemeten (bijvoorbeeld de Leefbaarometerscore).':
        'Choose an outcome indicator in the sidebar that was measured before and after the spending (for example the Leefbaarometer score).',
    'Elk punt is een buurt: rechts de uitgaven van {organisatie} ({eenheid}, {periode}), omhoog de verandering van {indicator} van {van} tot {tot}. Ruiten op 0: buurten van hetzelfde buurttype waar alle organisaties samen minder dan {drempel} euro per inwoner per jaar uitgaven. Lijnen: de marge (95%) waar die bekend is. Het getal naast een punt: lopende projecten. Klik op een punt om het buurtprofiel te openen.':
        'Each point is a neighbourhood: to the right the spending of {organisatie} ({eenheid}, {periode}), upwards the change in {indicator} from {van} to {tot}. Diamonds at 0: neighbourhoods of the same type where all organisations together spent less than {drempel} euro per inhabitant per year. Lines: the margin (95%) where known. The number beside a point: projects that ran. Click a point to open the neighbourhood profile.',
    'Er is geen statusscore geladen om de behoefte mee te meten.':
        'No status score is loaded to measure need with.',
    'Buurten met een behoefte van 80 of meer waar {organisatie} minder dan {drempel} euro per inwoner per jaar uitgaf: een reden om te kijken, geen oordeel.':
        'Neighbourhoods with a need of 80 or more where {organisatie} spent less than {drempel} euro per inhabitant per year: a reason to look, not a judgement.',
    'Uitgaven ({eenheid})': 'Spending ({eenheid})',
    'Vaste klassen: dezelfde kleur is hetzelfde bedrag voor elke organisatie en periode. Grijs: buiten het buurttypefilter. Wit: geen uitgaven. Klik op een buurt om haar profiel te openen.':
        'Fixed classes: the same colour is the same amount for every organisation and period. Grey: outside the neighbourhood type filter. White: no spending. Click a neighbourhood to open its profile.',
    'Buurten met en zonder uitgaven kunnen ook op andere punten verschillen, en andere organisaties en ontwikkelingen spelen mee.':
        'Neighbourhoods with and without spending may also differ in other ways, and other organisations and developments play a part.',
    'Leefbaarheidsuitgaven van {organisatie} per buurt, {periode}, in {eenheid}.':
        'Liveability spending of {organisatie} per neighbourhood, {periode}, in {eenheid}.',
    'open profiel': 'open profile',
    'geen uitgaven van deze organisatie in {periode}':
        'no spending by this organisation in {periode}',
    'geen buurttype': 'no neighbourhood type',
    'geen uitgaven van deze organisatie': 'no spending by this organisation',
    'Uitgaven ({eenheid}), {periode}': 'Spending ({eenheid}), {periode}',
    'Verandering {van}–{tot} ({eenheid})': 'Change {van}–{tot} ({eenheid})',
    'Behoefte (0-100, hoger is meer behoefte)': 'Need (0-100, higher is more need)',
    'Uitgaven (euro per inwoner per jaar), {periode}':
        'Spending (euro per inhabitant per year), {periode}',
    'Behoefte': 'Need',
    'euro per inwoner per jaar': 'euro per inhabitant per year',
    'euro per woning per jaar': 'euro per dwelling per year',
    'Groep': 'Group',
    'Marge (95%)': 'Margin (95%)',
    'met uitgaven': 'with spending',
    'vergelijkbaar, (bijna) zonder uitgaven': 'comparable, (almost) without spending',
    'Een vergelijking, geen bewijs van effect.': 'A comparison, not proof of effect.',
    'Per woning van de organisatie in de buurt (haar laatst opgegeven aantal in de periode), gemiddeld per jaar.':
        'Per dwelling of the organisation in the neighbourhood (its latest reported number in the period), averaged per year.',
    'Per inwoner van de buurt: het aantal woningen van de organisatie is niet overal bekend. Gemiddeld per jaar.':
        "Per inhabitant of the neighbourhood: the organisation's number of dwellings is not known everywhere. Averaged per year.",
    'Periode van de verandering': 'Period of the change',
    'Uitgaven in de periode': 'Spending in the period',
    'Behoefte gemeten met': 'Need measured with',
    'Profiel': 'Profile',
    'Periode': 'Period',
    "Briefing over {organisatie} maken (PDF)": "Make a briefing on {organisatie} (PDF)",
    "De briefing van de gemeente met de kaart van de uitgaven en de uitgaven naast verandering, met de kanttekening. Vertrouwelijk: alleen binnen de afspraken over deze bron delen.":
        "The municipality's briefing with the spending map and spending against change, with the caveat. Confidential: share only within the agreements on this source.",
    "Uitgaven van {organisatie}": "Spending of {organisatie}",
    "Paars: de buurten met uitgaven van {organisatie}; grijs op 0: vergelijkbare buurten (hetzelfde buurttype) met (bijna) geen uitgaven. Omhoog: de verandering van {indicator} ({eenheid}) van {van} tot {tot}; lijnen: de marge (95%).":
        "Purple: the neighbourhoods with spending by {organisatie}; grey at 0: comparable neighbourhoods (same type) with (almost) no spending. Upwards: the change in {indicator} ({eenheid}) from {van} to {tot}; lines: the margin (95%).",
    "Uitgaven (euro per woning per jaar)": "Spending (euro per dwelling per year)",
    "Uitgaven (euro per inwoner per jaar)": "Spending (euro per inhabitant per year)",
    # --- issue 22 (the map page for one gemeente, lighter) ---
    "Toon de tabel bij de kaart": "Show the table for the map",
    "De downloads bevatten altijd alle gebieden in het filter.": "The downloads always hold "
    "every area in the filter.",
    "{n} gebieden in het filter.": "{n} areas in the filter.",
}


def translate(text: str, taal: str, **values: object) -> str:
    """`text` in the chosen language (Dutch when there is no entry), with `values` filled in."""
    chosen = EN.get(text, text) if taal == "en" else text
    return chosen.format(**values) if values else chosen


_SENTENCE = re.compile(r"(?<=[.!?)])\s+(?=[A-Z(])")
# Unit words inside numbers written by metrics.formatting ("+2,1 procentpunt").
_UNIT_WORDS = {"geen aantoonbaar verschil": "no demonstrable difference", "marge": "margin",
               " (totaal)": " (total)", " (per buurt)": " (per neighbourhood)",
               " (gemiddeld per buurt)": " (mean per neighbourhood)",
               " procentpunt": " percentage points", " %-punt": " %-points", "(vanaf ": "(since ",
               "(afwijking)": "(deviation)", "Beste: ": "Best: ", "; minste: ": "; weakest: ",
               "Hoogste: ": "Highest: ", "; laagste: ": "; lowest: ",
               "(buiten de marges)": "(beyond the margins)", "(indicatief)": "(indicative)", "% van de woningen": "% of dwellings",
               "% van de huishoudens": "% of households", "% van de inwoners": "% of inhabitants",
               "afwijking (score)": "deviation (score)", "cijfer (1-10)": "mark (1-10)",
               "schaalscore (0-10)": "scale score (0-10)",
               "personen per huishouden": "persons per household",
               "% van de bevolking 15-75 jaar": "% of the population aged 15-75", "aantal": "count", "per 1.000 inwoners": "per 1.000 inhabitants",
               "per 1.000 woningen": "per 1.000 dwellings", " duizend euro": " thousand euro",
               "(synthetisch)": "(synthetic)", "onderdrukt (te weinig waarnemingen)":
               "suppressed (too few observations)", "geen gegevens": "no data",
               "betrouwbaarheid": "reliability", "hoog": "high", "middel": "medium",
               "laag": "low", "onbekend": "unknown"}


# The project's own words in a source line (not the sources' names, which stay as they are).
_SOURCE_WORDS = (
    ("Bron: ", "Source: "), ("Synthetische demogegevens", "Synthetic demo data"),
    (", reeks herberekend op de grenzen van ", ", series recalculated on the boundaries of "),
    ("(modelschatting)", "(model estimate)"), ("eigen administratie", "own records"),
    ("gemeentelijke bewonersenquête", "municipal residents' survey"),
    ("Source: gemeente", "Source: municipality"),
)


def translate_notice(notice: str, taal: str) -> str:
    """A notice about the address (dashboard.state.Notice: made before the language is known) in
    the chosen language; the default it names ('geen', 'alle buurttypen') too."""
    template = getattr(notice, "template", "")
    if taal != "en" or not template:
        return str(notice)
    values = dict(notice.values)  # type: ignore[attr-defined]
    if isinstance(values.get("standaard"), str):
        values["standaard"] = translate(values["standaard"], taal)
    return translate(template, taal, **values)


def translate_source(text: str, taal: str) -> str:
    """A source line ('Bron: CBS', '2024 · Bron: CBS') with its Dutch lead word and the project's
    own descriptions in English; the source's own name stays as the source calls itself."""
    if taal != "en" or not isinstance(text, str):
        return text
    for dutch, english in _SOURCE_WORDS:
        text = text.replace(dutch, english)
    return text


# The words of a buurttype rule's description (the income rule the loader derives, and the
# 'name: buurten = type; overige buurten = type' form of a gemeente's own list); the names of
# programmes and buurten stay as they are.
_RULE_WORDS = (
    ("Inkomen per inwoner", "Income per inhabitant"),
    ("laagste 20% van de buurten in de gemeente", "lowest 20% of the gemeente's neighbourhoods"),
    ("hoogste 20%", "highest 20%"), ("(sinds circa ", "(since about "), ("(sinds ", "(since "),
    ("overige buurten", "other neighbourhoods"), (" en ", " and "),
    ("= achterstand", "= disadvantaged"), ("= middenstand", "= middle-status"),
    ("= midden", "= middle-status"), ("= voorstand", "= advantaged"),
)


def translate_rule(label: str, taal: str) -> str:
    """A buurttype rule's description (buurttypes.rule_label) in the chosen language."""
    if taal != "en" or not isinstance(label, str):
        return label
    for dutch, english in _RULE_WORDS:
        label = label.replace(dutch, english)
    return label


_SIGNAL_WORDS = (
    ("; dat is een statistisch betekenisvolle verslechtering.",
     "; a statistically significant worsening."),
    ("; dat is een statistisch betekenisvolle verbetering.",
     "; a statistically significant improvement."),
    (": gestegen van ", ": rose from "), (": gedaald van ", ": fell from "), (" naar ", " to "),
    (": twee metingen op rij slechter, ", ": worse in two measurements in a row, "),
    (", boven de signaalwaarde van ", ", above the signal value of "),
    (", onder de signaalwaarde van ", ", below the signal value of "),
    # The briefing's plain wording of a test (dashboard.briefing.plain).
    (", duidelijk meer dan toeval.", ", clearly more than chance."),
)


def translate_signal(text: str, taal: str, names: dict[str, str] | None = None) -> str:
    """A reason sentence of metrics.early_warning in English: the indicator's name (`names`:
    Dutch to English), the fixed words and the units; numbers keep their notation."""
    if taal != "en" or not isinstance(text, str):
        return text
    name, sep, rest = text.partition(": ")
    for dutch, english in _SIGNAL_WORDS:
        rest = rest.replace(dutch.removeprefix(": "), english.removeprefix(": "))
    return (names or {}).get(name, name) + sep + _units(rest)


_SHORT_WORDS = 12


def translate_cell(value: object, taal: str) -> object:
    """A short text cell of a table: whole when it has an entry, else each part between ' · '
    and the unit words (a long sentence stays as it is unless it has an entry)."""
    if taal != "en" or not isinstance(value, str):
        return value
    if value in EN:
        return EN[value]
    if value.startswith("Bron: ") or value == "Synthetische demogegevens":  # an attribution
        return translate_source(value, taal)
    parts = value.split(" · ")
    # A sentence (a definition, a survey question) is data and has no entry: left whole, not
    # half-translated by its unit words.
    return " · ".join(EN.get(part, part if len(part.split()) > _SHORT_WORDS else _units(part))
                      for part in parts)


def translate_unit(unit: str, taal: str) -> str:
    """A unit on its own ('percentielrang', '% van de inwoners'): whole when it has an entry,
    else its unit words."""
    if taal != "en" or not unit:
        return unit
    return EN.get(unit, _units(unit))


def translate_title(text: str, taal: str) -> str:
    """A title such as 'Verschil met de gemeente (procentpunt)' or 'Verschil met de gemeente,
    afwijking (score)' (metrics.references): whole, else its label and its unit."""
    if taal != "en" or not text:
        return text
    if text in EN:
        return EN[text]
    if ", " in text:
        label, unit = text.split(", ", 1)
        return f"{EN.get(label, label)}, {translate_unit(unit, taal)}"
    found = re.fullmatch(r"(?P<label>.+?) \((?P<unit>[^()]*)\)", text)
    if not found:
        return text
    label, unit = found["label"], found["unit"]
    # A title with two brackets ('Percentielrang binnen de selectie (0-100) (percentielrang)'):
    # the label is a title itself.
    return f"{EN.get(label) or translate_title(label, taal)} ({translate_unit(unit, taal)})"


def translate_sentences(text: str, taal: str) -> str:
    """A caption of several sentences (e.g. a legend caption from metrics), each translated when
    it has an entry; a sentence without one stays Dutch."""
    if taal != "en" or not text:
        return text
    return " ".join(_sentence(part) for part in _SENTENCE.split(text.strip()))


def _sentence(part: str) -> str:
    if part in EN:
        return EN[part]
    # A sentence with a year in it ('... in 2014, maal 100') has an entry with {jaar}.
    years = re.findall(r"\b(?:19|20)\d{2}\b", part)
    template = re.sub(r"\b(?:19|20)\d{2}\b", "{jaar}", part)
    if years and template in EN and len(set(years)) == 1:
        return EN[template].replace("{jaar}", years[0])
    return part


# Whole words only ('middel' is no unit inside 'gemiddelde'), longest first, in one pass.
_UNIT_PATTERN = re.compile("|".join(
    ("(?<!\\w)" if word[0].isalnum() else "") + re.escape(word) + ("(?!\\w)" if word[-1].isalnum() else "")
    for word in sorted(_UNIT_WORDS, key=len, reverse=True)))


def _units(text: str) -> str:
    return _UNIT_PATTERN.sub(lambda found: _UNIT_WORDS[found[0]], text)


def translate_number_text(text: object, taal: str) -> object:
    """A number as metrics.formatting wrote it ('+2,1 procentpunt (synthetisch)') with its unit
    words in English; the number keeps its Dutch notation, as everywhere."""
    if taal != "en" or not isinstance(text, str):
        return text
    return _units(text)
