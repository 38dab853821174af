//! Suggesting codes for open texts (survey answers and complaint descriptions). Suggestions are
//! proposals: the researcher decides, and only her choice counts anywhere.
//!
//! How a text gets a suggestion:
//! - Its words are stemmed with the Snowball stemmer of its language (Dutch, English), and the
//!   last part of a Dutch compound counts as a word of its own (klantvriendelijk → vriendelijk).
//! - Each code has cues: words and phrases in a small pattern language (see [`Pattern`]). A
//!   phrase may have gaps (`als .. kind`), a word may match every word that starts with it
//!   (`wacht*`), and a cue says whether it needs a negation or wish near it (`-luister`: niet
//!   luisteren, beter luisteren), may not have one (`+tevreden`: not "niet tevreden", not "wat
//!   vriendelijker graag") or does not care (`=`). By default a cue counts when it is not negated.
//! - A negation or wish counts within the same part of a sentence (split at punctuation and
//!   "maar"), four words before the cue to two words after it.
//! - Norms get cues of their own, and a theme brings the norms it usually goes with.
//! - Every suggestion carries its reason: the places in the text that triggered it.
//!
//! The learning step ([`super::learning`]) adds to these from the researcher's own codes.

use std::collections::{BTreeMap, BTreeSet};

use rust_stemmers::{Algorithm, Stemmer};

/// A code of the built-in rules with its cues.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// Code.
    pub code: &'static str,
    /// Cues in the pattern language.
    pub cues: &'static [&'static str],
}

/// The built-in themes, in codebook order.
pub const THEME_CODES: [&str; 12] = [
    "niet_gehoord",
    "respectloos",
    "wantrouwen",
    "privacy",
    "onbereikbaar",
    "lang_wachten",
    "wisseling",
    "brieven",
    "niet_geholpen",
    "geen_begrip",
    "positief",
    "regels_onduidelijk",
];

/// The behoorlijkheidsnormen the codebook's coders use (Nationale ombudsman), in codebook order.
pub const NORM_CODES: [&str; 15] = [
    "transparant",
    "goede_informatieverstrekking",
    "luisteren",
    "goede_motivering",
    "grondrechten",
    "actieve_deelname",
    "fatsoenlijke_bejegening",
    "fair_play",
    "evenredigheid",
    "bijzondere_zorg",
    "maatwerk",
    "samenwerking",
    "coulante_opstelling",
    "voortvarendheid",
    "de_escalatie",
];

