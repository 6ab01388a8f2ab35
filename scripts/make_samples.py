"""Write the bundled sample archive (content/raw/sample_*): short articles written for this
project, not real reports, across three years, several outlets and four languages. Re-run
after editing the texts below: `python scripts/make_samples.py`."""
import json
from pathlib import Path

RAW = Path(__file__).resolve().parents[1] / "content" / "raw"
EN_M = "January February March April May June July August September October November December".split()
DE_M = "Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split()
FR_M = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()
ES_M = "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split()

def dateline(lang, place, y, m, d, style=0):
    if lang == "de":
        return f"{place}, {d}. {DE_M[m-1]} {y}."
    if lang == "fr":
        return f"{place.upper()}, {d} {FR_M[m-1]} {y} —"
    if lang == "es":
        return f"{place.upper()}, {d} de {ES_M[m-1]} de {y} —"
    if style:
        return f"{place.upper()}, {EN_M[m-1]} {d}, {y} —"
    return f"{place.upper()}, {d} {EN_M[m-1]} {y} —"

OUTLETS = {
    "Steppe Report": ("Home | Politics | Economy | Regions", "© {y} Steppe Report"),
    "Harbour Times": ("Menu\nSearch\nWorld | Business | Opinion", "© {y} Harbour Times. All rights reserved."),
    "Daily Ledger": ("Daily Ledger\nSubscribe\nWorld | Markets | Climate", "© {y} Daily Ledger. All rights reserved."),
    "Wiener Blatt": ("Startseite | Politik | Wirtschaft | Wien", "© {y} Wiener Blatt – Alle Rechte vorbehalten"),
    "Le Courrier du Lac": ("Accueil | Politique | Économie | Monde", "© {y} Le Courrier du Lac – Tous droits réservés"),
    "Pacific Wire": ("Pacific Wire\nLatin America | Asia-Pacific | Markets", "© {y} Pacific Wire"),
    "Diario del Sur": ("Inicio | Política | Economía | Mundo", "© {y} Diario del Sur. Todos los derechos reservados."),
}
RELATED = {"en": "Most read", "de": "Meistgelesen", "fr": "Les plus lus", "es": "Lo más leído"}
BYWORD = {"en": "By", "de": "Von", "fr": "Par", "es": "Por"}

A = []
def art(slug, outlet, lang, ymd, place, title, byline, paras, standfirst="", role="", style=0):
    A.append(dict(slug=slug, outlet=outlet, lang=lang, ymd=ymd, place=place, title=title,
                  byline=byline, paras=paras, standfirst=standfirst, role=role, style=style))

# ---- Central Asia (Steppe Report), 2021-2023
art("kz_wheat_harvest_2021", "Steppe Report", "en", (2021, 9, 14), "Nur-Sultan", "Kazakhstan Expects Smaller Wheat Harvest After Dry Summer", "Aigerim Sultanova", [
    "Kazakhstan expects this year's wheat harvest to be about a fifth smaller than last year's after a hot and dry summer in the northern grain belt, the Ministry of Agriculture said on Tuesday.",
    "Farmers in Kostanay and Akmola regions reported yields well below average, and several districts declared a local emergency to speed up payments from the state insurance fund.",
    "Traders said buyers in Uzbekistan and Afghanistan, the largest importers of Kazakh flour, were already asking about prices for the next season."], style=1)
art("kz_grain_quota_2021", "Steppe Report", "en", (2021, 11, 2), "Almaty", "Kazakhstan Limits Wheat Exports Until Spring", "Daniel Moss", [
    "Kazakhstan will limit wheat exports until the end of March to keep domestic flour prices stable, the government said on Tuesday, after a harvest hurt by drought.",
    "The quota allows shipments of one million tonnes, mostly to Uzbekistan, Tajikistan and Afghanistan. Exporters must register each contract with the Ministry of Agriculture.",
    "The Eurasian Economic Union was informed of the measure, a government spokesperson said."], style=1)
