import type { Role } from '../api/domain';

/** Static demo data: people, places, partners and vocabulary. All personal names are invented. */

export interface DemoUser {
  key: string;
  email: string;
  name: string;
  role: Role;
}

export const USERS: DemoUser[] = [
  { key: 'cdo', email: 'cdo@myk10.example', name: 'Andrea Becker', role: 'cdo' },
  { key: 'steering', email: 'steuerung@myk10.example', name: 'Tobias Klein', role: 'steering' },
  { key: 'steering2', email: 'steuerung2@myk10.example', name: 'Julia Hoffmann', role: 'steering' },
  { key: 'funding', email: 'foerderung@myk10.example', name: 'Sabine Krämer', role: 'funding' },
  { key: 'funding2', email: 'foerderung2@myk10.example', name: 'Markus Weber', role: 'funding' },
  { key: 'guide1', email: 'lotsin1@myk10.example', name: 'Lena Schmitz', role: 'guide' },
  { key: 'guide2', email: 'lotsin2@myk10.example', name: 'Anna Wagner', role: 'guide' },
  { key: 'guide3', email: 'lotsin3@myk10.example', name: 'Nicole Fischer', role: 'guide' },
  { key: 'guide4', email: 'lotsin4@myk10.example', name: 'Carina Braun', role: 'guide' },
  { key: 'viewer', email: 'lesen@myk10.example', name: 'Peter Schneider', role: 'viewer' },
];

export type MunicipalityName =
  | 'Andernach'
  | 'Mayen'
  | 'Bendorf'
  | 'Maifeld'
  | 'Mendig'
  | 'Pellenz'
  | 'Rhein-Mosel'
  | 'Vallendar'
  | 'Vordereifel'
  | 'Weißenthurm';

export interface MunicipalityDef {
  name: MunicipalityName;
  kind: 'city' | 'association';
  official_key: string;
  seat: string;
  population: number;
  area_km2: number;
}

// Official keys and populations from reference/myk10.md; areas are approximate (sum ≈ 817.7 km²).
export const MUNICIPALITIES: MunicipalityDef[] = [
  {
    name: 'Andernach',
    kind: 'city',
    official_key: '07137003',
    seat: 'Andernach',
    population: 30400,
    area_km2: 53.3,
  },
  { name: 'Mayen', kind: 'city', official_key: '07137068', seat: 'Mayen', population: 19900, area_km2: 58.1 },
  {
    name: 'Bendorf',
    kind: 'city',
    official_key: '07137203',
    seat: 'Bendorf',
    population: 16900,
    area_km2: 23.5,
  },
  {
    name: 'Maifeld',
    kind: 'association',
    official_key: '071375002',
    seat: 'Polch',
    population: 25100,
    area_km2: 160.9,
  },
  {
    name: 'Mendig',
    kind: 'association',
    official_key: '071375004',
    seat: 'Mendig',
    population: 13700,
    area_km2: 58.6,
  },
  {
    name: 'Pellenz',
    kind: 'association',
    official_key: '071375001',
    seat: 'Plaidt',
    population: 17100,
    area_km2: 64.9,
  },
  {
    name: 'Rhein-Mosel',
    kind: 'association',
    official_key: '071375009',
    seat: 'Kobern-Gondorf',
    population: 27300,
    area_km2: 128.8,
  },
  {
    name: 'Vallendar',
    kind: 'association',
    official_key: '071375007',
    seat: 'Vallendar',
    population: 16300,
    area_km2: 37.1,
  },
  {
    name: 'Vordereifel',
    kind: 'association',
    official_key: '071375003',
    seat: 'Mayen',
    population: 16400,
    area_km2: 168.2,
  },
  {
    name: 'Weißenthurm',
    kind: 'association',
    official_key: '071375008',
    seat: 'Weißenthurm',
    population: 35300,
    area_km2: 64.3,
  },
];

export const GUIDE_MUNICIPALITIES: Record<string, MunicipalityName[]> = {
  guide1: ['Andernach', 'Pellenz', 'Weißenthurm'],
  guide2: ['Bendorf', 'Vallendar'],
  guide3: ['Mayen', 'Mendig', 'Vordereifel'],
  guide4: ['Maifeld', 'Rhein-Mosel'],
};