/// Dutch cues of the built-in codes. Written from the codebook's descriptions and tuned on the
/// tuning half of the evaluation set only (see BENCHMARKS.md).
pub const DUTCH: &[Rule] = &[
    Rule {
        code: "niet_gehoord",
        cues: &[
            "-luister",
            "-gehoor",
            "-serieus .. genom",
            "-serieus",
            "=niet .. serieus",
            "=geen gehoor",
            "=mijn kant",
            "=besloten voordat",
            "negeer*",
            "genegeerd",
            "=onderbr*",
            "=doof*",
            "=zijn verhaal niet",
            "=haar verhaal niet",
            "=mijn verhaal niet",
            "=ontlastend*",
            "=vooringenomen",
            "-gezien .. gehoord",
            "=niet gehoord",
            "=voel* .. niet gehoord",
        ],
    },
    Rule {
        code: "respectloos",
        cues: &[
            "=respectlo*",
            "-respect",
            "=als .. kind .. behandel*",
            "=alsof .. kind",
            "=als een kind",
            "neerbuig*",
            "kleiner*",
            "uitgelach*",
            "schreeuw*",
            "grof",
            "onbeschof*",
            "onbeleefd*",
            "arrogant*",
            "bot",
            "botte",
            "intimider*",
            "geïntimideerd",
            "geintimideerd",
            "dominant",
            "=rotopmerking*",
            "onvriendelijk*",
            "kortaf",
            "minachting",
            "betutte*",
            "kleinerend*",
            "=de les gelezen",
            "=wijzende vinger",
            "=afwerende",
            "=onheus*",
            "=dreig*",
            "=bedreig*",
            "=uitgescholden",
            "=vernedere*",
            "=vernederd",
        ],
    },
    Rule {
        code: "wantrouwen",
        cues: &[
            "=wantrouw*",
            "=verdacht*",
            "=verdenking*",
            "=beschuldig*",
            "=fraud*",
            "=crimineel",
            "=criminelen",
            "=verhoor*",
            "=kruisverhoor*",
            "=ondervraging*",
            "=ondervraagd",
            "=recherche*",
            "=rechercheur*",
            "=controle*",
            "=controleer*",
            "=controleren",
            "=gecontroleerd",
            "-vertrouwd",
            "=niet vertrouwd",
            "=leugen*",
            "=gelogen",
            "=liegen",
            "=bewijzen dat",
            "=moet bewijzen",
            "=bewijsstuk*",
            "=onschuld*",
            "=weggezet als",
            "=gemangeld",
            "=huisbezoek*",
            "=onderzoek naar",
            "=postten",
            "=gepost",
            "=misbruik",
            "=waterverbruik",
            "=heimelijk*",
        ],
    },
    Rule {
        code: "privacy",
        cues: &[
            "=privacy*",
            "=privé*",
            "=prive*",
            "=huisbezoek*",
            "=in huis",
            "=binnengekomen",
            "=binnen gekomen",
            "=kast*",
            "=camera*",
            "=gefilmd",
            "=gevolgd",
            "=achtervolg*",
            "=buren",
            "=facebook*",
            "=sociale media",
            "=waterverbruik",
            "=hardop",
            "=iedereen kon",
            "=meeluister*",
            "=opgenomen .. gesprek",
            "=persoonsgegevens",
            "=postten",
            "=gepost",
            "=foto*",
            "=woning .. gepost",
            "=voor de deur",
            "=slaapkamer*",
            "=tandenborstel*",
            "=woonsituatie",
        ],
    },
    Rule {
        code: "onbereikbaar",
        cues: &[
            "=onbereikba*",
            "-bereikba*",
            "-bereik*",
            "=niet bereik*",
            "=terugbel*",
            "=teruggebeld",
            "=terug gebeld",
            "=terug te bellen",
            "=terug belt",
            "-belt .. terug",
            "-belde .. terug",
            "=terugbelverzoek*",
            "=opgehang*",
            "=niet opgenom*",
            "=neemt .. niet op",
            "=in de wacht",
            "=wachtrij*",
            "=niet beantwoord",
            "=nooit beantwoord",
            "=geen antwoord",
            "=geen reactie",
            "=niets gehoord",
            "=niets meer gehoord",
            "=hoort .. niets",
            "=nooit .. gehoord",
            "=niet .. gereageerd",
            "=reageert .. niet",
            "=reageerde .. niet",
            "=niet .. reageren",
            "=contact .. lukte",
            "=kwam niet tot stand",
            "=loket",
            "=balie .. dicht",
            "=geen balie",
            "=voicemail*",
            "=niemand .. te pakken",
            "=niemand .. bereik*",
            "=niemand .. antwoord",
            "=telefonisch .. niet",
        ],
    },
    Rule {
        code: "lang_wachten",
        cues: &[
            "lang* .. wacht*",
            "wacht* .. lang*",
            "=wachttijd*",
            "=wachtlijst*",
            "traag*",
            "=traagheid",
            "=te laat",
            "=maanden later",
            "=weken later",
            "=jaar later",
            "=nog steeds niet*",
            "=nog steeds geen",
            "=nog altijd geen",
            "=nog niets",
            "=nog geen",
            "=blijft .. uit",
            "=bleef .. liggen",
            "=laat .. liggen",
            "=lang duren",
            "=lang geduurd",
            "=duurde .. lang",
            "=duurt .. lang",
            "=termijn*",
            "=vertraging*",
            "=voorschot*",
            "=wacht u maar",
            "=al weken",
            "=al maanden",
            "=wacht al",
            "=in de wacht",
            "=maanden .. wacht*",
            "=wacht* .. maanden",
            "=maanden later nog",
            "=na .. maanden",
        ],
    },
    Rule {
        code: "wisseling",
        cues: &[
            "=wissel*",
            "=andere contactpersoon",
            "=nieuwe contactpersoon",
            "=geen vaste contactpersoon",
            "=vaste contactpersoon",
            "=steeds opnieuw",
            "=telkens opnieuw",
            "=opnieuw vertellen",
            "=verhaal .. opnieuw",
            "=weer iemand anders",
            "=steeds iemand anders",
            "=meerdere malen vertellen",
            "=verschillende mensen",
            "=verschillende medewerkers",
            "=doorverwezen",
            "=doorgestuurd",
            "=van het kastje naar de muur",
            "=kastje naar de muur",
            "=telkens .. doorverwezen",
        ],
    },
    Rule {
        code: "brieven",
        cues: &[
            "=brie* .. toon",
            "=toon .. brie*",
            "=dreigbrie*",
            "=dreigende brie*",
            "=brie* .. onduidelijk*",
            "=brie* .. dreig*",
            "=brie* .. ambtelijk*",
            "=ambtelijk*",
            "=brie* .. fout*",
            "=onbegrijpelijk*",
            "=moeilijk te begrijpen",
            "=brie* .. binnenkomen",
            "=brief op de mat",
            "=post op de mat",
            "=slordige oproep",
            "=gesommeerd",
            "=schriftelijk .. gesommeerd",
            "=beschikking .. onduidelijk*",
            "=formulier* .. ingewikkeld",
            "=ingewikkeld* .. formulier*",
            "=brie* .. kil",
            "=brie* .. empathie",
            "=uitkeringsspecificatie",
            "=specificatie",
            "=kortaf .. brie*",
            "=standaardbrie*",
        ],
    },
    Rule {
        code: "niet_geholpen",
        cues: &[
            "-geholp*",
            "-help*",
            "-hulp",
            "=geen hulp",
            "=gebrek aan hulp",
            "=niet .. geholpen",
            "=niet .. helpen",
            "=niemand .. hielp",
            "=niemand .. helpen",
            "=aan .. lot overgelaten",
            "=aan mijn lot",
            "=van het kastje",
            "=kastje naar de muur",
            "=niks gedaan",
            "=niets gedaan",
            "=niets mee gedaan",
            "=gebeurt .. niets",
            "=gebeurt .. niet veel",
            "=gebeurde niets",
            "=leverde .. niets op",
            "=afgewezen",
            "=afwijzing*",
            "=geweigerd",
            "=weigert",
            "=weigerde",
            "=beëindigd",
            "=beeindig*",
            "=stopt",
            "=gestopt",
            "=weggestuurd",
            "=ga maar naar huis",
            "=tevergeefs",
            "=niet verder",
            "=niet uitbetaald",
            "=geen oplossing",
            "=geen recht",
            "=geen inkomen",
            "=geen zin",
            "=gaf het op",
            "=dan maar niet",
            "=alles zelf",
            "=zelf moeten uitzoeken",
            "=op eigen kracht",
            "=ten einde raad",
            "=wanhopig",
        ],
    },
    Rule {
        code: "geen_begrip",
        cues: &[
            "-begrip",
            "=onbegrip",
            "-empathie",
            "=geen empathie",
            "=inlevingsvermogen",
            "=geen rekening .. situatie",
            "=geen rekening .. omstandigheden",
            "=niet .. rekening",
            "=niet .. gekeken naar",
            "=situatie .. niet",
            "=geen oog",
            "=geen besef",
            "=als een nummer",
            "=strikt*",
            "=regeltjes",
            "=regels zijn regels",
            "=onmenselijk*",
            "=menselijke maat",
            "=maatwerk",
            "=gestraft",
            "=straf",
            "=mantelzorg*",
            "=arbeidsongeschikt*",
            "=gezondheidssituatie",
            "=harde eisen",
            "=technisch",
            "=onpersoonlijk*",
            "=niet te doen",
            "=kan het ze niet",
            "=ontberen",
            "=starre",
            "=ziekte",
            "=ziek",
        ],
    },
    Rule {
        code: "positief",
        cues: &[
            "+vriendelijk*",
            "+klantvriendelijk*",
            "+tevreden",
            "+klanttevredenheid",
            "+goed geholpen",
            "+goed .. geholpen",
            "+fijn*",
            "+prettig*",
            "+keurig*",
            "+behulpzaam*",
            "+aardig*",
            "+begripvol*",
            "+hartstikke",
            "+gelukkig",
            "+dankzij",
            "+dank*",
            "+bedankt",
            "+excuses .. aan",
            "+biedt .. excuses",
            "+gaat heel goed",
            "+gaat goed",
            "+gaat .. goed",
            "+voelt .. goed",
            "+goed geregeld",
            "+snel geregeld",
            "+hoog gewaardeerd",
            "+gewaardeerd",
            "+duidelijk uitgelegd",
            "+meegedacht",
            "+meedenken",
            "+tijd genomen",
            "+tijd nam",
            "+luistert .. goed",
            "+goed .. luister*",
            "+naar de mens",
            "+super",
            "+top",
            "+fantastisch",
            "+uitstekend*",
            "+correct",
            "+netjes geholpen",
        ],
    },
    Rule {
        code: "regels_onduidelijk",
        cues: &[
            "=onduidelijk*",
            "=duidelijkheid",
            "-duidelijk*",
            "=onbegrijpelijk*",
            "-begrijp*",
            "-snap*",
            "=snapt .. niet",
            "=geen idee",
            "=geen flauw idee",
            "=aan toe",
            "=weet niet",
            "=wist niet",
            "=weten niet",
            "=niet wist",
            "=niet weet",
            "=niet .. informeren",
            "=geïnformeerd",
            "=geinformeerd",
            "=niet op de hoogte",
            "=niet .. gewezen",
            "=niet aan .. waar",
            "=tegenstrijdig*",
            "=verschillende antwoorden",
            "=ingewikkeld*",
            "=doolhof",
            "=vindbaar",
            "=verkeerde informatie",
            "=verkeerd geïnformeerd",
            "=foute informatie",
            "=verzekerd dat",
            "=verwarrend*",
            "=vaag",
            "=niets over",
            "=niet vermeld",
            "=openheid",
            "=antwoord .. vragen",
            "=handleiding*",
            "-informatie",
            "=geen informatie",
            "=onvoldoende informatie",
            "-uitleg",
            "=geen uitleg",
            "=waar .. recht op",
            "-op de hoogte",
        ],
    },
    // Norms: the codebook codes a norm whether it was broken or kept, so most cues do not care
    // about direction.
    Rule {
        code: "transparant",
        cues: &[
            "=aan toe",
            "=wat er .. gebeurt",
            "=wat er .. aan de hand",
            "=wanneer hoor ik",
            "=openheid",
            "=open kaart",
            "=geen idee",
            "=nog steeds niets",
        ],
    },
    Rule {
        code: "goede_informatieverstrekking",
        cues: &[
            "=geïnformeerd",
            "=geinformeerd",
            "=op de hoogte",
            "=gewezen",
            "=waar .. recht op",
            "=onduidelijk*",
            "=tegenstrijdig*",
            "=verschillende antwoorden",
            "=vermeld",
            "=handleiding*",
            "=verzekerd dat",
            "=vindbaar",
            "=folder*",
            "=niemand .. vertellen",
            "=antwoord .. vragen",
            "=doolhof",
            "=voorlichting",
            "-informatie",
            "=geen informatie",
            "=onvoldoende informatie",
            "-uitleg",
            "-informeren",
            "-geïnformeerd",
        ],
    },
    Rule {
        code: "luisteren",
        cues: &[
            "=luister*",
            "=geluisterd",
            "=gehoord voelen",
            "=gehoord .. gezien",
            "=serieus",
            "=genegeerd",
            "=negeer*",
            "=onderbr*",
            "=mijn kant",
            "=geen gehoor",
        ],
    },
    Rule {
        code: "goede_motivering",
        cues: &[
            "=motiver*",
            "=gemotiveerd",
            "=zonder uitleg",
            "=geen uitleg",
            "=onderbouw*",
        ],
    },
    Rule {
        code: "grondrechten",
        cues: &[
            "=privacy*",
            "=privé*",
            "=privéleven",
            "=discrimin*",
            "=racis*",
            "=etnisch*",
            "=afkomst",
            "=nationaliteit",
            "=namen hebben",
            "=huisbezoek*",
            "=in huis",
            "=camera*",
            "=gevolgd",
            "=buren",
            "=facebook*",
            "=sociale media",
            "=postten",
            "=gepost",
            "=onrechtmatig*",
            "=gelijke behandeling",
            "=woning",
        ],
    },
    Rule {
        code: "actieve_deelname",
        cues: &[
            "=vertrouwenspersoon",
            "=meenemen",
            "=mee te nemen",
            "=meedenken",
            "=meegedacht",
            "=inspraak",
            "=eigen keuze*",
            "=betrokken",
        ],
    },
    Rule {
        code: "fatsoenlijke_bejegening",
        cues: &[
            "=bejegening",
            "=bejegend",
            "=respect*",
            "=vriendelijk*",
            "=onvriendelijk*",
            "=klantvriendelijk*",
            "=onbeleefd*",
            "=beleefd*",
            "=toon",
            "=houding",
            "=intimider*",
            "=geïntimideerd",
            "=dominant",
            "=kleinerend*",
            "=neerbuig*",
            "=schreeuw*",
            "=aardig*",
            "=rotopmerking*",
            "=wijzende vinger",
            "=als een kind",
            "=weggezet als",
            "=gemangeld",
            "=begripvol*",
            "=behulpzaam*",
        ],
    },
    Rule {
        code: "fair_play",
        cues: &[
            "=onder druk",
            "=druk gezet",
            "=verdraaid",
            "=verdraaien",
            "=bezwaar .. intrekken",
            "=bezwaar .. ingetrokken",
            "=bezwaarschrift .. in te trekken",
            "=zinloos",
            "=moeilijk kan maken",
            "=vooringenomen",
            "=ontlastend*",
            "=opzij te schuiven",
            "=tegenwerk*",
            "=represailles",
            "=open kaart",
            "=eerlijk*",
            "=verklaring .. tekenen",
            "=weggelaten",
        ],
    },
    Rule {
        code: "evenredigheid",
        cues: &[
            "=terugvorder*",
            "=terugbetal*",
            "=terug te betalen",
            "=terugvraagt",
            "=boete*",
            "=sanctie*",
            "=stopgezet",
            "=gekort",
            "=korting",
            "=inleveren",
            "=onevenredig*",
            "=buiten proportie*",
            "=disproportione*",
            "=harde eisen",
            "=te koop zetten",
            "=grootscheeps",
            "=stapels documenten",
            "=afgepakt",
            "=lagere uitkering",
        ],
    },
    Rule {
        code: "bijzondere_zorg",
        cues: &[
            "=kwetsba*",
            "=dakloo*",
            "=ten einde raad",
            "=taalproble*",
            "=analfabe*",
            "=beperking*",
        ],
    },
    Rule {
        code: "maatwerk",
        cues: &[
            "=maatwerk",
            "=omstandigheden",
            "=uitzondering*",
            "=afwijken",
            "=buiten de regels",
            "=regels zijn regels",
            "=strikt*",
            "=regeltjes",
            "=naar de mens",
            "=persoonlijke situatie",
            "=mantelzorg*",
            "=arbeidsongeschikt*",
            "=technisch",
            "=menselijke maat",
            "=als een nummer",
            "=gestraft",
            "=starre",
            "=ziekte",
        ],
    },
    Rule {
        code: "samenwerking",
        cues: &[
            "=doorverwe*",
            "=doorgestuurd",
            "=doorverwijz*",
            "=kastje naar de muur",
            "=samenwerk*",
            "=samen te werken",
            "=overgedragen",
            "=draagt .. over",
            "=niet op de goede plek",
            "=andere afdeling",
            "=afdelingen",
            "=centrale loket",
        ],
    },
    Rule {
        code: "coulante_opstelling",
        cues: &[
            "=excuse*",
            "=excuus",
            "=fout .. erkend",
            "=fout .. erkent",
            "=fouten .. toegeven",
            "=alsnog",
            "=heroverwogen",
            "=rechtgezet",
            "=hersteld",
            "=coulan*",
            "=soepel*",
            "=ruimhartig*",
            "=tegemoet*",
            "=compensatie",
            "=gelijk gegeven",
            "=geeft .. gelijk",
        ],
    },
    Rule {
        code: "voortvarendheid",
        cues: &[
            "lang* .. wacht*",
            "wacht* .. lang*",
            "=wachttijd*",
            "=traag*",
            "=te laat",
            "=termijn*",
            "=nog geen",
            "=nog niets",
            "=voorschot*",
            "=snel*",
            "=onmiddellijk",
            "=vertraging*",
            "=blijft .. uit",
            "=niets gehoord",
            "=lang duren",
            "=nog steeds geen",
            "=nog altijd geen",
            "=nog steeds niet*",
            "=maanden .. wacht*",
            "=wacht* .. maanden",
            "=na .. maanden",
        ],
    },
    Rule {
        code: "de_escalatie",
        cues: &[
            "=bemiddel*",
            "=persoonlijk gesprek",
            "=gesprek aan",
            "=escal*",
            "=conflict*",
            "=rechter",
            "=dreig*",
            "=represailles",
        ],
    },
];