art("uz_rail_link_2022", "Steppe Report", "en", (2022, 5, 19), "Tashkent", "Uzbekistan and Kyrgyzstan Agree Timetable for Rail Link to China", "Aigerim Sultanova", [
    "Uzbekistan and Kyrgyzstan agreed on Thursday on a timetable for the design of a railway that would connect the Fergana Valley with western China, the transport ministries of both countries said.",
    "Engineers will finish surveys of the mountain route within a year, and the two governments will ask the Asian Development Bank and the World Bank to help pay for the project.",
    "China has offered to build the section on its side of the border, officials in Tashkent said."])
art("kz_energy_prices_2022", "Steppe Report", "en", (2022, 1, 11), "Almaty", "Kazakhstan Caps Fuel Prices for Six Months After Protests", "Daniel Moss", [
    "The government of Kazakhstan said on Tuesday it would cap the retail price of liquefied gas and diesel for six months, after protests over fuel costs spread to several cities this month.",
    "Energy Minister Marat Bekov said the cap would cost the budget about 50 billion tenge and that the ministry would review the market for car fuel with the competition agency.",
    "Bekov said that the Eurasian Economic Union had been told of the decision."], style=1)
art("kg_gold_mine_2022", "Steppe Report", "en", (2022, 8, 30), "Bishkek", "Kyrgyzstan Signs Deal to Run Gold Mine With Foreign Partner", "Nurlan Abdrakhmanov", [
    "Kyrgyzstan signed an agreement on Tuesday with a foreign mining company to run the Jerooy gold deposit jointly, the state mining company said, ending a dispute that lasted two years.",
    "Under the deal the state keeps a majority stake, and the partner will invest in a new processing plant and a road to the mine.",
    "Environmental groups asked the government to publish the full contract and the water use plan for the plant."])
art("kz_energy_minister_2023", "Steppe Report", "en", (2023, 3, 7), "Astana", "Kazakhstan to Build Its First Large Wind Farm in the North", "Aigerim Sultanova", [
    "Kazakhstan will build its first large wind farm near the city of Pavlodar with a French partner, Energy Minister Marat Bekov said on Tuesday at an energy conference in Astana.",
    "The farm, with a capacity of one gigawatt, is expected to start producing power in 2026 and to supply industry in the north of the country.",
    "Bekov said Kazakhstan wanted renewables to provide a sixth of its electricity by the end of the decade, and that talks with the European Union on green hydrogen would continue in May."], style=1)
art("uz_water_2023", "Steppe Report", "en", (2023, 6, 21), "Tashkent", "Central Asian States Meet on Water Sharing as Rivers Run Low", "Nurlan Abdrakhmanov", [
    "Officials from Uzbekistan, Kazakhstan, Kyrgyzstan, Tajikistan and Turkmenistan met in Tashkent on Wednesday to discuss how to share water from the Syr Darya and Amu Darya rivers during a dry summer.",
    "Uzbekistan asked its upstream neighbours to release more water from reservoirs in July, when demand from cotton farms peaks.",
    "The United Nations Development Programme, which supports the talks, said the region loses a large share of its irrigation water to old canals."])

# ---- Europe (Harbour Times, Daily Ledger)
art("pt_storm_2021", "Harbour Times", "en", (2021, 2, 4), "Lisbon", "Storm Floods Coastal Towns in Portugal", "Mira Castell", [
    "A winter storm flooded streets in several coastal towns in Portugal overnight, forcing hundreds of residents to leave their homes, civil protection officials said on Thursday.",
    "Rescue teams used boats to reach people trapped on upper floors in the old quarter of Aveiro, where water rose more than a metre, according to the fire service.",
    "The government said it would ask the European Union for disaster funds to repair roads and the sea wall."])
art("pt_ports_strike_2022", "Harbour Times", "en", (2022, 10, 12), "Lisbon", "Dock Workers Strike Over Pay in Three Portuguese Ports", "Aigul Nurlanova", [
    "Dock workers in Lisbon, Setúbal and Sines walked off the job on Wednesday, demanding a pay rise that keeps pace with inflation, union leaders said at a news conference.",
    "\"We will stay out until the offer is improved,\" a union official told Reuters.",
    "Talks between the union and the employers' association are expected to resume on Friday, with a mediator appointed by the labour ministry.",
    "Exporters warned that a long stoppage would delay shipments to Brazil and Spain."],
    standfirst="The stoppage is the largest in Portuguese ports for four years.", role="Staff correspondent")