export type FieldName =
  | 'Arbeit'
  | 'Bildung'
  | 'Freizeit'
  | 'Gemeinschaft'
  | 'Infrastruktur'
  | 'Medizin'
  | 'Mobilität'
  | 'Umwelt'
  | 'Versorgung'
  | 'Wirtschaft';

// Dark enough for white text (contrast ≥ 4.5:1) and distinct from each other.
export const FIELDS: { name: FieldName; colour: string }[] = [
  { name: 'Arbeit', colour: '#1f5f8b' },
  { name: 'Bildung', colour: '#6a3d9a' },
  { name: 'Freizeit', colour: '#2e7d32' },
  { name: 'Gemeinschaft', colour: '#ad1457' },
  { name: 'Infrastruktur', colour: '#455a64' },
  { name: 'Medizin', colour: '#c62828' },
  { name: 'Mobilität', colour: '#a14d05' },
  { name: 'Umwelt', colour: '#00796b' },
  { name: 'Versorgung', colour: '#5d4037' },
  { name: 'Wirtschaft', colour: '#283593' },
];

type Sector = 'business' | 'science' | 'civil_society' | 'public' | 'programme_support';

export interface PartnerDef {
  name: string;
  sector: Sector;
  city: string;
  contact?: string;
  website?: string;
  signed?: string;
  notes?: string;
  email?: string;
}