/// Themes that usually bring a norm with them (codebook: examples of combinations).
pub const THEME_NORMS: &[(&str, &str)] = &[
    ("niet_gehoord", "luisteren"),
    ("respectloos", "fatsoenlijke_bejegening"),
    ("privacy", "grondrechten"),
    ("onbereikbaar", "voortvarendheid"),
    ("lang_wachten", "voortvarendheid"),
    ("wisseling", "samenwerking"),
    ("regels_onduidelijk", "goede_informatieverstrekking"),
    ("geen_begrip", "maatwerk"),
];

/// English cues (answers given in the English version of a questionnaire).
pub const ENGLISH: &[Rule] = &[
    Rule {
        code: "niet_gehoord",
        cues: &[
            "-listen*",
            "=not heard",
            "=ignored",
            "=ignore*",
            "=interrupt*",
        ],
    },
    Rule {
        code: "respectloos",
        cues: &[
            "=rude*",
            "=disrespect*",
            "=like a child",
            "=shout*",
            "=yell*",
            "=arrogant*",
            "=condescend*",
            "=unfriendly",
            "=humiliat*",
            "=threat*",
        ],
    },
    Rule {
        code: "wantrouwen",
        cues: &[
            "=distrust*",
            "=mistrust*",
            "=suspect*",
            "=fraud*",
            "=criminal*",
            "=accus*",
            "=lie",
            "=lying",
        ],
    },
    Rule {
        code: "privacy",
        cues: &[
            "=privacy",
            "=private",
            "=neighbour*",
            "=neighbor*",
            "=home visit*",
            "=camera*",
            "=bank statement*",
        ],
    },
    Rule {
        code: "onbereikbaar",
        cues: &[
            "=call* .. back",
            "=never answer*",
            "=no answer",
            "=no reply",
            "=no response",
            "=unreachable",
            "-reach*",
            "=on hold",
        ],
    },
    Rule {
        code: "lang_wachten",
        cues: &[
            "=wait*",
            "=months",
            "=weeks",
            "=slow*",
            "=delay*",
            "=still no",
            "=too long",
        ],
    },
    Rule {
        code: "wisseling",
        cues: &[
            "=different person",
            "=another person",
            "=someone else",
            "=again and again",
            "=referred",
            "=sent from",
        ],
    },
    Rule {
        code: "brieven",
        cues: &["=letter*", "=form* .. difficult", "=confusing letter*"],
    },
    Rule {
        code: "niet_geholpen",
        cues: &[
            "-help*",
            "=no help",
            "=nobody helped",
            "=refused",
            "=rejected",
            "=turned away",
            "=nothing was done",
        ],
    },
    Rule {
        code: "geen_begrip",
        cues: &[
            "-understand*",
            "=no empathy",
            "=my situation",
            "=just a number",
            "=sick*",
            "=ill",
        ],
    },
    Rule {
        code: "positief",
        cues: &[
            "+friendly",
            "+kind",
            "+helpful",
            "+satisfied",
            "+happy",
            "+good",
            "+great",
            "+thank*",
            "+nice",
            "+well helped",
        ],
    },
    Rule {
        code: "regels_onduidelijk",
        cues: &[
            "=unclear",
            "=confus*",
            "=don't know",
            "=do not know",
            "=no information",
            "=wrong information",
            "=rules",
            "=complicated",
        ],
    },
];