art("pt_brazil_science_2023", "Harbour Times", "en", (2023, 4, 18), "Porto", "Portugal and Brazil Open Joint Ocean Research Centre", "Mira Castell", [
    "Portugal and Brazil opened a joint ocean research centre in Porto on Tuesday, the first project of a science agreement signed by the two countries last year.",
    "Researchers from the University of Porto and the University of São Paulo will study currents and fish stocks in the Atlantic, with funding from both governments and the European Union.",
    "The centre will also train young scientists from Angola and Mozambique, the Portuguese science minister said."])
art("pl_floods_2021", "Daily Ledger", "en", (2021, 7, 20), "Warsaw", "Poland Pledges Aid After Floods in the South", "Tomasz Wrona", [
    "The Polish government pledged emergency aid on Tuesday to towns in the south of the country hit by floods after three days of heavy rain.",
    "In Kraków, the Vistula rose close to the top of its embankments, and the city closed several riverside roads as a precaution.",
    "Poland will apply to the European Union Solidarity Fund for help with the cost of repairs, the interior ministry said."])
art("pl_lodz_trams_2022", "Daily Ledger", "en", (2022, 9, 6), "Łódź", "Łódź Orders New Trams to Replace Its Oldest Fleet", "Tomasz Wrona", [
    "The city of Łódź ordered 40 low-floor trams on Tuesday to replace vehicles that have run on its streets since the 1980s, the city transport company said.",
    "The trams will be built in Bydgoszcz, and the first ones are expected in the autumn of next year. The European Union will pay for most of the order from its cohesion funds.",
    "Łódź, Poland's third-largest city, has rebuilt much of its tram network over the past decade."])
art("pl_wind_2023", "Daily Ledger", "en", (2023, 2, 15), "Gdańsk", "Baltic States and Poland Plan Power Cable for Offshore Wind", "Anna Lind", [
    "Poland, Lithuania, Latvia and Estonia agreed on Wednesday to study a shared undersea power cable that would connect offshore wind farms in the Baltic Sea, energy ministers said in Gdańsk.",
    "The European Commission will pay for half of the study, which should be finished next year.",
    "The countries want to add about 20 gigawatts of offshore wind by 2040, officials said."])
art("de_rail_strike_2023", "Daily Ledger", "en", (2023, 3, 27), "Berlin", "Transport Strike Halts Trains and Flights Across Germany", "Anna Lind", [
    "Trains, buses and most flights stopped across Germany on Monday as transport unions held a one-day strike over pay, disrupting travel for millions of people.",
    "Deutsche Bahn cancelled all long-distance trains, and the airports in Frankfurt and Munich closed to passenger traffic for the day.",
    "The unions want pay rises of more than ten percent to make up for inflation; employers called the demand unaffordable."])
art("gh_cocoa_2021", "Daily Ledger", "en", (2021, 10, 1), "Accra", "Ghana Raises Price Paid to Cocoa Farmers", "Kwame Asante", [
    "Ghana raised the price it pays cocoa farmers by about a fifth for the new season on Friday, the Ghana Cocoa Board said, as farmers complained about the rising cost of fertiliser.",
    "The board said the increase would be paid for by a loan from a group of international banks that is repaid from sales of the crop.",
    "Côte d'Ivoire, the world's largest cocoa producer, raised its own price on the same day."])
art("gh_solar_2022", "Daily Ledger", "en", (2022, 12, 9), "Accra", "Ghana Plans More Solar Plants After First One Opens", "Kwame Asante", [
    "Ghana plans to build four more solar plants in its northern regions after the first large plant began supplying power this year, the energy ministry said on Friday.",
    "The plants are part of a programme backed by the World Bank and the African Development Bank to bring power to villages that are not connected to the national grid.",
    "The ministry said the plants would reduce the country's use of imported diesel."])
art("mn_japan_2023", "Pacific Wire", "en", (2023, 9, 5), "Ulaanbaatar", "Mongolia and Japan Sign Deal on Rare Earth Surveys", "Camila Rojas", [
    "Mongolia and Japan signed an agreement on Tuesday to survey rare earth deposits in the south of Mongolia, the two governments said after talks in Ulaanbaatar.",
    "Japanese companies will get the right to negotiate first for any deposits that prove large enough to mine, under the agreement.",
    "Mongolia is trying to sell more of its minerals to countries other than China and Russia, its two neighbours."])