// The first block are real organisations (no personal data: contact is a function, not a person);
// the rest are invented local businesses, associations, schools and bodies.
const PARTNER_LIST: PartnerDef[] = [
  {
    name: 'City & Bits GmbH',
    sector: 'programme_support',
    city: 'Hannover',
    contact: 'Projektleitung MPSC-Begleitung',
    website: 'https://www.cityandbits.de',
    signed: '2021-04-12',
    notes: 'Programmbegleitung Strategie- und Umsetzungsphase.',
  },
  {
    name: 'Fraunhofer IESE',
    sector: 'programme_support',
    city: 'Kaiserslautern',
    contact: 'Abteilung Smart Rural Areas',
    website: 'https://www.iese.fraunhofer.de',
    signed: '2021-05-03',
    notes: 'Wissenschaftliche Begleitung, Datenplattform und Evaluation.',
  },
  {
    name: 'Zebralog GmbH',
    sector: 'programme_support',
    city: 'Bonn',
    contact: 'Team Bürgerbeteiligung',
    website: 'https://www.zebralog.de',
    signed: '2021-06-21',
    notes: 'Online- und Präsenzbeteiligung.',
  },
  {
    name: 'Koordinierungs- und Transferstelle Modellprojekte Smart Cities',
    sector: 'programme_support',
    city: 'Berlin',
    contact: 'Regionalbetreuung',
  },
  {
    name: 'KfW Bankengruppe',
    sector: 'public',
    city: 'Frankfurt am Main',
    contact: 'Kundenbetreuung Programm 436',
    website: 'https://www.kfw.de',
  },
  {
    name: 'Wirtschaftsförderungsgesellschaft am Mittelrhein mbH',
    sector: 'business',
    city: 'Koblenz',
    contact: 'Geschäftsstelle',
  },
  {
    name: 'Rhein-Mosel-Eifel-Touristik (REMET)',
    sector: 'business',
    city: 'Koblenz',
    contact: 'Produktmanagement Wandern',
  },
  { name: 'Kulturpark Sayn', sector: 'civil_society', city: 'Bendorf', contact: 'Besucherservice' },
  { name: 'InD-initialdesign', sector: 'business', city: 'Koblenz', contact: 'Planungsteam' },
  {
    name: 'MakerSpace Mayen-Koblenz gGmbH',
    sector: 'civil_society',
    city: 'Mayen',
    contact: 'Geschäftsführung',
    signed: '2022-05-10',
    notes: 'Empfängerin einer Weiterleitung (100.000 €).',
  },
  {
    name: 'St. Nikolaus-Stiftshospital Andernach',
    sector: 'business',
    city: 'Andernach',
    contact: 'Kardiologie, Projektkoordination',
  },
  { name: 'Museum Geysir Andernach', sector: 'public', city: 'Andernach', contact: 'Museumspädagogik' },
  {
    name: 'Schönstätter Marienschule Vallendar',
    sector: 'civil_society',
    city: 'Vallendar',
    contact: 'Schulleitung',
  },
  {
    name: 'Kreisgruppe Mayen-Koblenz des Gemeinde- und Städtebundes RLP',
    sector: 'public',
    city: 'Koblenz',
    contact: 'Geschäftsstelle',
  },
  {
    name: 'Hochschule Koblenz',
    sector: 'science',
    city: 'Koblenz',
    contact: 'Fachbereich Ingenieurwesen',
    website: 'https://www.hs-koblenz.de',
  },
  { name: 'Verkehrsverbund Rhein-Mosel', sector: 'public', city: 'Koblenz', contact: 'Angebotsplanung' },
  // invented
  {
    name: 'Rheinblick Software GmbH',
    sector: 'business',
    city: 'Andernach',
    contact: 'Daniel Krüger',
    signed: '2023-09-14',
  },
  {
    name: 'Datenwerk Koblenz GmbH',
    sector: 'business',
    city: 'Koblenz',
    contact: 'Heike Wolf',
    signed: '2022-06-01',
  },
  {
    name: 'Sensorik Mittelrhein GmbH',
    sector: 'business',
    city: 'Koblenz',
    contact: 'Christian Schröder',
    signed: '2022-08-22',
  },
  { name: 'Netzwerk Eifel IT GmbH', sector: 'business', city: 'Mendig', contact: 'Ralf Hofmann' },
  { name: 'Funkwerk Eifel GmbH', sector: 'business', city: 'Kaisersesch', contact: 'Kerstin Schulz' },
  { name: 'Elektro Bauer GmbH & Co. KG', sector: 'business', city: 'Mayen', contact: 'Oliver Keller' },
  { name: 'Moselland Bau GmbH', sector: 'business', city: 'Kobern-Gondorf', contact: 'Melanie Jung' },
  { name: 'Gartenbau Lehnert GmbH', sector: 'business', city: 'Mendig', contact: 'Matthias Roth' },
  { name: 'Designbüro Schieferblau', sector: 'business', city: 'Mayen', contact: 'Silke Frank' },
  {
    name: 'Terminalbau Süd GmbH',
    sector: 'business',
    city: 'Mannheim',
    contact: 'Holger Berg',
    signed: '2023-03-01',
  },
  { name: 'Vulkaneifel Mobil GmbH', sector: 'business', city: 'Mayen', contact: 'Tanja Lehmann' },
  {
    name: 'Vergabekanzlei Rhein-Lahn PartG mbB',
    sector: 'business',
    city: 'Koblenz',
    contact: 'Sebastian Kaiser',
  },
  {
    name: 'Telemedizin Netzwerk West GmbH',
    sector: 'business',
    city: 'Köln',
    contact: 'Ute Kraus',
    signed: '2024-02-19',
  },
  { name: 'Druckerei Hansen KG', sector: 'business', city: 'Polch', contact: 'Andreas Busch' },
  {
    name: 'Institut für Regionalentwicklung Mittelrhein e.V.',
    sector: 'science',
    city: 'Koblenz',
    contact: 'Manuela Vogel',
  },
  {
    name: 'Forschungsstelle Ländliche Digitalisierung',
    sector: 'science',
    city: 'Trier',
    contact: 'Dirk Engel',
  },
  {
    name: 'Institut für Versorgungsforschung Westerwald',
    sector: 'science',
    city: 'Montabaur',
    contact: 'Yvonne Peters',
  },
  {
    name: 'Heimat- und Verkehrsverein Rieden e.V.',
    sector: 'civil_society',
    city: 'Rieden',
    contact: 'Thorsten Sommer',
  },
  {
    name: 'Seniorenbeirat der VG Weißenthurm',
    sector: 'civil_society',
    city: 'Weißenthurm',
    contact: 'Katja Horn',
  },
  { name: 'Dorfgemeinschaft Kehrig e.V.', sector: 'civil_society', city: 'Kehrig', contact: 'Uwe Brandt' },
  { name: 'Jugendnetzwerk MYK e.V.', sector: 'civil_society', city: 'Andernach', contact: 'Anja Schreiber' },
  { name: 'Bürgerbus Maifeld e.V.', sector: 'civil_society', city: 'Polch', contact: 'Bernd Schäfer' },
  { name: 'Repair-Café Bendorf e.V.', sector: 'civil_society', city: 'Bendorf', contact: 'Gabriele Lorenz' },
  { name: 'Landfrauen Vordereifel e.V.', sector: 'civil_society', city: 'Mayen', contact: 'Ingrid Seidel' },
  { name: 'Wanderfreunde Pellenz e.V.', sector: 'civil_society', city: 'Plaidt', contact: 'Klaus Winter' },
  { name: 'Gewerbeverein Mayen e.V.', sector: 'civil_society', city: 'Mayen', contact: 'Sandra Graf' },
  {
    name: 'Realschule plus Am Laacher See',
    sector: 'civil_society',
    city: 'Mendig',
    contact: 'Schulleitung',
  },
  { name: 'Gymnasium am Rheinufer', sector: 'civil_society', city: 'Andernach', contact: 'Jens Ludwig' },
  { name: 'Berufsbildende Schule Vulkaneifel', sector: 'public', city: 'Mayen', contact: 'Christiane Otto' },
  {
    name: 'Kreisvolkshochschule Mayen-Koblenz',
    sector: 'public',
    city: 'Koblenz',
    contact: 'Programmbereich Digitales',
  },
  { name: 'Pflegestützpunkt Maifeld', sector: 'public', city: 'Polch', contact: 'Beratungsteam' },
  {
    name: 'Landesbetrieb Mobilität Rheinland-Pfalz',
    sector: 'public',
    city: 'Cochem',
    contact: 'Dienststelle Cochem',
  },
  { name: 'Verbandsgemeindewerke Maifeld', sector: 'public', city: 'Polch', contact: 'Werkleitung' },
  {
    name: 'Feuerwehr- und Katastrophenschutzzentrum MYK',
    sector: 'public',
    city: 'Mayen',
    contact: 'Brand- und Katastrophenschutzinspektion',
  },
  {
    name: 'Digitalberatung Handwerk Mayen-Koblenz',
    sector: 'public',
    city: 'Mayen',
    contact: 'Beratungsteam',
  },
];

