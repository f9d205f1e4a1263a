-- The founding partners of the network, as DESIGN.md lists them (Slovak towns under their Slovak
-- names). Seeded in every installation, demo or production.

insert into organisation (id, version, code, name, country, type, lead_partner) values
    (1,  0, 'LP',   'Mesto Humenné',                                     'SK', 'TOWN',        true),
    (2,  0, 'PP1',  'Stowarzyszenie Euroregion Karpacki Polska',         'PL', 'ASSOCIATION', false),
    (3,  0, 'PP2',  'Stowarzyszenie Euroregion Karpacki Słowacja Północ', 'SK', 'ASSOCIATION', false),
    (4,  0, 'PP3',  'Gmina Miejska Przemyśl',                            'PL', 'TOWN',        false),
    (5,  0, 'PP4',  'Gmina Miejska Przeworsk',                           'PL', 'TOWN',        false),
    (6,  0, 'PP5',  'Gmina Lesko',                                       'PL', 'TOWN',        false),
    (7,  0, 'PP6',  'Miasto Jasło',                                      'PL', 'TOWN',        false),
    (8,  0, 'PP7',  'Mesto Snina',                                       'SK', 'TOWN',        false),
    (9,  0, 'PP8',  'Mesto Medzilaborce',                                'SK', 'TOWN',        false),
    (10, 0, 'PP9',  'Gmina Miejska Ustrzyki Dolne',                      'PL', 'TOWN',        false),
    (11, 0, 'PP10', 'Mesto Vranov nad Topľou',                           'SK', 'TOWN',        false),
    (12, 0, 'PP11', 'Gmina Miejska Jarosław',                            'PL', 'TOWN',        false),
    (13, 0, 'PP12', 'Gmina Boguchwała',                                  'PL', 'TOWN',        false);