art("cl_pe_fish_2023", "Pacific Wire", "en", (2023, 1, 24), "Lima", "Peru Cancels Anchovy Season After Warm Waters Drive Fish South", "Camila Rojas", [
    "Peru cancelled the first anchovy fishing season of the year on Tuesday after surveys found too many young fish, the production ministry said.",
    "Scientists said warm water off the coast had pushed the shoals south towards Chile, where fishers reported better catches.",
    "The Food and Agriculture Organization (FAO) said the decision would tighten world supplies of fishmeal."])

# ---- German (Wiener Blatt)
art("at_tram_2022", "Wiener Blatt", "de", (2022, 6, 7), "Wien", "Stadt Wien plant neue Straßenbahnlinie im Norden", "Katharina Huber", [
    "Die Stadt Wien will bis 2026 eine neue Straßenbahnlinie in den nördlichen Bezirken bauen, teilte die Verkehrsstadträtin am Dienstag mit.",
    "Die Linie soll rund zwölf Kilometer lang werden und drei bestehende U-Bahn-Stationen verbinden. Die Kosten werden auf etwa 300 Millionen Euro geschätzt.",
    "Anrainer hatten sich seit Jahren für eine bessere Anbindung eingesetzt, hieß es aus dem Rathaus."])
art("at_gas_2022", "Wiener Blatt", "de", (2022, 10, 3), "Wien", "Österreich füllt Gasspeicher schneller als geplant", "Lukas Gruber", [
    "Österreich hat seine Gasspeicher vor dem Winter schneller gefüllt als geplant, teilte das Energieministerium am Montag mit.",
    "Die Speicher seien zu mehr als 80 Prozent voll, ein Teil des Gases stamme inzwischen aus Norwegen und aus Flüssiggas, das über Italien und Deutschland geliefert werde.",
    "Die Europäische Union hatte ihre Mitglieder aufgefordert, die Speicher bis November zu füllen."])
art("de_heat_2023", "Wiener Blatt", "de", (2023, 7, 18), "München", "Hitzewelle: Bayern warnt vor Waldbränden", "Lukas Gruber", [
    "Wegen anhaltender Hitze hat Bayern am Dienstag für mehrere Landkreise die höchste Waldbrandwarnstufe ausgerufen.",
    "Der Deutsche Wetterdienst rechnet bis zum Wochenende mit Temperaturen von mehr als 35 Grad. Auch in Österreich und der Schweiz wurde vor Trockenheit gewarnt.",
    "Die Feuerwehren baten Wanderer, in den Wäldern nicht zu rauchen."])
art("at_rail_2021", "Wiener Blatt", "de", (2021, 12, 12), "Wien", "Neuer Nachtzug verbindet Wien mit Paris", "Katharina Huber", [
    "Zum ersten Mal seit Jahren fährt wieder ein Nachtzug von Wien nach Paris, teilten die Österreichischen Bundesbahnen am Sonntag mit.",
    "Der Zug hält unter anderem in München und Straßburg und soll dreimal pro Woche verkehren. Frankreich und Österreich unterstützen die Verbindung.",
    "Die Bahn rechnet mit einer hohen Auslastung vor allem in den Sommermonaten."])

# ---- French (Le Courrier du Lac)
art("fr_lake_2021", "Le Courrier du Lac", "fr", (2021, 5, 27), "Genève", "La Suisse et la France signent un accord sur le lac Léman", "Claire Dubois", [
    "La Suisse et la France ont signé jeudi un accord pour mieux protéger l'eau du lac Léman, ont annoncé les deux gouvernements à Genève.",
    "L'accord prévoit de nouvelles stations d'épuration et un suivi commun de la qualité de l'eau et des poissons.",
    "Les pêcheurs des deux rives ont salué la décision, tout en demandant des contrôles plus fréquents."])