export const PARTNERS: PartnerDef[] = PARTNER_LIST.map((p) => ({
  ...p,
  ...(p.contact && !p.website && p.sector !== 'public' && /^[A-ZÄÖÜ][a-zäöüß]+ [A-ZÄÖÜ]/.test(p.contact)
    ? { email: `kontakt@${slug(p.name)}.example` }
    : {}),
}));

function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
}

/** Contact persons in the municipalities (invented): [name, role]. */
export const MUNICIPAL_PEOPLE: Record<MunicipalityName, [string, string][]> = {
  Andernach: [
    ['Frank Neumann', 'Digitalisierungsbeauftragter'],
    ['Petra Schuster', 'Leiterin Stadtmarketing'],
    ['Stefan Zimmermann', 'Fachbereichsleiter Stadtentwicklung'],
  ],
  Mayen: [
    ['Claudia Hartmann', 'Bürgermeisterin'],
    ['Michael Lang', 'Leiter Ordnungsamt'],
    ['Birgit Schmitt', 'Wirtschaftsförderin'],
  ],
  Bendorf: [
    ['Jürgen Koch', 'Büroleiter Stadtverwaltung'],
    ['Monika Richter', 'Kulturreferentin'],
    ['Dominik Vogt', 'IT-Koordinator'],
  ],
  Maifeld: [
    ['Christian Arnold', 'Bürgermeister der VG'],
    ['Susanne Meyer', 'Büroleiterin VG-Verwaltung'],
    ['Patrick Franke', 'Digitalisierungsbeauftragter'],
  ],
  Mendig: [
    ['Martina Beck', 'Bürgermeisterin der VG'],
    ['Rainer Krause', 'Ortsbürgermeister Rieden'],
    ['Lisa Brandl', 'Klimaschutzmanagerin'],
  ],
  Pellenz: [
    ['Torsten Haas', 'Büroleiter VG-Verwaltung'],
    ['Sabrina Pohl', 'Digitalisierungsbeauftragte'],
    ['Werner Simon', 'Ortsbürgermeister Plaidt'],
  ],
  'Rhein-Mosel': [
    ['Nadine Kuhn', 'Bürgermeisterin der VG'],
    ['Harald Dietrich', 'Fachbereichsleiter Bürgerdienste'],
    ['Eva Walter', 'Tourismusbeauftragte'],
  ],
  Vallendar: [
    ['Markus Thiel', 'Büroleiter VG-Verwaltung'],
    ['Ines Böhm', 'Digitalisierungsbeauftragte'],
    ['Georg Albrecht', 'Ortsbürgermeister Urbar'],
  ],
  Vordereifel: [
    ['Stephanie Roth', 'Bürgermeisterin der VG'],
    ['Alexander Pfeiffer', 'Leiter Bürgerbüro'],
    ['Tanja Ernst', 'Sozialraumkoordinatorin'],
  ],
  Weißenthurm: [
    ['Benjamin Marx', 'Digitalisierungsbeauftragter'],
    ['Karin Voigt', 'Seniorenbeauftragte'],
    ['Helmut Schwarz', 'Büroleiter VG-Verwaltung'],
  ],
};

