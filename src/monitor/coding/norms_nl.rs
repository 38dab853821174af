//! Dutch cues of the norms, and the norms that themes bring.

use super::Rule;

/// Dutch cues of the norms. The codebook codes a norm whether it was broken or kept, so most
/// cues do not care about direction.
pub const DUTCH_NORMS: &[Rule] = &[
    Rule {
        code: "transparant",
        cues: "=aan toe, =wat er .. gebeurt, =wat er .. aan de hand, =wanneer hoor ik, =openheid, \
               =open kaart, =geen idee, =nog steeds niets, =weet niet waar, =niet weten waar, \
               =geen zicht, =inzicht, =wat er met .. gebeurt, =hoe .. beoordeelt, =wanneer hoor, \
               =stand van zaken, =duidelijkheid, =onduidelijk .. zaak, =geheim*, \
               =achter gesloten deuren",
    },
    Rule {
        code: "goede_informatieverstrekking",
        cues: "=geïnformeerd, =geinformeerd, =op de hoogte, =gewezen, =waar .. recht op, \
               =onduidelijk*, =tegenstrijdig*, =verschillende antwoorden, =vermeld, =handleiding*, \
               =verzekerd dat, =vindbaar, =folder*, =niemand .. vertellen, =antwoord .. vragen, \
               =doolhof, =voorlichting, -informatie, =geen informatie, =onvoldoende informatie, \
               -uitleg, -informeren, -geïnformeerd, =informatie, =uitleg, =niet verteld, \
               =verkeerde informatie, =onjuiste informatie, =foute informatie, =tegenstrijdige, \
               =recht op, =voor het eerst, =niet op de hoogte, =op de hoogte gesteld, =website, \
               =communicatie, =informeren, =andere antwoorden, =ingewikkeld*",
    },
    Rule {
        code: "luisteren",
        cues: "=luister*, =geluisterd, =gehoord voelen, =gehoord .. gezien, =serieus, =genegeerd, \
               =negeer*, =onderbr*, =mijn kant, =geen gehoor, =in de rede, =uitpraten, =onderbrak, \
               =onderbroken, =niet geloofd, =geloofde .. niet, =het tegendeel, =tegen een muur, \
               =weggewuifd, =serieus genomen",
    },
    Rule {
        code: "goede_motivering",
        cues: "=motiver*, =gemotiveerd, =zonder uitleg, =geen uitleg, =onderbouw*, =motiveert, \
               =motivering, =uitleg .. besluit, =besluit .. uitleg, =waarom .. afgewezen, \
               =reden .. afwijzing, =reden .. besluit, =niet uitgelegd .. waarom, =geen reden, \
               =zonder reden, =onvoldoende gemotiveerd",
    },
    Rule {
        code: "grondrechten",
        cues: "=privacy*, =privé*, =privéleven, =discrimin*, =racis*, =etnisch*, =afkomst, \
               =nationaliteit, =namen hebben, =huisbezoek*, =in huis, =camera*, =gevolgd, =buren, \
               =facebook*, =sociale media, =postten, =gepost, =onrechtmatig*, \
               =gelijke behandeling, =woning, =discriminatie, =gediscrimineerd, =racisme, \
               =racismekaart, =ongelijk* behandel*, =vanwege .. afkomst, =bespied*, =geobserveerd, \
               =geschaduwd, =binnengevallen, =in huis gekomen",
    },
    Rule {
        code: "actieve_deelname",
        cues: "=vertrouwenspersoon, =meenemen, =mee te nemen, =meedenken, =meegedacht, =inspraak, \
               =eigen keuze*, =betrokken, =meepraten, =mee te praten, =zelf .. kiezen, \
               =eigen inbreng, =inbreng, =zeggenschap, =samen .. oplossing, =iemand mee, \
               =ondersteunen tijdens",
    },
    Rule {
        code: "fatsoenlijke_bejegening",
        cues: "=bejegening, =bejegend, =respect*, =vriendelijk*, =onvriendelijk*, \
               =klantvriendelijk*, =onbeleefd*, =beleefd*, =toon, =houding, =intimider*, \
               =geïntimideerd, =dominant, =kleinerend*, =neerbuig*, =schreeuw*, =aardig*, \
               =rotopmerking*, =wijzende vinger, =als een kind, =weggezet als, =gemangeld, \
               =begripvol*, =behulpzaam*, =bot, =botte, =grof, =onbeschoft*, =arrogant*, \
               =denigrer*, =minachtend*, =snauw*, =beledig*, =onfatsoenlijk*, =kortaf, =kil, \
               =koud, =afwerende, =betutte*, =respectloos, =respectvol*, =fatsoenlijk*, =onheus*, \
               =de les gelezen, =lef",
    },
    Rule {
        code: "fair_play",
        cues: "=onder druk, =druk gezet, =verdraaid, =verdraaien, =bezwaar .. intrekken, \
               =bezwaar .. ingetrokken, =bezwaarschrift .. in te trekken, =zinloos, \
               =moeilijk kan maken, =vooringenomen, =ontlastend*, =opzij te schuiven, =tegenwerk*, \
               =represailles, =open kaart, =eerlijk*, =verklaring .. tekenen, =weggelaten, \
               =oneerlijk* .. procedure, =niet eerlijk, =eerlijke kans, =afgeraden .. bezwaar, \
               =tegengewerkt, =misleid*, =bangmakerij, =angst .. aan de orde",
    },
    Rule {
        code: "evenredigheid",
        cues: "=terugvorder*, =terugbetal*, =terug te betalen, =terugvraagt, =boete*, =sanctie*, \
               =stopgezet, =gekort, =korting, =inleveren, =onevenredig*, =buiten proportie*, \
               =disproportione*, =harde eisen, =te koop zetten, =grootscheeps, \
               =stapels documenten, =afgepakt, =lagere uitkering, =terugvordering*, =terugbetalen, \
               =terugbetaling*, =maatregel*, =strafkorting, =beslag, =te zwaar, =zware gevolgen, \
               =duizenden euro, =euro .. terugbetalen, =hoge .. boete*",
    },
    Rule {
        code: "bijzondere_zorg",
        cues: "=kwetsba*, =dakloo*, =ten einde raad, =taalproble*, =analfabe*, =beperking*, \
               =daklozen, =laaggeletterd*",
    },
    Rule {
        code: "maatwerk",
        cues: "=maatwerk, =omstandigheden, =uitzondering*, =afwijken, =buiten de regels, \
               =regels zijn regels, =strikt*, =regeltjes, =naar de mens, =persoonlijke situatie, \
               =mantelzorg*, =arbeidsongeschikt*, =technisch, =menselijke maat, =als een nummer, \
               =gestraft, =starre, =ziekte, =star, =categoriaal, =hardheidsclausule, =een nummer",
    },
    Rule {
        code: "samenwerking",
        cues: "=doorverwe*, =doorgestuurd, =doorverwijz*, =kastje naar de muur, =samenwerk*, \
               =samen te werken, =overgedragen, =draagt .. over, =niet op de goede plek, \
               =andere afdeling, =afdelingen, =centrale loket, =overdracht, =andere instantie*, \
               =instanties, =kredietbank, =geen contact op met, =ketenpartner*",
    },
    Rule {
        code: "coulante_opstelling",
        cues: "=excuse*, =excuus, =fout .. erkend, =fout .. erkent, =fouten .. toegeven, =alsnog, \
               =heroverwogen, =rechtgezet, =hersteld, =coulan*, =soepel*, =ruimhartig*, \
               =tegemoet*, =compensatie, =gelijk gegeven, =geeft .. gelijk, =sorry, \
               =fout .. toegegeven, =fout .. hersteld, =erkent, =erkende, =schadevergoeding, \
               =ingetrokken, =teruggedraaid",
    },
    Rule {
        code: "voortvarendheid",
        cues: "lang* .. wacht*, wacht* .. lang*, =wachttijd*, =traag*, =te laat, =termijn*, \
               =nog geen, =nog niets, =voorschot*, =onmiddellijk, =vertraging*, =blijft .. uit, \
               =niets gehoord, =lang duren, =nog steeds geen, =nog altijd geen, =nog steeds niet*, \
               =maanden .. wacht*, =wacht* .. maanden, =na .. maanden, =snelle, =vlot, =meteen, \
               =direct, =binnen .. dagen, =lang .. wachten, =maanden, =half jaar, =anderhalf jaar, \
               =nog steeds niets, =niet gereageerd, =terugbel*, =teruggebeld, =herinnering*, \
               =ingebrekestelling, =dwangsom",
    },
    Rule {
        code: "de_escalatie",
        cues: "=bemiddel*, =persoonlijk gesprek, =gesprek aan, =escal*, =conflict*, =rechter, \
               =dreig*, =represailles, =mediation, =rechtszaak, =procederen, =politie",
    },
];

/// Themes that bring a norm with them when the norm's own cues did not find it. The codebook's
/// other pairs (lang_wachten → voortvarendheid, geen_begrip → maatwerk, …) are left to the norms'
/// own cues: on the tuning half those pairs added a norm the coders gave in 3 of 28 texts.
pub const THEME_NORMS: &[(&str, &str)] =
    &[("privacy", "grondrechten"), ("wisseling", "samenwerking")];
