# The directory benchmark's data set, deterministic so that seeding can resume where it stopped:
# 500 towns of the five countries of the Carpathian Euroregion with 20 people each, one JSON line per
# town: {code, organisation: <OrganisationView>, people: [<PersonView>, ...]}.
#
#   jq -n -c -f directory-data.jq

# A quadratic map modulo a prime below 2^26 (squares stay below 2^53, where jq's doubles are exact),
# iterated so that neighbouring seeds give unrelated numbers.
def rand($seed): reduce range(4) as $_ (($seed % 67108859) + 7; (. * . + 12345) % 67108859);
def pick($list; $seed): $list[rand($seed) % ($list | length)];
def chance($percent; $seed): rand($seed) % 100 < $percent;

# Names, positions and places as the town halls write them, in their own language and script.
def countries: {
  PL: {
    share: 210, language: "pl", phone: "+48 ",
    forms: ["Gmina Miejska %", "Gmina %", "Miasto %"],
    towns: ["Rzeszów", "Krosno", "Sanok", "Dębica", "Mielec", "Tarnobrzeg", "Stalowa Wola", "Łańcut",
      "Ropczyce", "Strzyżów", "Brzozów", "Dynów", "Kolbuszowa", "Leżajsk", "Lubaczów", "Nisko",
      "Rudnik nad Sanem", "Sędziszów Małopolski", "Głogów Małopolski", "Sokołów Małopolski", "Tyczyn",
      "Błażowa", "Dukla", "Iwonicz-Zdrój", "Rymanów", "Jedlicze", "Brzostek", "Kołaczyce", "Pilzno",
      "Radomyśl Wielki", "Przecław", "Baranów Sandomierski", "Nowa Dęba", "Zaklików", "Ulanów",
      "Radymno", "Pruchnik", "Kańczuga", "Sieniawa", "Oleszyce", "Cieszanów", "Narol", "Bircza",
      "Baligród", "Cisna", "Lutowiska", "Olszanica", "Komańcza", "Zagórz", "Tarnów", "Nowy Sącz",
      "Gorlice", "Nowy Targ", "Zakopane", "Limanowa", "Bochnia", "Brzesko", "Wieliczka", "Myślenice",
      "Krynica-Zdrój", "Muszyna", "Piwniczna-Zdrój", "Stary Sącz", "Grybów", "Biecz", "Bobowa",
      "Ciężkowice", "Tuchów", "Żabno", "Dąbrowa Tarnowska", "Szczawnica", "Rabka-Zdrój", "Jordanów",
      "Sucha Beskidzka", "Maków Podhalański", "Wadowice", "Andrychów", "Kalwaria Zebrzydowska",
      "Oświęcim", "Chrzanów", "Olkusz", "Miechów", "Proszowice", "Słomniki", "Niepołomice",
      "Dobczyce", "Mszana Dolna", "Łącko", "Zamość", "Chełm", "Biała Podlaska", "Puławy", "Kraśnik",
      "Janów Lubelski", "Biłgoraj", "Tomaszów Lubelski", "Hrubieszów", "Krasnystaw", "Łęczna",
      "Świdnik", "Lubartów", "Bełżec", "Józefów", "Szczebrzeszyn", "Zwierzyniec", "Sandomierz",
      "Ostrowiec Świętokrzyski", "Staszów", "Połaniec", "Busko-Zdrój", "Pińczów", "Jędrzejów",
      "Bielsko-Biała", "Cieszyn", "Żywiec", "Wisła", "Ustroń", "Szczyrk", "Skoczów", "Milówka"],
    men: ["Piotr", "Krzysztof", "Andrzej", "Tomasz", "Paweł", "Michał", "Marcin", "Łukasz",
      "Grzegorz", "Jakub", "Wojciech", "Mateusz", "Rafał", "Bartłomiej", "Sławomir", "Zbigniew",
      "Jarosław", "Dariusz", "Mirosław", "Stanisław"],
    women: ["Anna", "Katarzyna", "Małgorzata", "Agnieszka", "Barbara", "Ewa", "Magdalena", "Joanna",
      "Aleksandra", "Monika", "Dorota", "Beata", "Żaneta", "Jadwiga", "Grażyna", "Elżbieta",
      "Urszula", "Bożena", "Halina", "Renata"],
    families: ["Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński", "Lewandowski",
      "Zieliński", "Szymański", "Woźniak", "Dąbrowski", "Kozłowski", "Jankowski", "Mazur",
      "Kwiatkowski", "Krawczyk", "Piotrowski", "Grabowski", "Nowakowski", "Pawłowski", "Michalski",
      "Nowicki", "Adamczyk", "Dudek", "Zając", "Wieczorek", "Jabłoński", "Król", "Majewski",
      "Olszewski", "Jaworski", "Wróbel", "Malinowski", "Pawlak", "Witkowski", "Walczak", "Stępień",
      "Górski", "Rutkowski", "Michalak", "Sikora", "Ostrowski", "Baran", "Duda", "Szewczyk",
      "Tomaszewski", "Pietrzak", "Marciniak", "Wróblewski", "Zalewski", "Jakubowski", "Jasiński",
      "Zawadzki", "Sadowski", "Bąk", "Chmielewski", "Włodarczyk", "Borkowski", "Czarnecki",
      "Sawicki", "Sokołowski", "Urbański", "Kubiak", "Maciejewski", "Szczepański", "Kucharski",
      "Wilk", "Kalinowski", "Lis", "Mazurek", "Wysocki", "Kaźmierczak", "Głowacki", "Kołodziej",
      "Ziółkowski", "Przybylski"],
    positions: ["Naczelnik Wydziału Promocji", "Specjalista ds. funduszy UE", "Inspektor ds. turystyki",
      "Koordynator ds. kultury i wydarzeń", "Inspektor ds. transportu", "Informatyk",
      "Inspektor ds. ochrony środowiska", "Sekretarz Gminy", "Kierownik Referatu Rozwoju",
      "Podinspektor ds. współpracy zagranicznej"],
    others: ["sk", "uk", "de", "ru", "cs"],
    lat: [49.0, 51.0], lon: [19.0, 24.0]
  },
  SK: {
    share: 140, language: "sk", phone: "+421 ",
    forms: ["Mesto %", "Obec %"],
    towns: ["Bardejov", "Svidník", "Stropkov", "Giraltovce", "Sabinov", "Lipany", "Stará Ľubovňa",
      "Kežmarok", "Poprad", "Levoča", "Spišská Nová Ves", "Gelnica", "Rožňava", "Trebišov",
      "Michalovce", "Sobrance", "Veľké Kapušany", "Kráľovský Chlmec", "Sečovce", "Strážske",
      "Moldava nad Bodvou", "Veľký Šariš", "Spišské Podhradie", "Spišská Belá", "Podolínec",
      "Vysoké Tatry", "Svit", "Medzev", "Dobšiná", "Revúca", "Tornaľa", "Rimavská Sobota", "Hnúšťa",
      "Brezno", "Zvolen", "Detva", "Lučenec", "Poltár", "Ružomberok", "Liptovský Mikuláš",
      "Dolný Kubín", "Tvrdošín", "Trstená", "Námestovo", "Čadca", "Martin", "Turčianske Teplice",
      "Kremnica", "Banská Štiavnica", "Žiar nad Hronom", "Krupina", "Veľký Krtíš",
      "Hanušovce nad Topľou", "Ulič", "Udavské", "Kamenica nad Cirochou", "Belá nad Cirochou", "Ubľa",
      "Stakčín", "Čierne nad Topľou", "Zborov", "Raslavice", "Kurima", "Hertník", "Ľubotín", "Plaveč",
      "Orlov", "Hniezdne", "Jakubany", "Šarišské Michaľany", "Vyšná Šebastová", "Nižný Hrušov",
      "Pavlovce nad Uhom", "Vinné", "Kaluža"],
    men: ["Peter", "Ján", "Jozef", "Martin", "Tomáš", "Michal", "Marek", "Lukáš", "Juraj", "Ľubomír",
      "Miroslav", "Dušan", "Štefan", "Pavol", "Vladimír", "Matej", "Radoslav", "Igor", "Rastislav",
      "Ondrej"],
    women: ["Mária", "Jana", "Zuzana", "Katarína", "Eva", "Lucia", "Ivana", "Andrea", "Martina",
      "Monika", "Veronika", "Jarmila", "Alžbeta", "Ľudmila", "Dagmar", "Petra", "Simona", "Barbora",
      "Silvia", "Daniela"],
    families: ["Horváth", "Kováč", "Varga", "Tóth", "Nagy", "Baláž", "Szabó", "Molnár", "Lukáč",
      "Šimko", "Polák", "Kollár", "Hudák", "Rusnák", "Novák", "Kráľ", "Bartoš", "Gajdoš", "Oravec",
      "Lacko", "Fedor", "Hric", "Dzurilla", "Sokol", "Čech", "Blaško", "Vlček", "Ďurica", "Mikuš",
      "Tkáč", "Sopko", "Kuruc", "Haluška", "Ferko", "Kočiš", "Mihalík", "Dudáš", "Petrík"],
    positions: ["Vedúca oddelenia propagácie", "Referent pre fondy EÚ", "Referentka cestovného ruchu",
      "Koordinátor kultúry a podujatí", "Referent dopravy", "Správca IT",
      "Referentka životného prostredia", "Prednosta mestského úradu", "Starosta obce",
      "Referent pre cezhraničnú spoluprácu"],
    others: ["pl", "hu", "cs", "de", "uk"],
    lat: [48.3, 49.5], lon: [18.8, 22.5]
  },
  UA: {
    share: 60, language: "uk", phone: "+380 ",
    forms: ["Місто %", "Селище %"],
    towns: ["Ужгород", "Мукачево", "Берегове", "Хуст", "Виноградів", "Тячів", "Рахів", "Свалява",
      "Іршава", "Перечин", "Чоп", "Великий Березний", "Воловець", "Міжгір'я", "Львів", "Дрогобич",
      "Самбір", "Стрий", "Трускавець", "Борислав", "Сколе", "Турка", "Старий Самбір", "Мостиська",
      "Яворів", "Городок", "Жовква", "Червоноград", "Золочів", "Броди", "Івано-Франківськ", "Калуш",
      "Коломия", "Надвірна", "Косів", "Верховина", "Яремче", "Долина", "Болехів", "Галич", "Снятин",
      "Тернопіль", "Чернівці", "Вижниця"],
    men: ["Олександр", "Андрій", "Сергій", "Володимир", "Дмитро", "Микола", "Іван", "Тарас", "Богдан",
      "Юрій", "Василь", "Петро", "Олег", "Роман", "Степан"],
    women: ["Олена", "Наталія", "Ірина", "Оксана", "Тетяна", "Юлія", "Марія", "Світлана", "Галина",
      "Людмила", "Ганна", "Христина", "Соломія", "Віра", "Надія"],
    families: ["Шевченко", "Коваленко", "Бондаренко", "Ткаченко", "Кравченко", "Олійник", "Мельник",
      "Поліщук", "Гнатюк", "Бойко", "Ковальчук", "Савчук", "Романюк", "Лисенко", "Марченко", "Петрук",
      "Мороз", "Павлюк", "Гуцуляк", "Федорів", "Стефанишин", "Іваничук", "Кушнір", "Дячук"],
    positions: ["Начальник відділу міжнародного співробітництва", "Спеціаліст з питань туризму",
      "Головний спеціаліст з інвестицій", "Секретар міської ради", "Начальник відділу культури",
      "Фахівець з цифрової трансформації", "Спеціаліст з охорони довкілля",
      "Керівник проєктів ЄС"],
    others: ["pl", "ru", "hu", "ro", "sk"],
    lat: [47.8, 49.9], lon: [22.2, 26.0]
  },
  HU: {
    share: 45, language: "hu", phone: "+36 ",
    forms: ["% Város Önkormányzata", "% Község Önkormányzata"],
    towns: ["Miskolc", "Nyíregyháza", "Eger", "Sátoraljaújhely", "Sárospatak", "Tokaj", "Szerencs",
      "Kazincbarcika", "Ózd", "Edelény", "Encs", "Mezőkövesd", "Tiszaújváros", "Putnok", "Gönc",
      "Abaújszántó", "Mátészalka", "Kisvárda", "Vásárosnamény", "Fehérgyarmat", "Nyírbátor",
      "Tiszavasvári", "Csenger", "Záhony", "Debrecen", "Hajdúböszörmény", "Hajdúszoboszló",
      "Balmazújváros", "Salgótarján", "Gyöngyös", "Hatvan", "Szécsény", "Balassagyarmat", "Pásztó",
      "Bátonyterenye"],
    men: ["László", "István", "József", "János", "Zoltán", "Sándor", "Gábor", "Ferenc", "Attila",
      "Péter", "Tamás", "Zsolt", "Balázs", "Csaba", "Gergő"],
    women: ["Mária", "Erzsébet", "Katalin", "Éva", "Ilona", "Anikó", "Zsuzsanna", "Krisztina",
      "Andrea", "Eszter", "Judit", "Ágnes", "Réka", "Nóra", "Tímea"],
    families: ["Nagy", "Kovács", "Tóth", "Szabó", "Horváth", "Varga", "Kiss", "Molnár", "Németh",
      "Farkas", "Balogh", "Papp", "Takács", "Juhász", "Lakatos", "Mészáros", "Oláh", "Simon", "Rácz",
      "Fekete", "Szilágyi", "Török", "Fehér", "Gál", "Szűcs", "Kocsis", "Pintér"],
    positions: ["Külkapcsolati referens", "Turisztikai referens", "Pályázati referens", "Jegyző",
      "Kulturális szervező", "Informatikus", "Környezetvédelmi ügyintéző", "Polgármesteri referens"],
    others: ["sk", "ro", "de", "uk"],
    lat: [47.4, 48.6], lon: [19.5, 22.9]
  },
  RO: {
    share: 45, language: "ro", phone: "+40 ",
    forms: ["Municipiul %", "Comuna %"],
    towns: ["Satu Mare", "Baia Mare", "Sighetu Marmației", "Borșa", "Vișeu de Sus", "Târgu Lăpuș",
      "Cavnic", "Negrești-Oaș", "Carei", "Tășnad", "Zalău", "Șimleu Silvaniei", "Oradea", "Bistrița",
      "Suceava", "Rădăuți", "Câmpulung Moldovenesc", "Vatra Dornei", "Gura Humorului", "Siret",
      "Fălticeni", "Botoșani", "Dorohoi", "Iași", "Piatra Neamț", "Târgu Neamț", "Bicaz", "Baia Sprie",
      "Seini", "Șomcuta Mare", "Ulmeni", "Livada", "Ardud", "Dragomirești", "Săliștea de Sus"],
    men: ["Andrei", "Alexandru", "Mihai", "Ion", "Gheorghe", "Vasile", "Constantin", "Dumitru",
      "Ștefan", "Florin", "Cristian", "Adrian", "Răzvan", "Bogdan", "Cătălin"],
    women: ["Maria", "Elena", "Ioana", "Ana", "Andreea", "Mihaela", "Cristina", "Alexandra",
      "Gabriela", "Raluca", "Ștefania", "Irina", "Oana", "Roxana", "Diana"],
    families: ["Popescu", "Ionescu", "Popa", "Pop", "Rusu", "Moldovan", "Mureșan", "Lazăr", "Ciobanu",
      "Sârbu", "Rus", "Stan", "Dumitrescu", "Matei", "Marin", "Tudor", "Ene", "Stoica", "Bălan",
      "Florea", "Dobre", "Barbu", "Nistor", "Cozma", "Vlad", "Mocanu", "Dragomir", "Munteanu",
      "Tănase"],
    positions: ["Consilier relații externe", "Referent turism", "Consilier fonduri europene",
      "Secretar general", "Inspector cultură", "Informatician", "Inspector protecția mediului",
      "Șef serviciu dezvoltare"],
    others: ["hu", "uk", "fr", "it", "de"],
    lat: [46.9, 48.0], lon: [21.9, 27.6]
  }
};