export interface ContactTopic {
  topic: string;
  /** Measure codes the entry is about; empty = general. */
  measures: string[];
  notes: string[];
}

// {m} = municipality, {p} = contact person, {s} = short title of the linked measure.
export const CONTACT_TOPICS: ContactTopic[] = [
  {
    topic: 'Projektgruppensitzung {m}',
    measures: [],
    notes: [
      'Sitzung der Projektgruppe {m}: Stand der Maßnahmen besprochen, Prioritäten für das nächste Quartal festgelegt.',
      'Projektgruppe tagte mit acht Teilnehmenden; {p} bittet um eine Übersicht der geplanten Termine.',
    ],
  },
  {
    topic: 'Jour fixe Digitalisierung',
    measures: [],
    notes: [
      'Regelmäßiger Austausch mit {p}. Keine offenen Punkte, nächster Termin in vier Wochen.',
      'Austausch zu laufenden Vorhaben; Rückmeldung zur Digitalen Agenda des Kreises wird vorbereitet.',
    ],
  },
  {
    topic: 'Vorbereitung Digitale Agenda',
    measures: [],
    notes: [
      'Maßnahmenvorschläge aus {m} für die Fortschreibung der Digitalen Agenda aufgenommen.',
      '{p} meldet zwei neue Ideen aus den Ortsgemeinden; Steckbriefe werden nachgereicht.',
    ],
  },
  {
    topic: 'Standortsuche RegioHub',
    measures: ['M-01'],
    notes: [
      'Mögliche Räume für einen RegioHub in {m} besichtigt; Barrierefreiheit und Internetanbindung geprüft.',
      'Leerstehendes Ladenlokal im Ortskern als Standort im Gespräch; Eigentümer signalisiert Gesprächsbereitschaft.',
    ],
  },
  {
    topic: 'Betrieb RegioHub Rieden',
    measures: ['M-02'],
    notes: [
      'Auslastung des Alten Pfarrhauses gut; Ehrenamtliche wünschen eine Einweisung in das Buchungssystem.',
      'Schließsystem im RegioHub Rieden klemmt zeitweise, Dienstleister ist informiert.',
    ],
  },
  {
    topic: 'RegioHub Polch – Veranstaltungsprogramm',
    measures: ['M-03'],
    notes: [
      'Programm im @Viedel für das Halbjahr abgestimmt: Coworking-Frühstück, Digitalsprechstunde, Lesungen.',
      'Nutzungszahlen des @Viedel für den Sachbericht übermittelt.',
    ],
  },
  {
    topic: 'Umbau Ideenkino Bendorf',
    measures: ['M-04'],
    notes: [
      'Baubesprechung im Ideenkino: Brandschutzauflagen erfordern eine zweite Rettungstreppe.',
      '{p} berichtet über Verzögerungen beim Trockenbau; neuer Zeitplan folgt.',
    ],
  },
  {
    topic: 'Amt-O-Mat: Standort und Einweisung',
    measures: ['M-05'],
    notes: [
      'Aufstellort für einen weiteren Amt-O-Mat im Bürgerbüro abgestimmt; Stromanschluss vorhanden.',
      'Einweisung der Mitarbeitenden in die Terminals vereinbart, Nutzungsstatistik gewünscht.',
    ],
  },
  {
    topic: 'Herz.Gesund Patienteninformation',
    measures: ['M-06'],
    notes: [
      'Informationsabend für Patientinnen und Patienten mit Herzinsuffizienz geplant; Räume im Rathaus angefragt.',
      'Rückfragen zur Datenschutzerklärung der Telemedizin-Plattform weitergeleitet.',
    ],
  },
  {
    topic: 'Besucherlenkung Traumpfade',
    measures: ['M-08'],
    notes: [
      'Standorte für Zählsensoren an zwei Traumpfaden begangen; Grundstückseigentümer müssen noch zustimmen.',
      'Verzögerung bei den Sensoren erläutert; {p} hofft auf Installation vor der Wandersaison.',
    ],
  },
  {
    topic: 'LoRaWAN-Gateway auf dem Rathausdach',
    measures: ['M-09'],
    notes: [
      'Montage eines LoRaWAN-Gateways abgestimmt, Statik und Dachzugang geklärt.',
      'Wasserzähler und Pegelsensoren könnten an das LoRaWAN-Netz angebunden werden; Datenplattform vorgestellt.',
    ],
  },
  {
    topic: 'Sensordaten auf der Datenplattform',
    measures: ['M-09', 'M-24'],
    notes: [
      'Zugänge zur regionalen Datenplattform für die Verwaltung eingerichtet; Dashboard zu Parkplätzen gezeigt.',
      'Open-Data-Freigabe der Messwerte besprochen, Beschluss im Gemeinderat nötig.',
    ],
  },
  {
    topic: 'Beleuchtung Waldsee Rieden',
    measures: ['M-10'],
    notes: [
      'Rückmeldungen zur bedarfsgesteuerten Beleuchtung am Waldsee durchweg positiv.',
      'Energieverbrauch seit Umstellung deutlich gesunken; Zahlen für den Bericht erbeten.',
    ],
  },
  {
    topic: 'Bewässerung Hospitalplatz',
    measures: ['M-11', 'M-33'],
    notes: [
      'Bodenfeuchtesensoren am Hospitalplatz liefern stabile Werte; Bauhof nutzt die Anzeige täglich.',
      'Übertragbarkeit der smarten Bewässerung auf weitere Plätze besprochen.',
    ],
  },
  {
    topic: 'Digitaler Zwilling Bahnhofstraße',
    measures: ['M-12'],
    notes: [
      'Neuausschreibung des Digitalen Zwillings besprochen; Leistungsbeschreibung wird verschlankt.',
      'Abstimmung mit dem Tiefbauamt zu Befliegung und Vermessungsdaten.',
    ],
  },
  {
    topic: 'LandRäume: Räume einpflegen',
    measures: ['M-16'],
    notes: [
      'Drei Gemeindehäuser und die Grillhütte sollen in LandRäume buchbar werden; Fotos und Preise folgen.',
      'Schulung für die Verwaltung zu LandRäume vereinbart; Schlüsselübergabe soll digital werden.',
    ],
  },
  {
    topic: 'Landkreis-App: Inhalte der Kommune',
    measures: ['M-17'],
    notes: [
      'Veranstaltungskalender von {m} wird künftig automatisch in die Landkreis-App übernommen.',
      '{p} wünscht Push-Nachrichten für Straßensperrungen; Anforderung an den Dienstleister weitergegeben.',
    ],
  },
  {
    topic: 'Mitfahrerbank: Standorte',
    measures: ['M-18'],
    notes: [
      'Vier Standorte für digitale Mitfahrerbänke vorgeschlagen; Ortsgemeinden stimmen noch zu.',
      'Haltebuchten an der Kreisstraße geprüft; Abstimmung mit dem LBM erforderlich.',
    ],
  },
  {
    topic: 'Rufbus-Pilot: Bedarfsermittlung',
    measures: ['M-19'],
    notes: [
      'Umfrage zum On-Demand-Rufbus in den Ortsgemeinden abgestimmt; Auswertung im Frühjahr.',
      'Bedienzeiten und Haltepunkte des Rufbusses mit {p} diskutiert.',
    ],
  },
  {
    topic: 'Leerstandsbörse Ortskerne',
    measures: ['M-20'],
    notes: [
      'Erste zwölf Leerstände in die Leerstandsbörse eingetragen; Eigentümerinformation verschickt.',
      'Rückfrage zur Weiterleitung der Fördermittel und zum Verwendungsnachweis beantwortet.',
    ],
  },
  {
    topic: 'Digital-Sprechstunde Senior:innen',
    measures: ['M-21'],
    notes: [
      'Digital-Sprechstunde gut besucht; weitere Ehrenamtliche als Digitalpaten gesucht.',
      'Seniorenbeirat wünscht zusätzliche Termine in den Ortsgemeinden.',
    ],
  },
  {
    topic: 'Digitales Dorfbüro',
    measures: ['M-26'],
    notes: [
      'Öffnungszeiten des Digitalen Dorfbüros abgestimmt; Videoberatung mit der Verwaltung funktioniert.',
      'Ausstattung des Dorfbüros (Drucker, Scanner) ergänzt.',
    ],
  },
  {
    topic: 'Schulwegsensorik Pellenz',
    measures: ['M-29'],
    notes: [
      'Elternvertretung begrüßt die Verkehrszählung am Schulweg; Standorte an der Landesstraße noch offen.',
      'Datenschutzhinweise für die Verkehrssensoren abgestimmt.',
    ],
  },
  {
    topic: 'E-Bike-Verleih Rheinufer',
    measures: ['M-30'],
    notes: [
      'Zukunft des E-Bike-Verleihs nach der Pause besprochen; {m} könnte Stationen selbst betreiben.',
      'Standorte am Rheinufer bleiben reserviert, bis die Lenkungsgruppe entscheidet.',
    ],
  },
  {
    topic: 'Parkraumsensorik Innenstadt',
    measures: ['M-31'],
    notes: [
      'Parkleitsystem zeigt freie Plätze in der Innenstadt; Händler geben positive Rückmeldung.',
      'Zusätzliche Sensoren für Behindertenparkplätze angefragt.',
    ],
  },
  {
    topic: 'Pegelsensoren Hochwasserwarnung',
    measures: ['M-32'],
    notes: [
      'Standorte für Pegelsensoren an Bachläufen mit der Feuerwehr begangen.',
      'Warnschwellen für die Hochwasser-Frühwarnung mit der Wehrleitung abgestimmt.',
    ],
  },
  {
    topic: 'Online-Marktplatz MYK kauft lokal',
    measures: ['M-37'],
    notes: [
      'Gewerbeverein unterstützt den Online-Marktplatz; zehn Händler wollen teilnehmen.',
      'Infoveranstaltung für Händlerinnen und Händler in {m} geplant.',
    ],
  },
  {
    topic: 'Online-Terminvergabe Bürgerbüro',
    measures: ['M-39'],
    notes: [
      'Online-Terminvergabe im Bürgerbüro gestartet, Wartezeiten spürbar kürzer.',
      'Anbindung an das Fachverfahren Meldewesen noch offen; Rückmeldung des Herstellers steht aus.',
    ],
  },
  {
    topic: 'Telepflege-Beratung',
    measures: ['M-35'],
    notes: [
      'Pflegestützpunkt interessiert an Videoberatung für Angehörige; Vertragsentwurf in Prüfung.',
      '{p} schlägt Pilotgemeinden für die Telepflege-Beratung vor.',
    ],
  },
  {
    topic: 'Ausbildungsbörse: Betriebe gewinnen',
    measures: ['M-28'],
    notes: [
      'Betriebe aus {m} für die Digitale Ausbildungsbörse angesprochen.',
      'Aktion an den Schulen zur Ausbildungsbörse im Frühjahr geplant.',
    ],
  },
  {
    topic: 'Fördermittel: Weiterleitungsvertrag',
    measures: [],
    notes: [
      'Fragen zum Weiterleitungsvertrag und zur Frist für den Verwendungsnachweis beantwortet.',
      'Belegliste für den Zwischennachweis erläutert; Vorlage per E-Mail geschickt.',
    ],
  },
  {
    topic: 'Pressetermin und Öffentlichkeitsarbeit',
    measures: [],
    notes: [
      'Gemeinsamer Pressetermin vereinbart; Fotos und Zitate werden abgestimmt.',
      'Beitrag für das Amtsblatt zu den Smart-City-Projekten in {m} abgestimmt.',
    ],
  },
];

