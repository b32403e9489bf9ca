/* vigil-demo-data.c: the word lists of the demo generator
 *
 * Common first names and surnames of each country, combined at random by
 * vigil-demo.c, so no generated person is anyone in particular. Courts are
 * named as their countries name them, references follow the shape each
 * court system uses; streets are common street names, numbers random.
 * Ukrainian, Bulgarian and Georgian names are in Latin transliteration.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vigil-demo-private.h"

/* Romania */
static const char * const ro_languages[] = { "Romanian", NULL };
static const char * const ro_male[] = {
  "Ionuț", "Ștefan", "Mihai", "Răzvan", "Cătălin", "Florin", "Costel", "Marius", NULL,
};
static const char * const ro_female[] = {
  "Mărioara", "Andreea", "Ioana", "Loredana", "Nicoleta", "Mădălina", "Georgiana", "Elena",
  NULL,
};
static const char * const ro_surnames[] = {
  "Popescu", "Țurcanu", "Bălan", "Dumitrașcu", "Stănescu", "Pătrașcu", "Crăciun", "Bărbulescu",
  NULL,
};
static const VigilDemoCourt ro_courts[] = {
  { "Tribunalul București", "{n}/3/{y}" },
  { "Tribunalul Cluj", "{n}/117/{y}" },
  { "Tribunalul Iași", "{n}/99/{y}" },
  { "Curtea de Apel Timișoara", "{n}/59/{y}" },
  { NULL },
};
static const char * const ro_cities[] = {
  "București", "Cluj-Napoca", "Iași", "Constanța", "Brașov", "Craiova", NULL,
};
static const char * const ro_streets[] = {
  "Strada Florilor", "Strada Gării", "Bulevardul Unirii", "Strada Mihai Viteazu",
  "Strada Teilor", "Aleea Trandafirilor", NULL,
};

/* Moldova */
static const char * const md_languages[] = { "Romanian", "Russian", NULL };
static const char * const md_male[] = {
  "Ion", "Vasile", "Victor", "Serghei", "Dorin", "Nicolae", "Andrei", NULL,
};
static const char * const md_female[] = {
  "Cristina", "Natalia", "Tatiana", "Doina", "Ecaterina", "Olesea", "Lilia", NULL,
};
static const char * const md_surnames[] = {
  "Rusu", "Ciobanu", "Țăranu", "Cebotari", "Lungu", "Bejenaru", "Ceban", "Grosu", NULL,
};
static const VigilDemoCourt md_courts[] = {
  { "Judecătoria Chișinău", "1-{n}/{yy}" },
  { "Judecătoria Bălți", "1-{n}/{yy}" },
  { "Judecătoria Cahul", "1-{n}/{yy}" },
  { NULL },
};
static const char * const md_cities[] = {
  "Chișinău", "Bălți", "Cahul", "Orhei", "Ungheni", "Soroca", NULL,
};
static const char * const md_streets[] = {
  "Strada Independenței", "Strada Păcii", "Strada Alba-Iulia", "Strada Viilor",
  "Strada Mihai Eminescu", NULL,
};

/* Ukraine */
static const char * const ua_languages[] = { "Ukrainian", "Russian", NULL };
static const char * const ua_male[] = {
  "Oleksandr", "Andrii", "Vasyl", "Yurii", "Taras", "Mykola", "Serhii", NULL,
};
static const char * const ua_female[] = {
  "Oksana", "Yuliia", "Nataliia", "Olena", "Iryna", "Halyna", "Svitlana", NULL,
};
static const char * const ua_surnames[] = {
  "Kovalenko", "Shevchuk", "Bondarenko", "Tkachenko", "Kravchuk", "Melnyk", "Hrytsenko",
  "Savchuk", NULL,
};
static const VigilDemoCourt ua_courts[] = {
  { "Shevchenkivskyi District Court of Kyiv", "761/{n}/{yy}" },
  { "Prymorskyi District Court of Odesa", "522/{n}/{yy}" },
  { "Halytskyi District Court of Lviv", "461/{n}/{yy}" },
  { NULL },
};
static const char * const ua_cities[] = {
  "Kyiv", "Odesa", "Lviv", "Vinnytsia", "Chernivtsi", "Poltava", NULL,
};
static const char * const ua_streets[] = {
  "vul. Sadova", "vul. Zelena", "vul. Lisova", "prosp. Myru", "vul. Shkilna", NULL,
};