art("fr_ghana_2022", "Le Courrier du Lac", "fr", (2022, 4, 12), "Paris", "La France prête 200 millions d'euros au Ghana pour l'énergie solaire", "Claire Dubois", [
    "La France va prêter 200 millions d'euros au Ghana pour construire des centrales solaires dans le nord du pays, a annoncé mardi l'Agence française de développement.",
    "Le prêt financera aussi des lignes électriques vers des villages qui ne sont pas raccordés au réseau national.",
    "La Banque mondiale participe également au programme, selon le ministère ghanéen de l'énergie."])
art("fr_kz_2023", "Le Courrier du Lac", "fr", (2023, 3, 8), "Paris", "Un groupe français construira un parc éolien au Kazakhstan", "Julien Moreau", [
    "Un groupe énergétique français construira un parc éolien d'un gigawatt dans le nord du Kazakhstan, a annoncé mercredi le ministère kazakh de l'énergie.",
    "Le projet, le plus grand du pays, doit entrer en service en 2026. Le Kazakhstan veut réduire sa dépendance au charbon.",
    "L'Union européenne a signé en 2022 un partenariat avec le Kazakhstan sur les matières premières et l'hydrogène vert."])

# ---- Spanish (Diario del Sur)
art("cl_lithium_2023", "Diario del Sur", "es", (2023, 4, 21), "Santiago", "Chile anuncia una estrategia nacional para el litio", "Valentina Soto", [
    "El Gobierno de Chile anunció el viernes una estrategia nacional para el litio, que dará al Estado el control de los nuevos proyectos en los salares del norte.",
    "Las empresas privadas podrán participar en asociaciones con una empresa estatal, según el Ministerio de Minería.",
    "Chile es el segundo productor mundial de litio, detrás de Australia."])
art("pe_chile_2021", "Diario del Sur", "es", (2021, 11, 18), "Lima", "Perú y Chile acuerdan compartir datos sobre la pesca de anchoveta", "Valentina Soto", [
    "Los gremios pesqueros de Perú y Chile acordaron el jueves compartir datos sobre las poblaciones de anchoveta frente a sus costas.",
    "El acuerdo pide a ambos gobiernos fijar las cuotas de pesca a partir de estudios conjuntos.",
    "Científicos de la Organización de las Naciones Unidas para la Alimentación y la Agricultura revisarán los primeros estudios."])
art("es_drought_2023", "Diario del Sur", "es", (2023, 5, 9), "Madrid", "España aprueba ayudas para los agricultores afectados por la sequía", "Javier Ortega", [
    "El Gobierno de España aprobó el martes un paquete de ayudas de 2.000 millones de euros para los agricultores afectados por la sequía.",
    "Las ayudas incluyen rebajas de impuestos y dinero para mejorar el riego, según el Ministerio de Agricultura.",
    "La Comisión Europea permitió a España usar fondos de la Unión Europea para parte del paquete."])