/// The language of a text as far as suggestions go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    /// One of the UI languages: nl, en, ar, tr, pl, uk.
    Known(&'static str),
    /// Not recognised (too short, or another language).
    Unknown,
}

impl Language {
    /// The language code, or `?`.
    pub fn code(self) -> &'static str {
        match self {
            Language::Known(c) => c,
            Language::Unknown => "?",
        }
    }
}

/// The language a text is written in, among the six languages of the platform. Arabic and
/// Cyrillic script are told by their letters; for Latin script whatlang's trigrams decide between
/// Dutch, English, Turkish and Polish, and a text too short to tell counts as Dutch.
pub fn detect_language(text: &str) -> Language {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    if letters == 0 {
        return Language::Unknown;
    }
    let arabic = text
        .chars()
        .filter(|c| ('\u{0600}'..='\u{06FF}').contains(c))
        .count();
    let cyrillic = text
        .chars()
        .filter(|c| ('\u{0400}'..='\u{04FF}').contains(c))
        .count();
    if arabic * 2 > letters {
        return Language::Known("ar");
    }
    if cyrillic * 2 > letters {
        return Language::Known("uk");
    }
    use whatlang::{Detector, Lang};
    let detector = Detector::with_allowlist(vec![Lang::Nld, Lang::Eng, Lang::Tur, Lang::Pol]);
    match detector.detect(text) {
        Some(info) if info.is_reliable() => match info.lang() {
            Lang::Eng => Language::Known("en"),
            Lang::Tur => Language::Known("tr"),
            Lang::Pol => Language::Known("pl"),
            _ => Language::Known("nl"),
        },
        _ => Language::Known("nl"),
    }
}