/* Names as the courts of Ukraine, Serbia and Moldova write them in their
 * files: in Cyrillic. Each is a name of the lists above and its Cyrillic
 * spelling; some persons of those countries are recorded in Cyrillic and
 * named in notes in Latin letters, the others the other way round, so
 * that screening is tried across scripts. */
const VigilDemoSpelling vigil_demo_cyrillic[] = {
  /* Ukraine */
  { "Oleksandr", "Олександр" }, { "Andrii", "Андрій" }, { "Vasyl", "Василь" },
  { "Yurii", "Юрій" }, { "Taras", "Тарас" }, { "Mykola", "Микола" }, { "Serhii", "Сергій" },
  { "Oksana", "Оксана" }, { "Yuliia", "Юлія" }, { "Nataliia", "Наталія" }, { "Olena", "Олена" },
  { "Iryna", "Ірина" }, { "Halyna", "Галина" }, { "Svitlana", "Світлана" },
  { "Kovalenko", "Коваленко" }, { "Shevchuk", "Шевчук" }, { "Bondarenko", "Бондаренко" },
  { "Tkachenko", "Ткаченко" }, { "Kravchuk", "Кравчук" }, { "Melnyk", "Мельник" },
  { "Hrytsenko", "Гриценко" }, { "Savchuk", "Савчук" },
  /* Serbia */
  { "Đorđe", "Ђорђе" }, { "Miloš", "Милош" }, { "Nemanja", "Немања" }, { "Dragan", "Драган" },
  { "Bojan", "Бојан" }, { "Vuk", "Вук" }, { "Dragana", "Драгана" }, { "Jelena", "Јелена" },
  { "Milica", "Милица" }, { "Snežana", "Снежана" }, { "Ivana", "Ивана" }, { "Tamara", "Тамара" },
  { "Petrović", "Петровић" }, { "Nikolić", "Николић" }, { "Jovanović", "Јовановић" },
  { "Đurić", "Ђурић" }, { "Stanković", "Станковић" }, { "Marković", "Марковић" },
  { "Živković", "Живковић" },
  /* Moldova: Russian-speaking persons, as the Russian-language files of
   * the courts write them */
  { "Ion", "Ион" }, { "Vasile", "Василе" }, { "Victor", "Виктор" }, { "Serghei", "Сергей" },
  { "Dorin", "Дорин" }, { "Nicolae", "Николае" }, { "Andrei", "Андрей" },
  { "Cristina", "Кристина" }, { "Natalia", "Наталья" }, { "Tatiana", "Татьяна" },
  { "Doina", "Дойна" }, { "Ecaterina", "Екатерина" }, { "Olesea", "Олеся" }, { "Lilia", "Лилия" },
  { "Rusu", "Русу" }, { "Ciobanu", "Чобану" }, { "Cebotari", "Чеботари" }, { "Lungu", "Лунгу" },
  { "Ceban", "Чебан" }, { "Grosu", "Гросу" },
  { NULL, NULL },
};

/* Bulgaria */
static const char * const bg_languages[] = { "Bulgarian", NULL };
static const char * const bg_male[] = {
  "Georgi", "Dimitar", "Ivaylo", "Stoyan", "Hristo", "Nikolay", NULL,
};
static const char * const bg_female[] = {
  "Tsvetelina", "Radka", "Desislava", "Vesela", "Mariya", "Galina", NULL,
};
static const char * const bg_male_surnames[] = {
  "Petrov", "Dimitrov", "Georgiev", "Stoyanov", "Marinov", "Kolev", NULL,
};
static const char * const bg_female_surnames[] = {
  "Petrova", "Dimitrova", "Georgieva", "Stoyanova", "Marinova", "Koleva", NULL,
};
static const VigilDemoCourt bg_courts[] = {
  { "Sofiyski gradski sad", "NOHD {n}/{y}" },
  { "Okrazhen sad Varna", "NOHD {n}/{y}" },
  { "Okrazhen sad Plovdiv", "NOHD {n}/{y}" },
  { NULL },
};
static const char * const bg_cities[] = {
  "Sofia", "Varna", "Plovdiv", "Burgas", "Ruse", "Sliven", NULL,
};
static const char * const bg_streets[] = {
  "ul. Rakovski", "ul. Oborishte", "bul. Bulgaria", "ul. Lyulyak", "ul. Kiril i Metodiy",
  NULL,
};

