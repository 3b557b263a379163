package corpus

import "strings"

// The pools below are sized like the reference generator's, so a corpus
// has as many terms per taxonomy and as many pages to render. Countries
// and organizations are real; people and sources are invented, so no
// made-up sentence is put in a real official's or outlet's mouth.

var countries = append(strings.Fields(`Armenia Azerbaijan Bahrain Belarus Brazil Canada
Chad China Egypt Eritrea Ethiopia France Georgia Germany Greece India Indonesia Iran Iraq
Israel Italy Japan Jordan Kazakhstan Kenya Kuwait Lebanon Libya Mali Mauritania Morocco
Niger Nigeria Norway Oman Pakistan Poland Qatar Russia Somalia Sudan Syria Tunisia Turkey
Ukraine Uzbekistan Yemen`),
	"United States", "United Kingdom", "Saudi Arabia", "United Arab Emirates", "South Korea",
	"South Sudan", "Sri Lanka", "Burkina Faso")

var givenNames = strings.Fields(`Adil Amina Anwar Bogdan Dilnoza Elena Farid Gulnara Hamid
Irina Javid Karim Lena Mehmet Nadia Omar Pavel Rania Samir Tamara Umar Vera Walid Yasmin
Zafar Arash Daria Faisal Kemal Leyla`)

var familyNames = strings.Fields(`Abdulov Barzani Chernov Darwish Esmaili Farouk Ganiev Haddad
Ismailov Jaber Kazemi Lebedev Mansour Nazarov Orlov Pahlavi Qasimov Rahmani Saidov Tarasov
Usmani Volkov Yusupov Zaman Akhmedov Bakr Demirel Nouri Sokolov Tahir`)

var organizations = []string{
	"United Nations Security Council", "Shanghai Cooperation Organisation", "NATO", "IAEA",
	"European Union", "Arab League", "Gulf Cooperation Council", "African Union", "ASEAN", "OPEC",
	"Collective Security Treaty Organization", "Organization of Islamic Cooperation", "Interpol",
	"World Food Programme", "UNHCR", "World Bank", "IMF", "OSCE", "BRICS", "Red Cross",
}

var events = []string{
	"Caspian Security Forum", "Gulf Maritime Dialogue", "Central Asia Border Conference",
	"Horn of Africa Peace Talks", "Black Sea Security Meeting", "Sahel Counter-Terrorism Summit",
	"Levant Reconstruction Conference", "Eurasian Energy Dialogue", "Indian Ocean Naval Symposium",
	"Red Sea Shipping Consultations", "Geneva Humanitarian Talks", "Nile Water Negotiations",
	"Regional Arms Control Round", "Silk Road Trade Forum", "Annual Intelligence Chiefs Meeting",
}

var topics = []string{
	"Regional security", "Counter-terrorism", "Sanctions", "Nuclear programme", "Refugees",
	"Energy", "Border security", "Military exercises", "Diplomacy", "Arms control",
	"Humanitarian aid", "Trade", "Cyber security", "Maritime security", "Drug trafficking", "Elections",
}

var sources = []string{
	"Regional Wire", "Gulf Observer", "Caspian Times", "Sahel Monitor", "Levant Daily",
	"Steppe News Agency", "Harbour Gazette", "Frontier Report",
}

var filler = strings.Fields(`the delegation said talks on security cooperation would resume next
month and warned that the ceasefire remained fragile while officials discussed sanctions border
patrols refugees and the supply of fuel to the region a spokesman described the meeting as
constructive and urged all parties to respect the agreement on prisoner exchanges humanitarian
corridors and joint monitoring of the frontier ministers also agreed to expand intelligence sharing`)