def topics: ["TOURISM", "CULTURE", "TRANSPORT", "ENVIRONMENT", "ECONOMY", "EDUCATION",
  "SOCIAL_AFFAIRS", "HEALTH", "SPORT", "SAFETY", "EU_FUNDS", "DIGITAL", "SPATIAL_PLANNING",
  "ADMINISTRATION"];
def levels: ["A1", "A2", "B1", "B2", "C1", "C2"];

# Letters for e-mail addresses: diacritics dropped, Cyrillic transliterated (Ukrainian national).
def latin: {
  "ą":"a","ć":"c","ę":"e","ł":"l","ń":"n","ó":"o","ś":"s","ź":"z","ż":"z","Ł":"l","Ś":"s","Ż":"z",
  "Ź":"z","á":"a","ä":"a","č":"c","ď":"d","é":"e","í":"i","ĺ":"l","ľ":"l","ň":"n","ô":"o","ŕ":"r",
  "š":"s","ť":"t","ú":"u","ý":"y","ž":"z","Č":"c","Š":"s","Ž":"z","Ľ":"l","Ď":"d","Á":"a","É":"e",
  "ö":"o","ő":"o","ü":"u","ű":"u","Ö":"o","Ó":"o","ă":"a","â":"a","î":"i","ș":"s","ț":"t","Ș":"s",
  "Ț":"t","Ă":"a","Î":"i",
  "а":"a","б":"b","в":"v","г":"h","ґ":"g","д":"d","е":"e","є":"ie","ж":"zh","з":"z","и":"y","і":"i",
  "ї":"i","й":"i","к":"k","л":"l","м":"m","н":"n","о":"o","п":"p","р":"r","с":"s","т":"t","у":"u",
  "ф":"f","х":"kh","ц":"ts","ч":"ch","ш":"sh","щ":"shch","ь":"","ю":"iu","я":"ia","'":""
};
def cyrillic_lower: explode | map(
  if . >= 1040 and . <= 1071 then . + 32 elif . == 1028 or . == 1030 or . == 1031 then . + 80
  elif . == 1168 then 1169 else . end) | implode;