# ---- more, written as HTML pages and scraper records
HTML = [
    dict(slug="uz_cotton_2022", outlet="Daily Ledger", date="2022-03-15", title="Uzbekistan Ends State Cotton Quotas for Farmers", byline="Anna Lind", paras=[
        "Uzbekistan ended state quotas for cotton on Tuesday, letting farmers sell their crop to private textile companies at market prices, the agriculture ministry said.",
        "The International Labour Organization said last year that forced labour had been removed from the cotton harvest, a change that opened markets in Europe to Uzbek yarn.",
        "Farmers' groups welcomed the decision but asked for cheaper credit to buy seeds and machinery."]),
    dict(slug="mn_coal_2021", outlet="Pacific Wire", date="2021-04-08", title="Mongolia Opens Rail Line to Carry Coal to the Chinese Border", byline="Camila Rojas", paras=[
        "Mongolia opened a railway on Thursday that will carry coal from the Tavan Tolgoi mine to the border with China, replacing thousands of truck journeys a year.",
        "The government said the line would cut transport costs and dust in villages along the road, and would later connect to ports in Russia.",
        "Coal is Mongolia's largest export, and almost all of it goes to China."]),
]
RECORDS = [
    dict(title="Japan and the European Union Agree on Hydrogen Standards", date="2023-07-13 09:00:00", url="https://example.org/pacific-wire/hydrogen-standards", source="Pacific Wire", authors=["Kenji Watanabe"], text=[
        "Japan and the European Union agreed on Thursday to work on common standards for hydrogen fuel, the European Commission said after a meeting in Brussels.",
        "The standards would cover how hydrogen is produced, stored and shipped, and would make it easier for Japanese companies to sell fuel cells in Europe.",
        "Officials said talks on the first standards would begin in the autumn."]),
    dict(title="Peru and Chile Reopen Border Crossing After Three Months", date="2022-06-30 18:30:00", url="https://example.org/pacific-wire/border-crossing", source="Pacific Wire", authors=["Camila Rojas", "Diego Paredes"], text=[
        "Peru and Chile reopened the main border crossing between Tacna and Arica on Thursday after it was closed for three months during a dispute over migration checks.",
        "Truck drivers had waited for days on both sides of the border, and shops in Tacna said they had lost most of their customers.",
        "The two governments agreed to set up a joint office to check documents at the crossing."]),
    dict(title="Ghana and Côte d'Ivoire Coordinate Cocoa Sales", date="2023-11-02 12:00:00", url="https://example.org/pacific-wire/cocoa-sales", source="Pacific Wire", authors=["Kwame Asante"], text=[
        "Ghana and Côte d'Ivoire, which together grow most of the world's cocoa, agreed on Thursday to coordinate the timing of their forward sales for the next season.",
        "The Ghana Cocoa Board said the two countries wanted to support prices after a poor harvest. Chocolate makers in Europe said they were watching the plan closely.",
        "The World Bank said better prices should reach farmers, not only the state boards."]),
]

def text_dump(a):
    y, m, d = a["ymd"]
    nav, foot = OUTLETS[a["outlet"]]
    lang = a["lang"]
    lines = [a["outlet"], nav, "", a["title"], ""]
    if a["standfirst"]:
        lines += [a["standfirst"], ""]
    by = f"{BYWORD[lang]} {a['byline']}" + (f" | {a['role']}" if a["role"] else "")
    lines += [by, ""]
    dl = dateline(lang, a["place"], y, m, d, a["style"])
    paras = list(a["paras"])
    paras[0] = f"{dl} {paras[0]}"
    for p in paras:
        lines += [p, ""]
    lines += [RELATED[lang], "  * " + {"en": "Markets close higher", "de": "Wetter: Regen am Wochenende", "fr": "Météo : retour de la pluie", "es": "El tiempo: lluvias el fin de semana"}[lang], "", foot.format(y=y),
              "Sample article written for the News Archive project; not a real news report."]
    return "\n".join(lines) + "\n"

def html_page(h):
    body = "".join(f"<p>{p}</p>\n" for p in h["paras"])
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>{h['title']} | {h['outlet']}</title>
<meta property="og:title" content="{h['title']}">
<meta property="og:site_name" content="{h['outlet']}">
<meta property="article:published_time" content="{h['date']}T08:00:00Z">
<meta name="author" content="{h['byline']}">
</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav></header>
<main><article>
<h1>{h['title']}</h1>
<p class="byline">By {h['byline']}</p>
{body}</article>
<aside><h2>Most read</h2><ul><li><a href="/a">Markets close higher</a></li></ul></aside>
</main><footer>© {h['date'][:4]} {h['outlet']}. All rights reserved.
<p>Sample page written for the News Archive project; not a real news report.</p></footer>
</body></html>
"""

for a in A:
    (RAW / f"sample_{a['slug']}.txt").write_text(text_dump(a), encoding="utf-8")
for h in HTML:
    (RAW / f"sample_{h['slug']}.html").write_text(html_page(h), encoding="utf-8")
with open(RAW / "sample_pacific_wire_records.jsonl", "w", encoding="utf-8") as f:
    for r in RECORDS:
        f.write(json.dumps({"title": r["title"], "maintext": "\n\n".join(r["text"] + ["Sample record written for the News Archive project; not a real news report."]), "date_publish": r["date"],
                            "url": r["url"], "source_domain": r["source"], "authors": r["authors"], "language": "en"}, ensure_ascii=False) + "\n")
print(len(A), len(HTML), len(RECORDS))