export const CHANNEL_WEIGHTS = [
  ['phone', 35],
  ['email', 25],
  ['on_site', 20],
  ['video', 15],
  ['event', 5],
] as const;

/** Payees by cost category (invented, except programme-support partners). */
export const PAYEES: Record<'material' | 'services' | 'investment' | 'other', string[]> = {
  services: [
    'Rheinblick Software GmbH',
    'Datenwerk Koblenz GmbH',
    'City & Bits GmbH',
    'Zebralog GmbH',
    'Vergabekanzlei Rhein-Lahn PartG mbB',
    'Designbüro Schieferblau',
    'Kommunalberatung Westerwald GmbH',
    'Eventservice Mittelrhein GmbH',
  ],
  material: [
    'Sensorik Mittelrhein GmbH',
    'Bürotechnik Pellenz GmbH',
    'Elektro Bauer GmbH & Co. KG',
    'Druckerei Hansen KG',
    'Netzwerk Eifel IT GmbH',
  ],
  investment: [
    'Moselland Bau GmbH',
    'Funkwerk Eifel GmbH',
    'Terminalbau Süd GmbH',
    'Gartenbau Lehnert GmbH',
    'Elektro Bauer GmbH & Co. KG',
    'Netzwerk Eifel IT GmbH',
  ],
  other: [
    'Tagungshaus Laacher See',
    'Reisestelle Kreisverwaltung',
    'Versandservice Koblenz',
    'Gasthaus Zur Linde',
  ],
};