def ascii($latin): cyrillic_lower
  | [explode[] | [.] | implode | ($latin[.] // .)] | join("") | ascii_downcase
  | gsub("[^a-z0-9]+"; "-") | gsub("^-|-$"; "");

# Polish and Slovak family names take the woman's form.
def feminine($country):
  if $country == "PL" then (if test("(sk|ck|dzk)i$") then sub("i$"; "a") else . end)
  elif $country == "SK" then (if test("[ao]$") then sub("[ao]$"; "ová") else . + "ová" end)
  else . end;

def person($town; $country; $c; $domain; $j; $latin):
  (($town * 100 + $j) * 16) as $s
  | chance(50; $s) as $woman
  | (if $woman then pick($c.women; $s + 1) else pick($c.men; $s + 1) end) as $given
  | (pick($c.families; $s + 2) | if $woman then feminine($country) else . end) as $family
  | ([$c.others[] | select(chance(35; $s * 7 + (explode | add) * 101))] | .[0:2]) as $others
  | {
      givenName: $given,
      familyName: $family,
      position: (if chance(90; $s + 3) then pick($c.positions; $s + 4) else null end),
      email: "\($given | ascii($latin)).\($family | ascii($latin))@\($domain)",
      phone: "\($c.phone)\(10 + rand($s + 5) % 80) \(100 + rand($s + 6) % 900) \(100 + rand($s + 7) % 900)",
      role: (if $j == 0 then "COORDINATOR" elif $j < 3 then "DEPUTY" else "MEMBER" end),
      languages: ([{language: $c.language, level: "NATIVE"}]
        + (if chance(80; $s + 8) then [{language: "en", level: pick(levels; $s + 9)}] else [] end)
        + [$others[] | {language: ., level: pick(levels; $s * 3 + (explode | add))}]),
      topics: ([range(1 + rand($s + 10) % 4) as $k | pick(topics; $s * 5 + $k)] | unique),
      teleworkAvailable: chance(40; $s + 11)
    };

def towns: countries | to_entries | map(.key as $country | .value as $c
  | [range($c.share) as $n
     | {country: $country, c: $c, n: ($n + 1),
        name: ($c.forms[($n / ($c.towns | length)) | floor] | sub("%"; $c.towns[$n % ($c.towns | length)])),
        city: $c.towns[$n % ($c.towns | length)]}])
  | add;

latin as $latin | towns | to_entries[] | .key as $i | .value as $t | $t.c as $c
| ("DIR-\($t.country)-\($t.n | tostring | "00\(.)" | .[-3:])") as $code
| ($t.name | ascii($latin)) as $slug
| {
    code: $code,
    organisation: {
      id: 0, version: 0, code: $code, name: $t.name,
      translatedNames: (if $i % 3 == 0 then {en: "\($t.city) (\($t.country))"} else {} end),
      country: $t.country, type: "TOWN", leadPartner: false,
      street: null, postalCode: null, city: $t.city,
      website: "https://www.\($slug).example",
      latitude: (($c.lat[0] + (rand($i * 2) % 1000) / 1000 * ($c.lat[1] - $c.lat[0])) * 10000 | floor / 10000),
      longitude: (($c.lon[0] + (rand($i * 2 + 1) % 1000) / 1000 * ($c.lon[1] - $c.lon[0])) * 10000 | floor / 10000),
      representativeName: null, representativeFunction: null
    },
    people: [range(20) as $j | person($i; $t.country; $c; "\($slug).example"; $j; $latin)]
  }