/// What a cue asks of negations and wishes around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// Counts when not negated (the default).
    Affirmed,
    /// `+`: counts when neither negated nor in a wish ("graag wat vriendelijker").
    Positive,
    /// `-`: counts only when negated or in a wish ("luistert niet", "beter luisteren").
    NegatedOrWish,
    /// `=`: counts always.
    Any,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Term {
    /// A stem, or with `prefix` the start of a word as typed.
    text: String,
    prefix: bool,
    /// How many words may stand between the previous term and this one.
    gap: usize,
}

/// A cue, parsed: `[+|-|=]term term .. term`, where a term is a word (matched on its stem, also as
/// the last part of a compound) or a word start ending in `*`, and `..` allows up to four words in
/// between.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    /// The cue as written.
    pub cue: String,
    /// Negation and wish.
    pub need: Need,
    terms: Vec<Term>,
}

/// Words that make a cue near them negated.
const NEGATORS: &[&str] = &[
    "niet",
    "geen",
    "nooit",
    "niemand",
    "niets",
    "niks",
    "nergens",
    "zonder",
    "onvoldoende",
    "nauwelijks",
    "amper",
    "weinig",
    "gebrek",
    "ontbreekt",
    "ontbrak",
    "slecht",
    "slechte",
    "tevergeefs",
    "allerminst",
    "moeilijk",
    "mist",
    "missen",
    "miste",
    "ontberen",
    "not",
    "no",
    "never",
    "nobody",
    "nothing",
    "without",
    "don't",
    "didn't",
    "doesn't",
    "won't",
    "couldn't",
    "can't",
    "hardly",
    "poorly",
];

/// Words that make the part of a sentence a wish.
const WISHES: &[&str] = &[
    "graag", "zou", "zouden", "wens", "wens", "wensen", "hoop", "hoopte", "liever", "meer",
    "beter", "mag", "mogen", "should", "wish", "hope", "would", "more", "better",
];

/// Words that end a part of a sentence.
const CLAUSE_WORDS: &[&str] = &["maar", "terwijl", "echter", "but", "whereas", "although"];

/// Prefixes that make a new word rather than a compound ("verwachten" is not a kind of "wachten").
const NOT_A_MODIFIER: &[&str] = &[
    "door", "over", "voor", "mee", "terug", "onder", "tegen", "achter", "samen", "weg", "toe",
    "uit", "aan", "open", "vast", "verder", "omver",
];

const GAP: usize = 4;

/// A word of the text.
#[derive(Debug, Clone)]
struct Token {
    start: usize,
    end: usize,
    word: String,
    /// The stem and its variants (without a verb's t/d, without a participle's ge-), and the stems
    /// of the last parts of a compound.
    forms: Vec<String>,
    clause: usize,
}

/// A stemmer for one language.
pub struct Stems {
    stemmer: Option<Stemmer>,
    dutch: bool,
}

impl Stems {
    /// For a language code; languages without a Snowball stemmer here keep words as they are.
    pub fn new(lang: &str) -> Stems {
        let algorithm = match lang {
            "nl" => Some(Algorithm::Dutch),
            "en" => Some(Algorithm::English),
            "tr" => Some(Algorithm::Turkish),
            "ar" => Some(Algorithm::Arabic),
            _ => None,
        };
        Stems {
            stemmer: algorithm.map(Stemmer::create),
            dutch: lang == "nl",
        }
    }

    /// The stem of one lower-case word.
    pub fn stem(&self, word: &str) -> String {
        match &self.stemmer {
            Some(s) => s.stem(word).into_owned(),
            None => word.to_string(),
        }
    }

    /// The stem with the variants a cue may match.
    fn forms(&self, word: &str) -> Vec<String> {
        let mut out = vec![];
        let mut add = |s: String| {
            if !out.contains(&s) {
                out.push(s);
            }
        };
        let stem = self.stem(word);
        add(stem.clone());
        add(word.to_string());
        if self.dutch {
            let mut bases = vec![stem.clone()];
            if stem.chars().count() > 4 && (stem.ends_with('t') || stem.ends_with('d')) {
                let cut = &stem[..stem.len() - 1];
                bases.push(cut.to_string());
            }
            for b in bases.clone() {
                if let Some(rest) = b.strip_prefix("ge") {
                    if rest.chars().count() >= 4 {
                        bases.push(rest.to_string());
                    }
                }
            }
            for b in bases {
                add(b);
            }
            // The last part of a compound: a modifier of at least four letters, not a particle.
            let chars: Vec<(usize, char)> = word.char_indices().collect();
            for (k, (at, _)) in chars.iter().enumerate() {
                if k < 4 || chars.len() - k < 4 {
                    continue;
                }
                let modifier = &word[..*at];
                if NOT_A_MODIFIER.contains(&modifier) {
                    continue;
                }
                let head = &word[*at..];
                add(self.stem(head));
            }
        }
        out
    }
}

impl Pattern {
    /// Reads a cue; `None` for an empty one.
    pub fn parse(cue: &str, stems: &Stems) -> Option<Pattern> {
        let cue = cue.trim().to_lowercase();
        let (need, rest) = match cue.chars().next()? {
            '+' => (Need::Positive, &cue[1..]),
            '-' => (Need::NegatedOrWish, &cue[1..]),
            '=' => (Need::Any, &cue[1..]),
            _ => (Need::Affirmed, &cue[..]),
        };
        let mut terms = vec![];
        let mut gap = 0;
        for part in rest.split_whitespace() {
            if part == ".." || part == "…" {
                gap = GAP;
                continue;
            }
            let word: String = part
                .chars()
                .filter(|c| c.is_alphanumeric() || *c == '*' || *c == '\'')
                .collect();
            if word.is_empty() || word == "*" {
                continue;
            }
            let term = match word.strip_suffix('*') {
                Some(start) => Term {
                    text: start.to_string(),
                    prefix: true,
                    gap,
                },
                None => Term {
                    text: stems.stem(&word),
                    prefix: false,
                    gap,
                },
            };
            terms.push(term);
            gap = 0;
        }
        if terms.is_empty() {
            return None;
        }
        // A cue that names its own negation needs none around it.
        let need =
            if rest.split_whitespace().any(|w| NEGATORS.contains(&w)) && need != Need::Positive {
                Need::Any
            } else {
                need
            };
        Some(Pattern {
            cue: cue.to_string(),
            need,
            terms,
        })
    }
}

fn term_matches(term: &Term, token: &Token) -> bool {
    if term.prefix {
        token.word.starts_with(&term.text)
    } else {
        token.forms.contains(&term.text)
    }
}