/* Serbia */
static const char * const rs_languages[] = { "Serbian", NULL };
static const char * const rs_male[] = {
  "Đorđe", "Miloš", "Nemanja", "Dragan", "Bojan", "Vuk", NULL,
};
static const char * const rs_female[] = {
  "Dragana", "Jelena", "Milica", "Snežana", "Ivana", "Tamara", NULL,
};
static const char * const rs_surnames[] = {
  "Petrović", "Nikolić", "Jovanović", "Đurić", "Stanković", "Marković", "Živković", NULL,
};
static const VigilDemoCourt rs_courts[] = {
  { "Viši sud u Beogradu", "K {n}/{y}" },
  { "Viši sud u Novom Sadu", "K {n}/{y}" },
  { "Viši sud u Nišu", "K {n}/{y}" },
  { NULL },
};
static const char * const rs_cities[] = {
  "Beograd", "Novi Sad", "Niš", "Kragujevac", "Subotica", "Čačak", NULL,
};
static const char * const rs_streets[] = {
  "Njegoševa", "Cara Dušana", "Bulevar oslobođenja", "Ulica Lipa", "Šumadijska", NULL,
};

/* Albania */
static const char * const al_languages[] = { "Albanian", NULL };
static const char * const al_male[] = {
  "Arbër", "Ëndrit", "Dritan", "Besnik", "Gëzim", "Ilir", NULL,
};
static const char * const al_female[] = {
  "Besa", "Drita", "Elona", "Lindita", "Mirela", "Jonida", NULL,
};
static const char * const al_surnames[] = {
  "Çela", "Dervishi", "Shehu", "Gjoka", "Krasniqi", "Hysaj", "Dushku", NULL,
};
static const VigilDemoCourt al_courts[] = {
  { "Gjykata e Shkallës së Parë Tiranë", "{n}/{y}" },
  { "Gjykata e Shkallës së Parë Durrës", "{n}/{y}" },
  { "Gjykata e Shkallës së Parë Vlorë", "{n}/{y}" },
  { NULL },
};
static const char * const al_cities[] = {
  "Tiranë", "Durrës", "Shkodër", "Elbasan", "Vlorë", "Korçë", NULL,
};
static const char * const al_streets[] = {
  "Rruga e Kavajës", "Rruga e Dibrës", "Rruga Pjetër Bogdani", "Rruga e Elbasanit",
  "Rruga Ali Demi", NULL,
};

/* Poland */
static const char * const pl_languages[] = { "Polish", NULL };
static const char * const pl_male[] = {
  "Łukasz", "Paweł", "Krzysztof", "Michał", "Wojciech", "Grzegorz", NULL,
};
static const char * const pl_female[] = {
  "Małgorzata", "Katarzyna", "Agnieszka", "Zofia", "Joanna", "Dorota", NULL,
};
static const char * const pl_male_surnames[] = {
  "Wójcik", "Kowalczyk", "Zieliński", "Lewandowski", "Woźniak", "Dąbrowski", NULL,
};
static const char * const pl_female_surnames[] = {
  "Wójcik", "Kowalczyk", "Zielińska", "Lewandowska", "Woźniak", "Dąbrowska", NULL,
};
static const VigilDemoCourt pl_courts[] = {
  { "Sąd Okręgowy w Warszawie", "XII K {n}/{yy}" },
  { "Sąd Okręgowy w Krakowie", "III K {n}/{yy}" },
  { "Sąd Okręgowy w Gdańsku", "IV K {n}/{yy}" },
  { NULL },
};
static const char * const pl_cities[] = {
  "Warszawa", "Kraków", "Gdańsk", "Łódź", "Wrocław", "Białystok", NULL,
};
static const char * const pl_streets[] = {
  "ul. Długa", "ul. Ogrodowa", "ul. Leśna", "ul. Żeromskiego", "ul. Słoneczna", NULL,
};

