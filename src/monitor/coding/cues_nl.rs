//! Dutch cues of the built-in themes.

use super::Rule;

/// Dutch cues of the built-in codes. Written from the codebook's descriptions and tuned on the
/// tuning half of the evaluation set only (see BENCHMARKS.md).
pub const DUTCH_THEMES: &[Rule] = &[
    Rule {
        code: "niet_gehoord",
        cues: "-luister, -gehoor, -serieus .. genom, -serieus, =niet .. serieus, =geen gehoor, \
               =mijn kant, =besloten voordat, negeer*, genegeerd, =onderbr*, =doof*, \
               =zijn verhaal niet, =haar verhaal niet, =mijn verhaal niet, =ontlastend*, \
               =vooringenomen, -gezien .. gehoord, =niet gehoord, =voel* .. niet gehoord, \
               =in de rede, =uitpraten, =uitspreken, =onderbrak, =onderbroken, =geen ruimte, \
               =tegen een muur, =dovemansoren, =weggewuifd, =wuifde, =van tafel geveegd, \
               =terzijde geschoven, =niets mee gedaan .. uitleg, =uitleg .. genegeerd, \
               =bleef .. beweren, =het tegendeel, =niet geloofd, =geloofde .. niet, \
               =geloven .. niet, -serieus genomen, =afgekapt, =nergens gehoor",
    },
    Rule {
        code: "respectloos",
        cues: "=respectlo*, -respect, =als .. kind .. behandel*, =alsof .. kind, =als een kind, \
               neerbuig*, uitgelach*, schreeuw*, grof, onbeschof*, onbeleefd*, arrogant*, bot, \
               botte, intimider*, geïntimideerd, geintimideerd, dominant, =rotopmerking*, \
               onvriendelijk*, kortaf, minachting, betutte*, kleinerend*, =de les gelezen, \
               =wijzende vinger, =afwerende, =onheus*, =dreig*, =bedreig*, =uitgescholden, \
               =vernedere*, =vernederd, =denigrer*, =minachtend*, =brutaal, =lachte .. uit, \
               =afgeblaft, =snauw*, =afgesnauwd, =beledig*, =hatelijk*, =sarcastisch*, =cynisch*, \
               =schoffer*, =geschoffeerd, =onfatsoenlijk*, =lomp*, =agressie*, =agressief, \
               =als oud vuil, =als .. dom, =dom .. behandel*, =uitlach*, =uitgelachen, \
               =met de nek, =lef, =toon .. onvriendelijk*, =onbehoorlijk*",
    },
    Rule {
        code: "wantrouwen",
        cues: "=wantrouw*, =verdacht*, =verdenking*, =beschuldig*, =fraud*, =crimineel, \
               =criminelen, =verhoor*, =kruisverhoor*, =ondervraging*, =ondervraagd, =recherche*, \
               =rechercheur*, =controle*, =controleer*, =controleren, =gecontroleerd, -vertrouwd, \
               =niet vertrouwd, =leugen*, =gelogen, =liegen, =bewijzen dat, =moet bewijzen, \
               =bewijsstuk*, =onschuld*, =weggezet als, =gemangeld, =huisbezoek*, =onderzoek naar, \
               =postten, =gepost, =misbruik, =waterverbruik, =heimelijk*, =argwaan*, \
               =achterdocht*, =als .. dief, =als .. verdachte, =schuldig .. gevoeld, \
               =verantwoorden, =verdedigen, =sociale recherche, =handhav* .. fraude, \
               =fraudeonderzoek*, =bankafschrift*, =kassabon*, =aangifte, =aangegeven .. fraude, \
               =als .. crimineel",
    },
    Rule {
        code: "privacy",
        cues: "=privacy*, =privé*, =prive*, =huisbezoek*, =in huis, =binnengekomen, \
               =binnen gekomen, =kast*, =camera*, =gefilmd, =gevolgd, =achtervolg*, =buren, \
               =facebook*, =sociale media, =waterverbruik, =hardop, =iedereen kon, =meeluister*, \
               =opgenomen .. gesprek, =persoonsgegevens, =postten, =gepost, =foto*, \
               =woning .. gepost, =voor de deur, =slaapkamer*, =tandenborstel*, =woonsituatie, \
               =privéleven, =prive leven, =bespied*, =geobserveerd, =observatie*, =geschaduwd, \
               =meegekeken, =meekijk*, =snuffel*, =in mijn huis, =in huis gekomen, \
               =binnengevallen, =inval, =persoonlijke gegevens, =gegevens .. gedeeld, \
               =medische gegevens, =iedereen .. horen, =afgeluisterd, =bankgegevens",
    },
    Rule {
        code: "onbereikbaar",
        cues: "=onbereikba*, -bereikba*, -bereik*, =niet bereik*, =terugbel*, =teruggebeld, \
               =terug gebeld, =terug te bellen, =terug belt, -belt .. terug, -belde .. terug, \
               =terugbelverzoek*, =opgehang*, =niet opgenom*, =neemt .. niet op, =in de wacht, \
               =wachtrij*, =niet beantwoord, =nooit beantwoord, =geen antwoord, =geen reactie, \
               =niets gehoord, =niets meer gehoord, =hoort .. niets, =nooit .. gehoord, \
               =niet .. gereageerd, =reageert .. niet, =reageerde .. niet, =niet .. reageren, \
               =contact .. lukte, =kwam niet tot stand, =loket, =balie .. dicht, =geen balie, \
               =voicemail*, =niemand .. te pakken, =niemand .. bereik*, =niemand .. antwoord, \
               =telefonisch .. niet, =slecht bereikbaar, =moeilijk bereikbaar, =niet te bereiken, \
               =niemand .. spreken, =niemand aan de lijn, =geen contact, \
               =contact .. niet mogelijk, =onbeantwoord, =niet teruggebeld, =niet terug, \
               =telefoon .. niet, =niet .. opgenomen, =hoor .. niets, =niets .. gehoord, \
               =geen gehoor .. telefoon, =loket .. gesloten, =balie .. gesloten, =ver weg, \
               =niet meer langs, =niet langs .. kunnen, =mail* .. geen antwoord, =herinnering*",
    },
    Rule {
        code: "lang_wachten",
        cues: "lang* .. wacht*, wacht* .. lang*, =wachttijd*, =wachtlijst*, traag*, =traagheid, \
               =te laat, =maanden later, =weken later, =jaar later, =nog steeds niet*, \
               =nog steeds geen, =nog niets, =nog geen, =blijft .. uit, =bleef .. liggen, \
               =laat .. liggen, =lang duren, =lang geduurd, =duurde .. lang, =duurt .. lang, \
               =termijn*, =vertraging*, =voorschot*, =wacht u maar, =al weken, =al maanden, \
               =wacht al, =in de wacht, =maanden .. wacht*, =wacht* .. maanden, \
               =maanden later nog, =na .. maanden, =eindeloos, =maandenlang, =wekenlang, \
               =jarenlang, =half jaar, =anderhalf jaar, =jaren .. wacht*, =weken .. wacht*, \
               =achterstand*, =uitgesteld, =uitstel, =beslistermijn, =ingebrekestelling, \
               =dwangsom, =pas na, =pas .. later, =nog steeds niets, =lang op zich, =lang geleden, \
               =duurde .. maanden, =duurt .. maanden, =sleept, =laat .. op zich wachten, \
               =blijft .. liggen, =lag .. stil, =stil .. gelegen",
    },
    Rule {
        code: "wisseling",
        cues: "=wissel*, =andere contactpersoon, =nieuwe contactpersoon, \
               =geen vaste contactpersoon, =vaste contactpersoon, =steeds opnieuw, \
               =telkens opnieuw, =opnieuw vertellen, =verhaal .. opnieuw, =weer iemand anders, \
               =steeds iemand anders, =meerdere malen vertellen, =verschillende mensen, \
               =verschillende medewerkers, =doorverwezen, =doorgestuurd, \
               =van het kastje naar de muur, =kastje naar de muur, =telkens .. doorverwezen, \
               =steeds .. andere, =telkens .. andere, =elke keer .. andere, \
               =iedere keer .. andere, =weer .. nieuwe, =nieuwe consulent, =nieuwe klantmanager, \
               =andere consulent, =andere klantmanager, =wisselend*, =vast aanspreekpunt, \
               =aanspreekpunt, =opnieuw .. verhaal, =van loket naar loket, \
               =van het ene .. naar het andere, =pingpong*, =weer opnieuw .. uitleggen, \
               =opnieuw .. uitleggen",
    },
    Rule {
        code: "brieven",
        cues: "=brie* .. toon, =toon .. brie*, =dreigbrie*, =dreigende brie*, \
               =brie* .. onduidelijk*, =brie* .. dreig*, =brie* .. ambtelijk*, =ambtelijk*, \
               =brie* .. fout*, =onbegrijpelijk*, =moeilijk te begrijpen, =brie* .. binnenkomen, \
               =brief op de mat, =post op de mat, =slordige oproep, =gesommeerd, \
               =schriftelijk .. gesommeerd, =beschikking .. onduidelijk*, \
               =formulier* .. ingewikkeld, =ingewikkeld* .. formulier*, =brie* .. kil, \
               =brie* .. empathie, =uitkeringsspecificatie, =specificatie, =kortaf .. brie*, \
               =standaardbrie*, =brie* .. bedreig*, =brie* .. streng*, =brie* .. beschuldig*, \
               =brie* .. begrijp*, =brie* .. ingewikkeld*, =brie* .. moeilijk*, \
               =brie* .. juridisch*, =brie* .. onbegrijpelijk*, =brie* .. vervelend*, \
               =brie* .. taal, =taal .. brie*, =onduidelijk* .. brie*, =onbegrijpelijk* .. brie*, \
               =vervelend* .. brie*, =dreigend* .. brie*, =kille .. brie*, =juridische taal, \
               =ambtelijke taal, =moeilijke taal, =moeilijke woorden, =taalgebruik, =jargon, \
               =vakjargon, =kleine lettertjes, =wetsartikel*, =aanmaning*, =beschikking .. fout*, \
               =beschikking .. begrijp*, =formulier* .. moeilijk*, =formulier* .. onduidelijk*, \
               =mail* .. toon, =toon .. mail*, =brieven die binnenkomen, =brieven .. binnenkomen, \
               =envelop*",
    },
    Rule {
        code: "niet_geholpen",
        cues: "-geholp*, -help*, -hulp, =geen hulp, =gebrek aan hulp, =niet .. geholpen, \
               =niet .. helpen, =niemand .. hielp, =niemand .. helpen, =aan .. lot overgelaten, \
               =aan mijn lot, =van het kastje, =kastje naar de muur, =niks gedaan, =niets gedaan, \
               =niets mee gedaan, =gebeurt .. niets, =gebeurt .. niet veel, =gebeurde niets, \
               =leverde .. niets op, =afgewezen, =afwijzing*, =geweigerd, =weigert, =weigerde, \
               =beëindigd, =beeindig*, =stopt, =gestopt, =weggestuurd, =ga maar naar huis, \
               =tevergeefs, =niet verder, =niet uitbetaald, =geen oplossing, =geen recht, \
               =geen inkomen, =geen zin, =gaf het op, =dan maar niet, =alles zelf, \
               =zelf moeten uitzoeken, =op eigen kracht, =ten einde raad, =wanhopig, =in de steek, \
               =in de kou, =afgescheept, =afgewimpeld, =wimpel*, =vergeefs, =radeloos, \
               =niet opgelost, =geen uitkering, =kon niets, =kunnen niets, =niets voor .. doen, \
               =niet in aanmerking, =komt niet in aanmerking, =zoek het .. zelf, \
               =zelf .. uitzoeken, =zelf maar, =er gebeurt niets, =er gebeurde niets, \
               =niets meer gebeurd, =geen steun, =hulp .. gestopt, =hulp .. stopte, \
               =uitkering .. beëindigd, =afwijz*",
    },
    Rule {
        code: "geen_begrip",
        cues: "-begrip, =onbegrip, -empathie, =geen empathie, =inlevingsvermogen, \
               =geen rekening .. situatie, =geen rekening .. omstandigheden, =niet .. rekening, \
               =niet .. gekeken naar, =situatie .. niet, =geen oog, =geen besef, =als een nummer, \
               =strikt*, =regeltjes, =regels zijn regels, =onmenselijk*, =menselijke maat, \
               =maatwerk, =gestraft, =straf, =mantelzorg*, =arbeidsongeschikt*, \
               =gezondheidssituatie, =harde eisen, =technisch, =onpersoonlijk*, =niet te doen, \
               =kan het ze niet, =ontberen, =starre, =ziekte, =ziek, =empathieloos, =kil, =koud, \
               =harteloos, =geen rekening, =persoonlijke situatie, =omstandigheden, =star, \
               =starre, =protocol*, =computer zegt nee, =een nummer, =oneerlijk*, \
               =onrechtvaardig*, =onredelijk*, =onmogelijk*, =gehandicapt*, =chronisch*, \
               =psychisch*, =depressi*, =gezondheid*, =geen oog voor, =niet .. begrepen, \
               =onbegrepen, =ongevoelig*",
    },
    Rule {
        code: "positief",
        cues: "+vriendelijk*, +klantvriendelijk*, +tevreden, +klanttevredenheid, +goed geholpen, \
               +goed .. geholpen, +fijn*, +prettig*, +keurig*, +behulpzaam*, +aardig*, \
               +begripvol*, +hartstikke, +gelukkig, +dankzij, +dank*, +bedankt, +excuses .. aan, \
               +biedt .. excuses, +gaat heel goed, +gaat goed, +gaat .. goed, +voelt .. goed, \
               +goed geregeld, +snel geregeld, +hoog gewaardeerd, +gewaardeerd, \
               +duidelijk uitgelegd, +meegedacht, +meedenken, +tijd genomen, +tijd nam, \
               +luistert .. goed, +goed .. luister*, +naar de mens, +super, +top, +fantastisch, \
               +uitstekend*, +correct, +netjes geholpen, +blij, +heel goed, +erg goed, +prima, \
               +perfect*, +geweldig*, +attent*, +zorgzaam*, +respectvol*, +serieus genomen, \
               +opgelost, +dankbaar*, +waardering, +waardeer*, +complimenten, +compliment, +fijne, \
               +vlot, +snel geholpen, +goed .. gehoord, +echt .. geholpen, +tevredenheid, \
               +geholpen .. goed",
    },
    Rule {
        code: "regels_onduidelijk",
        cues: "=onduidelijk*, =duidelijkheid, -duidelijk*, =onbegrijpelijk*, -begrijp*, -snap*, \
               =snapt .. niet, =geen idee, =geen flauw idee, =aan toe, =weet niet, =wist niet, \
               =weten niet, =niet wist, =niet weet, =niet .. informeren, =geïnformeerd, \
               =geinformeerd, =niet op de hoogte, =niet .. gewezen, =niet aan .. waar, \
               =tegenstrijdig*, =verschillende antwoorden, =ingewikkeld*, =doolhof, =vindbaar, \
               =verkeerde informatie, =verkeerd geïnformeerd, =foute informatie, =verzekerd dat, \
               =verwarrend*, =vaag, =niets over, =niet vermeld, =openheid, =antwoord .. vragen, \
               =handleiding*, -informatie, =geen informatie, =onvoldoende informatie, -uitleg, \
               =geen uitleg, =waar .. recht op, -op de hoogte, =onzeker*, =onbekend*, \
               =niet bekend, =onjuiste informatie, =onjuist*, =verkeerd* .. advies, \
               =verkeerd* .. informatie, =ander antwoord, =andere antwoorden, =complex*, =wirwar, \
               =niet uitgelegd, =niet .. verteld, =niemand .. vertellen, =niemand kon .. zeggen, \
               =voor het eerst, =wees .. niet, =recht op, =regelgeving, =voorwaarden, =navragen, \
               =opzoeken, =uitzoeken, =kennen .. niet, =niet .. kennen, =begreep .. niet, \
               =begrijp .. niet, =begrijpen .. niet, =niet .. begrijpen, =snap .. niet, \
               =snapte .. niet",
    },
];