/// The words of a text with their stems and parts of sentences.
struct Text {
    tokens: Vec<Token>,
}

impl Text {
    fn of(text: &str, stems: &Stems) -> Text {
        let mut tokens = vec![];
        let mut clause = 0;
        let mut start: Option<usize> = None;
        let push = |tokens: &mut Vec<Token>, clause: &mut usize, s: usize, e: usize| {
            let word = text[s..e].to_lowercase();
            if CLAUSE_WORDS.contains(&word.as_str()) {
                *clause += 1;
            }
            let forms = stems.forms(&word);
            tokens.push(Token {
                start: s,
                end: e,
                word,
                forms,
                clause: *clause,
            });
        };
        for (i, c) in text.char_indices() {
            let in_word = c.is_alphanumeric() || (c == '\'' && start.is_some());
            match (in_word, start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    push(&mut tokens, &mut clause, s, i);
                    start = None;
                }
                _ => {}
            }
            if !in_word && matches!(c, '.' | '!' | '?' | ';' | ':' | ',' | '(' | ')' | '\n') {
                clause += 1;
            }
        }
        if let Some(s) = start {
            push(&mut tokens, &mut clause, s, text.len());
        }
        Text { tokens }
    }

    /// Every place a pattern matches, as token ranges.
    fn find(&self, p: &Pattern) -> Vec<(usize, usize)> {
        let mut out = vec![];
        for first in 0..self.tokens.len() {
            if !term_matches(&p.terms[0], &self.tokens[first]) {
                continue;
            }
            if let Some(last) = self.rest(p, 1, first) {
                if self.need_met(p.need, first, last) {
                    out.push((first, last));
                }
            }
        }
        out
    }

    fn rest(&self, p: &Pattern, term: usize, at: usize) -> Option<usize> {
        let Some(t) = p.terms.get(term) else {
            return Some(at);
        };
        let clause = self.tokens[at].clause;
        for next in at + 1..=(at + 1 + t.gap).min(self.tokens.len().saturating_sub(1)) {
            if self.tokens[next].clause != clause && t.gap > 0 {
                break;
            }
            if term_matches(t, &self.tokens[next]) {
                if let Some(end) = self.rest(p, term + 1, next) {
                    return Some(end);
                }
            }
        }
        None
    }

    fn negated(&self, first: usize, last: usize) -> bool {
        let clause = self.tokens[first].clause;
        let from = first.saturating_sub(4);
        let to = (last + 2).min(self.tokens.len().saturating_sub(1));
        (from..=to)
            .map(|i| &self.tokens[i])
            .filter(|t| t.clause == clause)
            .any(|t| NEGATORS.contains(&t.word.as_str()))
    }

    fn wish(&self, first: usize) -> bool {
        let clause = self.tokens[first].clause;
        self.tokens
            .iter()
            .filter(|t| t.clause == clause)
            .any(|t| WISHES.contains(&t.word.as_str()))
    }

    fn need_met(&self, need: Need, first: usize, last: usize) -> bool {
        match need {
            Need::Any => true,
            Need::Affirmed => !self.negated(first, last),
            Need::Positive => !self.negated(first, last) && !self.wish(first),
            Need::NegatedOrWish => self.negated(first, last) || self.wish(first),
        }
    }
}

/// Why a code was suggested.
#[derive(Debug, Clone, PartialEq)]
pub enum Via {
    /// Cues matched in the text.
    Cues,
    /// A theme suggested for this text brings this norm.
    Theme(String),
    /// The model learned from the researcher's codes; the probability it gives.
    Model(f64),
}

/// A suggested code with its reason.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    /// Code.
    pub code: String,
    /// Byte ranges of the words in the text that triggered it.
    pub spans: Vec<(usize, usize)>,
    /// The cues that matched (or the model's strongest words).
    pub cues: Vec<String>,
    /// How it came about.
    pub via: Via,
}

/// The suggestions for one text.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestions {
    /// The language the text was read in.
    pub language: Language,
    /// Whether the program has cues in that language (if not: no suggestions, said so).
    pub supported: bool,
    /// The suggestions, codebook order.
    pub items: Vec<Suggestion>,
}

impl Suggestions {
    /// The suggested codes.
    pub fn codes(&self) -> BTreeSet<String> {
        self.items.iter().map(|s| s.code.clone()).collect()
    }

    /// Every triggering span, merged and in order, for highlighting.
    pub fn spans(&self) -> Vec<(usize, usize)> {
        let mut all: Vec<(usize, usize)> = self
            .items
            .iter()
            .flat_map(|s| s.spans.iter().copied())
            .collect();
        all.sort();
        let mut out: Vec<(usize, usize)> = vec![];
        for (s, e) in all {
            match out.last_mut() {
                Some(last) if s <= last.1 => last.1 = last.1.max(e),
                _ => out.push((s, e)),
            }
        }
        out
    }
}

/// Suggests codes: the built-in cues of the codes in the book, the researcher's own cues, and the
/// norms that themes bring.
pub struct Suggester {
    /// Language → (code, patterns).
    rules: BTreeMap<&'static str, Vec<(String, Vec<Pattern>)>>,
    stems: BTreeMap<&'static str, Stems>,
    theme_norms: Vec<(String, String)>,
    order: Vec<String>,
}

/// The languages with cues.
pub const SUPPORTED: [&str; 2] = ["nl", "en"];

impl Suggester {
    /// For a codebook: (code, the researcher's own cues) of every active code. Built-in cues are
    /// used for the built-in codes in it.
    pub fn new(book: &[(String, Vec<String>)]) -> Suggester {
        let mut rules = BTreeMap::new();
        let mut stems = BTreeMap::new();
        for (lang, built_in) in [("nl", DUTCH), ("en", ENGLISH)] {
            let s = Stems::new(lang);
            let mut list = vec![];
            for (code, own) in book {
                let mut patterns: Vec<Pattern> = built_in
                    .iter()
                    .filter(|r| r.code == code)
                    .flat_map(|r| r.cues.iter())
                    .filter_map(|c| Pattern::parse(c, &s))
                    .collect();
                if lang == "nl" {
                    patterns.extend(own.iter().filter_map(|c| Pattern::parse(c, &s)));
                }
                list.push((code.clone(), patterns));
            }
            rules.insert(lang, list);
            stems.insert(lang, s);
        }
        let has = |c: &str| book.iter().any(|(b, _)| b == c);
        Suggester {
            rules,
            stems,
            theme_norms: THEME_NORMS
                .iter()
                .filter(|(t, n)| has(t) && has(n))
                .map(|(t, n)| (t.to_string(), n.to_string()))
                .collect(),
            order: book.iter().map(|(c, _)| c.clone()).collect(),
        }
    }