/* Czechia */
static const char * const cz_languages[] = { "Czech", NULL };
static const char * const cz_male[] = {
  "Jiří", "Tomáš", "Petr", "Lukáš", "Ondřej", "Radek", NULL,
};
static const char * const cz_female[] = {
  "Kateřina", "Lucie", "Tereza", "Hana", "Markéta", "Zuzana", NULL,
};
static const char * const cz_male_surnames[] = {
  "Dvořák", "Novotný", "Černý", "Procházka", "Kučera", "Růžička", NULL,
};
static const char * const cz_female_surnames[] = {
  "Dvořáková", "Novotná", "Černá", "Procházková", "Kučerová", "Růžičková", NULL,
};
static const VigilDemoCourt cz_courts[] = {
  { "Městský soud v Praze", "4 T {n}/{y}" },
  { "Krajský soud v Brně", "46 T {n}/{y}" },
  { "Krajský soud v Ostravě", "31 T {n}/{y}" },
  { NULL },
};
static const char * const cz_cities[] = {
  "Praha", "Brno", "Ostrava", "Plzeň", "Olomouc", "Ústí nad Labem", NULL,
};
static const char * const cz_streets[] = {
  "Nádražní", "Školní", "Zahradní", "Lipová", "Polní", NULL,
};

/* Hungary */
static const char * const hu_languages[] = { "Hungarian", NULL };
static const char * const hu_male[] = {
  "Zoltán", "László", "Gábor", "Attila", "Tamás", "Bence", NULL,
};
static const char * const hu_female[] = {
  "Erzsébet", "Katalin", "Zsófia", "Ildikó", "Anikó", "Réka", NULL,
};
static const char * const hu_surnames[] = {
  "Kovács", "Szűcs", "Tóth", "Nagy", "Horváth", "Varga", "Balogh", NULL,
};
static const VigilDemoCourt hu_courts[] = {
  { "Fővárosi Törvényszék", "B.{n}/{y}" },
  { "Debreceni Törvényszék", "B.{n}/{y}" },
  { "Szegedi Törvényszék", "B.{n}/{y}" },
  { NULL },
};
static const char * const hu_cities[] = {
  "Budapest", "Debrecen", "Szeged", "Pécs", "Győr", "Miskolc", NULL,
};
static const char * const hu_streets[] = {
  "Petőfi utca", "Rákóczi út", "Kossuth utca", "Béke utca", "Fő utca", NULL,
};

/* Türkiye */
static const char * const tr_languages[] = { "Turkish", NULL };
static const char * const tr_male[] = {
  "Mehmet", "Çağlar", "Emre", "Oğuz", "Hüseyin", "Burak", NULL,
};
static const char * const tr_female[] = {
  "Ayşe", "Gülşen", "Elif", "Zeynep", "Şule", "Özlem", NULL,
};
static const char * const tr_surnames[] = {
  "Öztürk", "Yılmaz", "Demir", "Çelik", "Şahin", "Aydın", "Koç", NULL,
};
static const VigilDemoCourt tr_courts[] = {
  { "İstanbul 14. Ağır Ceza Mahkemesi", "{y}/{n} Esas" },
  { "Ankara 5. Ağır Ceza Mahkemesi", "{y}/{n} Esas" },
  { "İzmir 9. Ağır Ceza Mahkemesi", "{y}/{n} Esas" },
  { NULL },
};
static const char * const tr_cities[] = {
  "İstanbul", "Ankara", "İzmir", "Bursa", "Antalya", "Edirne", NULL,
};
static const char * const tr_streets[] = {
  "Cumhuriyet Caddesi", "Gül Sokak", "Lale Sokak", "İstasyon Caddesi", "Çınar Sokak", NULL,
};

/* Georgia */
static const char * const ge_languages[] = { "Georgian", "Russian", NULL };
static const char * const ge_male[] = {
  "Giorgi", "Levan", "Davit", "Irakli", "Nika", "Zurab", NULL,
};
static const char * const ge_female[] = {
  "Nino", "Tamar", "Ketevan", "Mariam", "Eka", "Salome", NULL,
};
static const char * const ge_surnames[] = {
  "Beridze", "Kapanadze", "Gelashvili", "Lomidze", "Tsiklauri", "Maisuradze", NULL,
};
static const VigilDemoCourt ge_courts[] = {
  { "Tbilisi City Court", "1/{n}-{yy}" },
  { "Batumi City Court", "1/{n}-{yy}" },
  { "Kutaisi City Court", "1/{n}-{yy}" },
  { NULL },
};
static const char * const ge_cities[] = {
  "Tbilisi", "Batumi", "Kutaisi", "Rustavi", "Zugdidi", "Gori", NULL,
};
static const char * const ge_streets[] = {
  "Vazha-Pshavela Avenue", "Tsereteli Street", "Gorgasali Street", "Nutsubidze Street",
  "Abashidze Street", NULL,
};