/** Description templates per category; {s} = short title of the measure, {k} = a running number. */
export const EXPENDITURE_TEXTS: Record<'material' | 'services' | 'investment' | 'other', string[]> = {
  services: [
    'Konzeption und Projektbegleitung {s}, Abschlag {k}',
    'Softwareentwicklung {s}, Abschlagsrechnung {k}',
    'Moderation Workshop {s}',
    'Rechtsberatung Vergabe {s}',
    'Gestaltung Kommunikationsmaterial {s}',
    'Betrieb und Wartung {s}, Abrechnung {k}',
  ],
  material: [
    'Sensoren und Zubehör {s}',
    'Hardware und Kleinmaterial {s}',
    'Druck Informationsmaterial {s}',
    'Lizenzen und Verbrauchsmaterial {s}',
  ],
  investment: [
    'Installation und Montage {s}, {k}. Abschlag',
    'Bauleistungen {s}, {k}. Abschlag',
    'Beschaffung Technik {s}',
    'Ausstattung und Möblierung {s}',
  ],
  other: ['Reisekosten Projektteam {s}', 'Raummiete Veranstaltung {s}', 'Porto und Versand {s}'],
};

export const INELIGIBLE_TEXTS = [
  'Bewirtung Auftaktveranstaltung {s} (nicht förderfähig)',
  'Geschenke für Referierende {s} (nicht förderfähig)',
  'Säumniszuschlag Rechnung {s} (nicht förderfähig)',
];