    /// The built-in themes and the codebook's norms, without cues of the researcher's own.
    pub fn built_in() -> Suggester {
        let book: Vec<(String, Vec<String>)> = THEME_CODES
            .iter()
            .chain(NORM_CODES.iter())
            .map(|c| (c.to_string(), vec![]))
            .collect();
        Suggester::new(&book)
    }

    /// The suggestions for a text.
    pub fn suggest(&self, text: &str) -> Suggestions {
        let language = detect_language(text);
        let lang = language.code();
        let (Some(rules), Some(stems)) = (self.rules.get(lang), self.stems.get(lang)) else {
            return Suggestions {
                language,
                supported: false,
                items: vec![],
            };
        };
        let words = Text::of(text, stems);
        let mut items: Vec<Suggestion> = vec![];
        for (code, patterns) in rules {
            let mut spans = vec![];
            let mut cues = vec![];
            for p in patterns {
                let found = words.find(p);
                if !found.is_empty() {
                    cues.push(p.cue.clone());
                }
                for (a, b) in found {
                    spans.push((words.tokens[a].start, words.tokens[b].end));
                }
            }
            if !spans.is_empty() {
                spans.sort();
                spans.dedup();
                items.push(Suggestion {
                    code: code.clone(),
                    spans,
                    cues,
                    via: Via::Cues,
                });
            }
        }
        for (theme, norm) in &self.theme_norms {
            if items.iter().any(|s| &s.code == norm) {
                continue;
            }
            if let Some(t) = items.iter().find(|s| &s.code == theme) {
                let spans = t.spans.clone();
                items.push(Suggestion {
                    code: norm.clone(),
                    spans,
                    cues: vec![],
                    via: Via::Theme(theme.clone()),
                });
            }
        }
        self.sort(&mut items);
        Suggestions {
            language,
            supported: true,
            items,
        }
    }

    /// Puts suggestions in codebook order.
    pub fn sort(&self, items: &mut [Suggestion]) {
        items.sort_by_key(|s| self.order.iter().position(|c| *c == s.code));
    }
}

/// The codes suggested for a text by a codebook: (code, cues) pairs, as the researcher keeps them.
pub fn suggest_with(text: &str, book: &[(String, Vec<String>)]) -> BTreeSet<String> {
    Suggester::new(book).suggest(text).codes()
}

/// Cues as the researcher types them: separated by commas.
pub fn parse_cues(typed: &str) -> Vec<String> {
    typed
        .split(',')
        .map(|c| {
            c.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        })
        .filter(|c| !c.is_empty())
        .collect()
}

/// Precision and recall from counts of agreeing (both), suggested-only and chosen-only codes.
pub fn precision_recall_counts(both: u64, suggested_only: u64, chosen_only: u64) -> (f64, f64) {
    let ratio = |a: u64, b: u64| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    (
        ratio(both, both + suggested_only),
        ratio(both, both + chosen_only),
    )
}

/// The sentence for the report's method section on how themes and norms were coded, with the
/// figures measured on the independent evaluation set (BENCHMARKS.md, "Coding suggestions").
pub fn method_text() -> String {
    format!(
        "Thema's en normen: een onderzoeker leest elk open antwoord en elke klachtomschrijving. Zij kiest zelf de codes uit het codeboek. Het programma doet voorstellen op basis van woorden en van codes die eerder gekozen zijn. Een voorstel telt pas mee als de onderzoeker het aanvinkt. Alle voorstellen worden dus door een mens gecontroleerd. We testten de voorstellen op {} echte teksten die niemand van dit project schreef. Zonder leren haalden ze een F1 van {} voor thema's en {} voor normen (een score waarbij 1 perfect is). Ze missen dus veel en zijn vaak fout: ze zijn alleen een hulp bij het lezen.",
        EVAL_TEXTS,
        format!("{EVAL_THEME_F1:.2}").replace('.', ","),
        format!("{EVAL_NORM_F1:.2}").replace('.', ",")
    )
}

/// Texts in the test half of the evaluation set (BENCHMARKS.md).
pub const EVAL_TEXTS: u32 = 100;
/// Micro F1 of theme suggestions without learning on the test half (BENCHMARKS.md).
pub const EVAL_THEME_F1: f64 = 0.43;
/// Micro F1 of norm suggestions without learning on the test half (BENCHMARKS.md).
pub const EVAL_NORM_F1: f64 = 0.43;

#[cfg(test)]
mod tests {
    use super::*;

    // Sentences written for these tests.
    fn codes(text: &str) -> BTreeSet<String> {
        Suggester::built_in().suggest(text).codes()
    }

    fn has(text: &str, code: &str) -> bool {
        codes(text).contains(code)
    }

    #[test]
    fn words_match_on_their_dutch_stem_not_on_how_they_start() {
        let s = Stems::new("nl");
        assert_eq!(s.stem("wachten"), "wacht");
        assert_eq!(s.stem("brieven"), "briev");
        // "maand" does not catch "maandag", "kind" not "kinderbijslag".
        assert!(!has("Ik kon pas op maandag langskomen.", "lang_wachten"));
        assert!(has(
            "Ik wacht al maanden, het duurt veel te lang.",
            "lang_wachten"
        ));
        assert!(!has(
            "Ik vroeg kinderbijslag aan voor mijn vrouw en kinderen.",
            "respectloos"
        ));
        assert!(has(
            "Ze sprak tegen mij alsof ik een klein kind was.",
            "respectloos"
        ));
    }

    #[test]
    fn the_last_part_of_a_compound_counts_as_a_word() {
        let s = Stems::new("nl");
        assert!(s
            .forms("klantvriendelijk")
            .contains(&"vriendelijk".to_string()));
        assert!(has("Het loket was heel klantvriendelijk.", "positief"));
        // A verb with a particle is not a compound: verwachten is not wachten.
        assert!(!s.forms("verwachten").contains(&"wacht".to_string()));
        assert!(!s.forms("terugkijken").contains(&"kijk".to_string()));
        // Participles and verb forms reach the same stem.
        assert!(s.forms("geluisterd").contains(&"luister".to_string()));
        assert!(s.forms("luistert").contains(&"luister".to_string()));
    }

    #[test]
    fn negation_near_a_cue_turns_it_around() {
        assert!(has("De consulent luisterde niet naar mij.", "niet_gehoord"));
        assert!(has("Niemand luisterde naar mijn uitleg.", "niet_gehoord"));
        assert!(!has("De medewerker luistert altijd goed.", "niet_gehoord"));
        assert!(has("De medewerker luistert altijd goed.", "positief"));
        assert!(!has("Ik was er niet tevreden over.", "positief"));
        assert!(has("Ik ben tevreden over de hulp.", "positief"));
        assert!(has("Ik werd niet geholpen aan de balie.", "niet_geholpen"));
        assert!(has("Er was geen enkele hulp.", "niet_geholpen"));
        // A negation in another part of the sentence does not count.
        assert!(has(
            "Ik had geen afspraak, maar de medewerker was vriendelijk.",
            "positief"
        ));
    }