const VigilDemoCountry vigil_demo_countries[] = {
  { "Romania", "Romanian", ro_languages, ro_male, ro_female, ro_surnames, ro_surnames, FALSE,
    ro_courts, ro_cities, ro_streets, "{street} nr. {num}, {city}", "+40 7## ### ###",
    "Sala {num}", "RON", 497 },
  { "Moldova", "Moldovan", md_languages, md_male, md_female, md_surnames, md_surnames, FALSE,
    md_courts, md_cities, md_streets, "{street} {num}, {city}", "+373 6# ### ###",
    "Sala {num}", "MDL", 1920 },
  { "Ukraine", "Ukrainian", ua_languages, ua_male, ua_female, ua_surnames, ua_surnames, FALSE,
    ua_courts, ua_cities, ua_streets, "{street} {num}, {city}", "+380 6# ### ## ##",
    "Zal {num}", "UAH", 4500 },
  { "Bulgaria", "Bulgarian", bg_languages, bg_male, bg_female, bg_male_surnames,
    bg_female_surnames, FALSE, bg_courts, bg_cities, bg_streets, "{street} {num}, {city}",
    "+359 8# ### ####", "Zala {num}", "BGN", 196 },
  { "Serbia", "Serbian", rs_languages, rs_male, rs_female, rs_surnames, rs_surnames, FALSE,
    rs_courts, rs_cities, rs_streets, "{street} {num}, {city}", "+381 6# ### ####",
    "Sudnica {num}", "RSD", 11700 },
  { "Albania", "Albanian", al_languages, al_male, al_female, al_surnames, al_surnames, FALSE,
    al_courts, al_cities, al_streets, "{street}, nr. {num}, {city}", "+355 6# ### ####",
    "Salla {num}", "ALL", 10000 },
  { "Poland", "Polish", pl_languages, pl_male, pl_female, pl_male_surnames, pl_female_surnames,
    FALSE, pl_courts, pl_cities, pl_streets, "{street} {num}, {city}", "+48 5## ### ###",
    "Sala {num}", "PLN", 430 },
  { "Czechia", "Czech", cz_languages, cz_male, cz_female, cz_male_surnames, cz_female_surnames,
    FALSE, cz_courts, cz_cities, cz_streets, "{street} {num}, {city}", "+420 7## ### ###",
    "Jednací síň {num}", "CZK", 2500 },
  { "Hungary", "Hungarian", hu_languages, hu_male, hu_female, hu_surnames, hu_surnames, TRUE,
    hu_courts, hu_cities, hu_streets, "{city}, {street} {num}.", "+36 30 ### ####",
    "{num}. tárgyaló", "HUF", 39000 },
  { "Türkiye", "Turkish", tr_languages, tr_male, tr_female, tr_surnames, tr_surnames, FALSE,
    tr_courts, tr_cities, tr_streets, "{street} No: {num}, {city}", "+90 5## ### ## ##",
    "Duruşma Salonu {num}", "TRY", 3500 },
  { "Georgia", "Georgian", ge_languages, ge_male, ge_female, ge_surnames, ge_surnames, FALSE,
    ge_courts, ge_cities, ge_streets, "{num} {street}, {city}", "+995 5## ## ## ##",
    "Courtroom {num}", "GEL", 290 },
  { NULL },
};

const char * const vigil_demo_charges[] = {
  "trafficking in human beings",
  "trafficking in children",
  "forced labour",
  "sexual exploitation",
  "exploitation of the prostitution of others",
  "forced begging",
  "organised criminal group",
  "money laundering",
  "forgery of documents",
  "smuggling of migrants",
  NULL,
};