    #[test]
    fn a_wish_is_not_praise() {
        assert!(!has(
            "Wat vriendelijker en meer begrip tonen zou fijn zijn.",
            "positief"
        ));
        assert!(has(
            "Wat vriendelijker en meer begrip tonen zou fijn zijn.",
            "geen_begrip"
        ));
        assert!(!has(
            "Ik zou graag vriendelijk behandeld worden.",
            "positief"
        ));
        assert!(has("Ze zouden beter moeten luisteren.", "niet_gehoord"));
    }

    #[test]
    fn ambiguous_words_keep_to_their_sense() {
        // Praise that names a situation is not a lack of understanding.
        assert!(!has(
            "Er wordt goed rekening gehouden met je situatie.",
            "geen_begrip"
        ));
        assert!(has(
            "Er werd geen rekening gehouden met mijn situatie.",
            "geen_begrip"
        ));
        // "lange ondervragingen" is not a long wait.
        assert!(!has("Er volgden lange ondervragingen.", "lang_wachten"));
        assert!(has("Er volgden lange ondervragingen.", "wantrouwen"));
        // A letter named only as a means is not about letters.
        assert!(!has(
            "Ik kreeg een brief dat de uitkering doorgaat.",
            "brieven"
        ));
        assert!(has("De toon van de brief was dreigend.", "brieven"));
    }

    #[test]
    fn phrases_may_have_gaps() {
        let s = Stems::new("nl");
        let p = Pattern::parse("als .. kind", &s).unwrap();
        let t = Text::of("Ze behandelde mij als een klein kind.", &s);
        assert_eq!(t.find(&p).len(), 1);
        let t = Text::of("Als ik bel, pakt niemand op. Mijn kind wacht.", &s);
        assert!(t.find(&p).is_empty(), "a gap does not cross a sentence");
        assert!(has(
            "Ik werd van het kastje naar de muur gestuurd.",
            "wisseling"
        ));
    }

    #[test]
    fn unclear_rules_have_a_theme_and_norms_come_with_themes() {
        assert!(has(
            "Ik snap niet waar ik recht op heb, de regels zijn onduidelijk.",
            "regels_onduidelijk"
        ));
        let c = codes("Ik wacht al drie maanden op een besluit.");
        assert!(
            c.contains("lang_wachten") && c.contains("voortvarendheid"),
            "{c:?}"
        );
        let c = codes("Ze keken bij het huisbezoek in mijn kasten.");
        assert!(c.contains("privacy") && c.contains("grondrechten"), "{c:?}");
    }

    #[test]
    fn every_suggestion_says_which_words_triggered_it() {
        // (A negation reaches over "en": "luisterde niet en was onbeleefd" would lose the second
        // cue; see the report.)
        let text = "De consulent luisterde niet. Hij was onbeleefd.";
        let s = Suggester::built_in().suggest(text);
        let heard = s.items.iter().find(|i| i.code == "niet_gehoord").unwrap();
        let words: Vec<&str> = heard.spans.iter().map(|(a, b)| &text[*a..*b]).collect();
        assert_eq!(words, ["luisterde"]);
        let rude = s.items.iter().find(|i| i.code == "respectloos").unwrap();
        assert_eq!(&text[rude.spans[0].0..rude.spans[0].1], "onbeleefd");
        assert!(!s.spans().is_empty());
        let norm = s.items.iter().find(|i| i.code == "luisteren").unwrap();
        assert!(matches!(norm.via, Via::Cues | Via::Theme(_)));
    }

    #[test]
    fn other_languages_get_their_own_cues_or_none() {
        let s = Suggester::built_in();
        let en = s.suggest("Nobody called me back and the staff were rude to me.");
        assert_eq!(en.language, Language::Known("en"));
        assert!(en.supported);
        assert!(en.codes().contains("onbereikbaar") && en.codes().contains("respectloos"));
        let ar = s.suggest("لم يتصل بي أحد ولم يساعدني الموظف");
        assert_eq!(ar.language, Language::Known("ar"));
        assert!(!ar.supported && ar.items.is_empty());
        let uk = s.suggest("Ніхто мені не передзвонив, і працівник був грубим.");
        assert_eq!(uk.language, Language::Known("uk"));
        assert!(!uk.supported);
        let tr = s.suggest("Kimse beni geri aramadı ve çalışan bana çok kaba davrandı.");
        assert_eq!(tr.language, Language::Known("tr"));
        assert!(!tr.supported);
        let pl = s.suggest("Nikt do mnie nie oddzwonił, a pracownik był bardzo niegrzeczny.");
        assert_eq!(pl.language, Language::Known("pl"));
        assert!(!pl.supported);
        assert_eq!(
            s.suggest("Ik werd goed geholpen door mijn consulent.")
                .language,
            Language::Known("nl")
        );
    }

    #[test]
    fn the_researchers_own_cues_suggest_her_theme() {
        let added = vec![(
            "vervoer".to_string(),
            parse_cues(" Bus ,reiskosten, ov-kaart"),
        )];
        assert_eq!(added[0].1, ["bus", "reiskosten", "ov-kaart"]);
        assert!(
            suggest_with("De reiskosten voor de bus werden niet vergoed.", &added)
                .contains("vervoer")
        );
        assert!(suggest_with("Niets over vervoer.", &added).is_empty());
        // Only the codes in the book are suggested.
        assert!(suggest_with("Ik wacht al maanden.", &added).is_empty());
        assert_eq!(precision_recall_counts(3, 1, 2), (0.75, 0.6));
        assert_eq!(precision_recall_counts(0, 0, 0), (0.0, 0.0));
    }

    #[test]
    fn the_method_text_says_a_person_checks_and_gives_the_measured_figures() {
        let m = method_text();
        assert!(m.contains("door een mens gecontroleerd"), "{m}");
        assert!(m.contains("F1 van 0,43 voor thema's"), "{m}");
    }

    #[test]
    fn a_text_can_get_several_codes_and_none() {
        let s = codes("Al weken wacht ik op antwoord op mijn mail, niemand belt terug.");
        assert!(
            s.contains("lang_wachten") && s.contains("onbereikbaar"),
            "{s:?}"
        );
        assert!(codes("Geen opmerkingen.").is_empty());
    }
}