const char * const vigil_demo_nicknames[] = {
  "Mara", "Lena", "Kiki", "Sasha", "Bebe", "Toni", "Gigi", "Nico", NULL,
};

const char * const vigil_demo_adjournment_reasons[] = {
  "The interpreter for the victim-witness did not appear.",
  "Defence counsel was ill and sent a medical certificate.",
  "The defendant was not brought from detention.",
  "The victim-witness was not summoned in time.",
  "The court ordered a new psychological assessment of the victim.",
  "The presiding judge was replaced; the panel must be reconstituted.",
  NULL,
};

const char * const vigil_demo_hearing_notes[] = {
  "The public gallery was full; several people close to the defendants sat near the witness stand.",
  "The presiding judge explained the victim's rights at the start of the hearing.",
  "Testimony was given by video link from a separate room in the court building.",
  "The prosecutor asked for the public to be excluded during the testimony; granted.",
  "Defence counsel asked about the victim's private life; the judge intervened after several questions.",
  "The hearing started 50 minutes late; the victim-witness waited in the corridor.",
  "The court read out the earlier statement instead of hearing the victim again.",
  NULL,
};

const char * const vigil_demo_case_notes[] = {
  "Monitoring started at the request of the field mission's anti-trafficking unit.",
  "Victims were recruited through an online job advertisement for seasonal farm work.",
  "Recruitment through a relative; passports were taken on arrival.",
  "The case was transferred from another court after a change of jurisdiction.",
  "Several victims withdrew their complaints during the investigation.",
  NULL,
};

const char * const vigil_demo_person_notes[] = {
  "Lives in a shelter run by an NGO; prefers contact through the support person.",
  "Has returned to the country of origin; testifies by video link.",
  "Afraid of meeting the defendants' relatives at court.",
  "Receives psychological counselling every week.",
  "Looking for work; asked about the state compensation fund.",
  NULL,
};

/* Who records: the labels of the monitors' key slots. */
const char * const vigil_demo_monitors[] = {
  "Field monitor 1",
  "Field monitor 2",
  "NGO court observer",
  NULL,
};

/* Why a monitor graded a hearing more severely than the rule suggested. */
const char * const vigil_demo_assessment_reasons[] = {
  "The same failure as at the previous hearings; the court was told and did nothing.",
  "The victim-witness left the court in tears; the checklist does not show how the hearing went.",
  "The failures fell on the testimony itself, the moment that matters most.",
  "Court staff dismissed the support person's request for a separate room.",
  NULL,
};

const char * const vigil_demo_observation_notes_good[] = {
  "Observed from the public gallery for the whole hearing.",
  "The judge checked that the victim understood the interpretation.",
  "Court staff led the victim-witness to a separate room before the hearing.",
  "The victim's lawyer was present and spoke for her.",
  NULL,
};

const char * const vigil_demo_observation_notes_bad[] = {
  "The victim-witness waited in the same corridor as the defendants' relatives for forty minutes.",
  "No interpreter was present for the first hour; questions were translated by a court clerk.",
  "The victim's address was read out in open court.",
  "Defence counsel repeated questions about the victim's past after the judge's warning.",
  "Nobody told the victim she could claim compensation in these proceedings.",
  NULL,
};

const char * const vigil_demo_responsible[] = {
  "Anti-trafficking police unit",
  "NGO court-support team",
  "Court registry",
  "Witness protection service",
  "Prosecutor's office victim coordinator",
  NULL,
};

const char * const vigil_demo_measure_details[] = {
  "Pick-up at the shelter at 07:45; back in the same car straight after the hearing.",
  "Enters by the staff entrance at the back of the court building; waits in room 2.",
  "Video link from the child-friendly room on the ground floor; the support person stays in the room.",
  "The support person meets her at the bus station and stays with her until she leaves.",
  NULL,
};

const char * const vigil_demo_evidence[] = {
  "Payslips for three months and messages from the employer",
  "Medical report from the county hospital",
  "Travel tickets and receipts for rent",
  "Psychological assessment by an accredited expert",
  "Bank statements showing the transfers to the recruiter",
  NULL,
};

const char * const vigil_demo_assets[] = {
  "Two cars and a bank account frozen by the prosecutor",
  "A flat and a minibus seized during the investigation",
  "Cash seized at the border, held by the court",
  NULL,
};
