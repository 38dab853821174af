## Vragenlijst: antwoorden en fouten
answer-error-required = Deze vraag moet u beantwoorden.
answer-error-number = Vul een heel getal in, bijvoorbeeld 7.
answer-error-range = Vul een getal in van { $min } tot en met { $max }.
answer-error-option = Dit antwoord hoort niet bij deze vraag. Kies een van de antwoorden.
answer-error-too-many = Kies één antwoord.
answer-error-too-long = Uw antwoord is te lang: { $given } tekens. Het mag hoogstens { $max } tekens zijn. Maak het korter.
answer-error-other = U koos 'Anders'. Schrijf op wat u bedoelt.
answer-error-other-not-chosen = U schreef iets bij 'Anders', maar koos een ander antwoord. Kies 'Anders' als u dat bedoelt. Of maak het vak bij 'Anders' leeg.
answer-other = Anders, namelijk
answer-other-text = Bij 'Anders': wat bedoelt u?
form-error-prefix = Fout:
scale-agree-1 = Helemaal oneens
scale-agree-2 = Oneens
scale-agree-3 = Niet eens, niet oneens
scale-agree-4 = Eens
scale-agree-5 = Helemaal eens
scale-satisfied-1 = Heel ontevreden
scale-satisfied-2 = Ontevreden
scale-satisfied-3 = Niet tevreden, niet ontevreden
scale-satisfied-4 = Tevreden
scale-satisfied-5 = Heel tevreden
scale-weet-niet = Weet ik niet
scale-nvt = Niet van toepassing
question-number = Vraag { $n }.
question-optional = (niet verplicht)
question-read-aloud = Lees voor
question-grade-hint = 1 is heel slecht, 10 is heel goed.
question-max-length = U mag hoogstens { $max } tekens schrijven.
question-number-range = Vul een getal in van { $min } tot en met { $max }.
summary-not-answered = Niet beantwoord

## Vragenlijst: code en pagina's
code-error-length = Een code heeft 10 tekens, bijvoorbeeld ACD-EFG-HJKM. Kijk of u de hele code heeft overgenomen.
code-error-character = Er staat een teken in dat niet in een code voorkomt. Codes hebben geen 0, O, 1, I, L, 2, Z, 5, S, 8, B, U en V.
code-error-check = Deze code klopt niet. Misschien is één teken verkeerd overgenomen. Kijk de code in de brief nog eens na.
respond-code-title = Vragenlijst invullen
respond-code-intro = Heeft u een brief of e-mail van de gemeente gekregen met een code? Vul de code hieronder in.
respond-code-label = Uw code
respond-code-hint = De code staat in de brief, bijvoorbeeld ACD-EFG-HJKM. Kleine letters en streepjes mogen ook.
respond-code-submit = Verder
respond-code-no-code = Geen code? Dan kunt u de vragenlijst niet online invullen. Wilt u toch meedoen? Bel of mail de gemeente. Het telefoonnummer en het e-mailadres staan hieronder.
respond-error-unknown = Wij kennen deze code niet. Kijk of u de code goed heeft overgenomen uit de brief.
respond-error-used = Met deze code is de vragenlijst al ingevuld en verstuurd. Dank u wel! Elke code werkt maar één keer.
respond-error-not-open = U kunt de vragenlijst nog niet invullen. Dat kan vanaf { $date }.
respond-error-closed = U kunt de vragenlijst niet meer invullen. Het onderzoek is gesloten op { $date }. Dank u voor uw moeite.
respond-error-channel = Deze vragenlijst kan niet via internet worden ingevuld. Kijk in de brief hoe u kunt meedoen.
respond-error-forged = Het formulier bevat antwoorden die niet bij deze vraag horen. Ga terug naar de vraag en probeer het opnieuw.
respond-privacy-title = Uw privacy
respond-privacy-text = U vult de vragenlijst in zonder naam. Wij bewaren uw antwoorden en de datum, niet wie u bent en niet uw internetadres. Onderzoekers zien alleen antwoorden, niet van wie ze zijn. Uw antwoorden hebben geen gevolgen voor uw uitkering. Stopt u halverwege? Dan bewaren wij uw antwoorden tot u verder gaat, uiterlijk tot het onderzoek sluit.
respond-privacy-more = Meer over privacy
respond-start-closes = U kunt meedoen tot en met { $date }.
respond-start-help = U mag stoppen wanneer u wilt. Uw antwoorden worden bij elke vraag bewaard. Later kunt u verder gaan met dezelfde code, ook op een andere telefoon of computer.
respond-start-begin = Begin met de vragen
respond-start-resume = Ga verder waar u was
respond-next = Volgende vraag
respond-previous = Vorige vraag
respond-save-later = Opslaan en later verder gaan
respond-send = Antwoorden versturen
respond-condition-note = De volgende vraag is alleen voor sommige mensen. Past de vraag niet bij u? Sla hem dan over.
respond-summary-title = Kijk uw antwoorden na
respond-summary-intro = Hieronder staan uw antwoorden. Wilt u iets veranderen? Kies dan 'Wijzig'. Alles goed? Verstuur dan uw antwoorden. Daarna kunt u niets meer veranderen.
respond-summary-change = Wijzig
respond-help-legend = Heeft iemand u geholpen met invullen?
respond-help-ticked = Ja, ik heb de vragen ingevuld met hulp
respond-helper-label = Wie hielp u?
respond-helper-none = Niemand, of zeg ik liever niet
helper-familie_vriend = Iemand uit mijn familie of een vriend
helper-clientondersteuner = Een cliëntondersteuner
helper-hulpverlener = Een hulpverlener, bijvoorbeeld van het wijkteam
helper-medewerker_gemeente = Iemand van de gemeente
helper-anders = Iemand anders
respond-saved-title = Uw antwoorden zijn bewaard
respond-saved-text = U kunt later verder gaan. Ga dan naar de website uit de brief en vul dezelfde code in.
respond-saved-code = Uw code is:
respond-thanks-title = Dank u wel!
respond-thanks-text = Uw antwoorden zijn goed ontvangen. Met uw antwoorden kan de gemeente haar werk beter doen. Uw antwoorden hebben geen gevolgen voor uw uitkering.

## Gesprek na de vragenlijst
volunteer-offer-title = Wilt u meer vertellen?
volunteer-offer-text = Wij praten graag met een paar mensen over hun ervaringen. Dat is niet verplicht. Wat u in het gesprek zegt, koppelen wij niet aan uw antwoorden.
volunteer-offer-link = Ja, ik wil misschien een gesprek
volunteer-title = Meedoen aan een gesprek
volunteer-intro = Laat uw naam en telefoonnummer of e-mailadres achter. Een onderzoeker neemt contact met u op. Wij bewaren deze gegevens los van uw antwoorden, en wij verwijderen ze kort na het onderzoek.
volunteer-name = Uw naam
volunteer-contact = Telefoonnummer of e-mailadres
volunteer-contact-hint = Bijvoorbeeld 06 12345678 of naam@voorbeeld.nl
volunteer-language = In welke taal wilt u praten?
volunteer-time = Wanneer kunnen wij u het best bellen?
volunteer-time-hint = Bijvoorbeeld: dinsdagmiddag, of na 18.00 uur. Mag u leeg laten.
volunteer-submit = Versturen
volunteer-error-name = Vul uw naam in (hoogstens 100 tekens).
volunteer-error-contact = Vul een telefoonnummer of e-mailadres in, zodat wij u kunnen bereiken.
volunteer-error-time = Schrijf korter wanneer wij u kunnen bellen (hoogstens 200 tekens).
volunteer-done-title = Dank u wel
volunteer-done-text = Wij hebben uw gegevens ontvangen. Een onderzoeker neemt contact met u op.

## Kanalen
channel-web = Internet
channel-phone = Telefoon
channel-paper-keyed = Papier, overgetypt
channel-paper-scan = Papier, gescand
channel-assisted = Internet, met hulp

## Onderzoek: rondes
workspace-research-title = Onderzoek
workspace-entry-title = Invoer
waves-title = Onderzoeksrondes
waves-none = Er zijn nog geen rondes.
waves-caption = Alle rondes, nieuwste eerst
waves-col-name = Naam
waves-col-questionnaire = Vragenlijst
waves-col-period = Periode
waves-col-state = Stand
wave-state-not-open = Nog niet open
wave-state-open = Open
wave-state-closed = Gesloten
wave-new-title = Nieuwe ronde
wave-name = Naam van de ronde
wave-name-hint = Bijvoorbeeld: Cliëntervaring voorjaar 2027
wave-questionnaire = Vragenlijst (de nieuwste versie wordt vastgelegd)
wave-opens = Eerste dag
wave-closes = Laatste dag
wave-population = Aantal mensen in de doelgroep (N)
wave-population-hint = Nodig voor de foutmarge, bijvoorbeeld 1200.
wave-channels = Kanalen
wave-create = Ronde maken
wave-error-questionnaire = Kies een vragenlijst uit de lijst.
wave-error-date = Vul een datum in, bijvoorbeeld 01-04-2027.
wave-error-dates = De laatste dag ligt vóór de eerste dag. Pas een van de data aan.
wave-error-population = Vul het aantal mensen in de doelgroep in, een heel getal vanaf 1.
wave-error-channel = Kies kanalen uit de lijst.
wave-error-no-channel = Kies minstens één kanaal.
wave-error-name = Geef de ronde een naam van hoogstens 100 tekens.
wave-error-count = Vul een aantal in van 1 tot en met 100000.
notice-wave-created = De ronde is gemaakt.
notice-invitations-queued = { $n ->
    [one] { $n } uitnodiging staat klaar en wordt per e-mail verstuurd.
   *[other] { $n } uitnodigingen staan klaar en worden per e-mail verstuurd.
}
notice-reminders-queued = { $n ->
    [one] { $n } herinnering staat klaar en wordt per e-mail verstuurd.
   *[other] { $n } herinneringen staan klaar en worden per e-mail verstuurd.
}
notice-entry-saved = De antwoorden zijn opgeslagen. U kunt de volgende invullen.

## Onderzoek: respons
followup-title = Respons
followup-caption = Respons tot nu toe
followup-invited = Uitgenodigd (codes gemaakt)
followup-answered = Ingevulde vragenlijsten
followup-codes-used = Gebruikte codes
followup-rate = Respons
followup-margin = Foutmarge (95%)
followup-margin-hint = De foutmarge geldt voor een percentage rond 50%, met correctie voor de grootte van de doelgroep (N).
followup-per-channel = Ingevuld per kanaal
followup-per-day = Ingevuld per dag
followup-day = Dag
export-title = Gegevens downloaden
export-answers = Alle antwoorden (CSV)
export-codebook-csv = Codeboek (CSV)
export-codebook-json = Codeboek (JSON)
volunteers-link = Mensen die willen praten ({ $n })
volunteers-title = Mensen die willen praten: { $wave }
volunteers-intro = Deze mensen boden aan om over hun ervaringen te praten. Hun gegevens staan los van de antwoorden. Wij verwijderen ze automatisch enige tijd na het sluiten van de ronde. Gebruik ze alleen voor het gesprek.
volunteers-none = Nog niemand heeft zich aangemeld.
volunteers-caption = Aanmeldingen
volunteers-back = Terug naar de ronde
codebook-chosen = Gekozen
codebook-not-chosen = Niet gekozen
codebook-meta-respons = Volgnummer in dit bestand (geen verwijzing naar een persoon of code)
codebook-meta-ronde = Nummer van de ronde
codebook-meta-kanaal = Hoe de antwoorden binnenkwamen: web, phone, paper-keyed, paper-scan of assisted
codebook-meta-hulp = Wie hielp bij het invullen (leeg: niemand)
codebook-meta-taal = Taal waarin de vragen zijn gelezen

## Onderzoek: uitnodigen
codes-title = Codes en brieven maken
codes-intro = Elke code werkt één keer. De codes bestaan alleen in wat u nu downloadt: bewaar het goed en gooi het weg na het versturen.
codes-count = Aantal codes
codes-count-hint = Eén per persoon, hoogstens 100000 per keer.
codes-language = Taal
codes-format = Wat wilt u hebben?
codes-format-letters = Brieven om te printen (één A4 per persoon, met QR-code)
codes-format-csv = CSV-bestand voor samenvoegen (mail merge)
codes-submit = Codes maken
email-title = Uitnodigen per e-mail
email-intro = Elk adres krijgt een eigen code. Wij bewaren het adres alleen om herinneringen te sturen. Het adres wordt gewist als de code gebruikt is, en uiterlijk als de ronde sluit.
email-addresses = E-mailadressen
email-addresses-hint = Eén adres per regel.
email-submit = Uitnodigingen versturen
email-error-invalid = Deze regels zijn geen e-mailadres: { $lines }. Verbeter ze. Er is nog niets verstuurd.
email-error-duplicate = Deze regels staan er al eerder in: { $lines }. Haal ze weg. Er is nog niets verstuurd.
email-error-empty = Vul minstens één e-mailadres in.
reminder-title = Herinnering sturen
reminder-status = Verstuurde herinneringen: { $sent } van 2. Adressen waarvan de code nog niet gebruikt is: { $waiting }.
reminder-submit = Herinnering sturen aan wie nog niet meedeed
reminder-error-max = Er zijn al twee herinneringen gestuurd. Meer mag niet.
invite-mail-subject = Uw mening over { $municipality }
invite-mail-intro = Beste inwoner, { $municipality } wil weten hoe zij met u omgaat. Wilt u een paar vragen beantwoorden? Dat duurt ongeveer 10 minuten.
invite-mail-reminder-subject = Herinnering: uw mening over { $municipality }
invite-mail-reminder-intro = Beste inwoner, een tijd geleden vroegen wij uw mening over { $municipality }. U heeft de vragen nog niet ingevuld. Dat kan nog tot en met { $date }.
invite-mail-how = Ga naar { $link } of ga naar { $short } en vul uw code in: { $code }
invite-letter-title = Wat vindt u van de gemeente?
invite-letter-number = Brief { $n }
invite-letter-why = { $municipality } wil weten hoe zij omgaat met mensen die een bijstandsuitkering hebben. Wat gaat goed, en wat kan beter? Daarom vragen wij u een paar vragen te beantwoorden. Dat duurt ongeveer 10 minuten.
invite-letter-anonymous = U vult de vragen in zonder naam. Niemand kan zien welke antwoorden van u zijn. Uw antwoorden hebben geen gevolgen voor uw uitkering.
invite-letter-scan = Scan de QR-code met uw telefoon.
invite-letter-type = Of ga naar { $short } en vul daar uw code in.
invite-letter-code = Uw code:
invite-letter-closes = U kunt meedoen tot en met { $date }.
invite-letter-help = Wilt u hulp? Iemand anders mag u helpen met invullen. U kunt ook { $municipality } bellen; dan vult een medewerker de vragen samen met u in. Het nummer staat hieronder.
invite-letter-thanks = Dank u wel voor uw hulp.
invite-letter-other-language = Liever in het Nederlands? Ga naar { $short } en kies Nederlands.

## Invoer door medewerkers
entry-list-title = Antwoorden invoeren
entry-list-none = Er is nu geen open ronde waarvoor u antwoorden kunt invoeren.
entry-list-until = open tot en met { $date }
entry-list-scans = scans inlezen en nakijken
entry-title = Antwoorden invoeren: { $wave }
entry-intro = Typ bij schaalvragen het cijfer (1 tot 5, 0 is 'weet niet' of 'niet van toepassing'). Typ bij keuzevragen het nummer van het antwoord. Met Tab gaat u naar de volgende vraag. Laat leeg wat niet is beantwoord.
entry-channel = Hoe kwamen de antwoorden binnen?
entry-code = Code van de uitnodiging
entry-code-hint = Verplicht bij telefoon. Bij papier alleen als er een code op het formulier staat.
entry-language = Taal van het gesprek of formulier
entry-submit = Opslaan
entry-error-code-needed = Vul de code in die de persoon aan de telefoon noemt.
entry-error-used = Met deze code zijn de vragen al ingevuld. De antwoorden zijn niet opgeslagen.
question-required = (verplicht)
paper-form-number = Formulier { $number } · pagina { $page } van { $pages }
paper-return = Stuur het formulier vóór { $date } terug in de envelop. Een postzegel is niet nodig. Schrijf uw naam niet op het formulier.
paper-multi-hint = (u mag meer hokjes aankruisen)
paper-forms-title = Papieren vragenlijsten printen
paper-forms-intro = Elk formulier krijgt een eigen nummer. Print elk nummer maar één keer: dan kan een formulier nooit twee keer worden ingelezen.
paper-forms-print = U krijgt een PDF-bestand. Elk formulier is vier kanten A4. Print op ware grootte (100%), niet passend gemaakt op de pagina. De invoerder leest de scans in op de papierpagina van deze ronde.
paper-forms-from = Eerste formuliernummer
paper-forms-to = Laatste formuliernummer
paper-forms-to-hint = Hoogstens 500 formulieren per keer.
paper-forms-no-paper = Deze ronde heeft geen papieren vragenlijst. Wilt u papier gebruiken? Kies dan via "Datums, N of kanalen wijzigen" een kanaal voor papier. Dat kan zolang de ronde nog niet open is.
paper-forms-submit = Formulieren maken
paper-mapping-link = Koppeling voor SDAPS (CSV): welke kolom welke vraag is
paper-error-range = Kies nummers van 1 tot en met 999999, hoogstens 500 formulieren per keer, en het eerste nummer niet hoger dan het laatste.
paper-prints-none = Van deze ronde zijn nog geen formulieren geprint.
paper-prints-printed = Al geprint: nummers { $printed }. Hieronder staan de eerste nummers die nog vrij zijn.
paper-prints-recent = Laatst geprint:
paper-prints-run = { $from } tot en met { $to }, { $language }, geprint op { $date }
paper-prints-reprint = Dezelfde nummers opnieuw printen, bijvoorbeeld omdat de printer vastliep. Deel dan alleen de nieuwe formulieren uit.
paper-prints-error-overlap = Nummers { $numbers } zijn al eerder geprint. Een nummer mag maar één keer worden uitgedeeld. Kies nummers vanaf { $next }. Print u dezelfde formulieren opnieuw? Zet dan een vinkje bij 'Dezelfde nummers opnieuw printen'.
paper-prints-error-not-printed = Dit nummer is niet geprint voor deze ronde. Geprint zijn de nummers { $printed }. Kijk rechtsboven op de pagina en typ het nummer opnieuw over.
paper-upload-title = Papieren vragenlijsten inlezen: { $wave }
paper-upload-intro = Gebruikt u ander scanprogramma (OMR-software, zoals SDAPS)? Lees hier het CSV-bestand in dat het maakte. Formulieren met een probleem worden apart gezet; er gaat niets verloren. Een bestand twee keer inlezen kan geen kwaad: wat er al is, komt er niet nog eens bij.
paper-upload-file = CSV-bestand van de scanner
paper-upload-file-hint = Hoogstens 500 MB. UTF-8 of Windows-1252, gescheiden door komma's of puntkomma's.
paper-upload-format = Soort bestand
paper-upload-format-sdaps = SDAPS (csvdata-export)
paper-upload-format-generic = Eigen formaat: een kolom form_id en een kolom per vraag
paper-upload-dry-run = Alleen controleren, niets opslaan
paper-upload-all = Alleen opslaan als geen enkel formulier apart moet
paper-upload-submit = Inlezen
paper-upload-back = Terug naar inlezen
paper-upload-link = Papieren vragenlijsten inlezen (bestand van de scanner)
paper-upload-error-file = Kies een CSV-bestand om in te lezen.
paper-upload-error-size = Het bestand is groter dan 500 MB. Splits het in delen en lees ze na elkaar in.
paper-quarantine-title = Apart gezette formulieren ({ $n })
paper-quarantine-none = Er staan geen formulieren apart.
paper-quarantine-intro = Klik op een formuliernummer om het formulier te verbeteren: u ziet wat de scanner las en vult de antwoorden aan met het papieren formulier in de hand. U kunt ook het bestand verbeteren of de formulieren opnieuw laten scannen en het bestand opnieuw inlezen. Alleen wat nog ontbreekt, komt erbij.
paper-col-form = Formulier
paper-col-row = Rij
paper-col-column = Kolom
paper-col-problem = Probleem
paper-col-value = Waarde
paper-col-action = Wat er gebeurde
paper-report-title = Verslag van het inlezen: { $file }
paper-report-summary = { $rows ->
    [one] { $rows } rij
   *[other] { $rows } rijen
}: { $imported } ingelezen, { $quarantined } apart gezet, { $duplicates } dubbel overgeslagen, { $empty } leeg.
paper-report-dry-run = Dit was een controle: er is niets opgeslagen.
paper-report-refused = Er is niets opgeslagen: er moeten formulieren apart, en u koos voor alles of niets.
paper-report-download = Het hele verslag downloaden (CSV)
paper-report-more = Hieronder staan de eerste { $shown } van { $total } meldingen. Het hele verslag staat in de download.
paper-report-none = Geen meldingen: alle formulieren waren in orde.
paper-reports-title = Eerdere verslagen

# Progress of a large upload
paper-progress-title = Bezig met inlezen: { $file }
paper-progress-label = Hoe ver het inlezen is
paper-progress-status = { $count ->
    [one] { $rows } rij gelezen
   *[other] { $rows } rijen gelezen
}, { $rate } per seconde, nog ongeveer { $left } (minuten:seconden).
paper-progress-status-start = { $count ->
    [one] { $rows } rij gelezen
   *[other] { $rows } rijen gelezen
}, { $rate } per seconde. Hoe lang het nog duurt, is nog niet bekend.
paper-progress-leave = U kunt deze pagina sluiten: het inlezen gaat door. Het verslag staat daarna bij Eerdere verslagen.
paper-progress-refresh = Stand bijwerken
paper-progress-failed = Het opslaan is mislukt. Wat al was opgeslagen, blijft bewaard. Lees het bestand opnieuw in: wat er al is, komt er niet dubbel bij.
paper-progress-gone-title = Dit inlezen is niet bekend
paper-progress-gone = Dit inlezen is al klaar en bekeken, of de server is intussen opnieuw gestart. Kijk bij Eerdere verslagen. Staat het er niet bij, lees het bestand dan opnieuw in: wat er al is, komt er niet dubbel bij.

# What each check means, and what was done
paper-rule-no-form-number = Geen formuliernummer
paper-rule-other-wave = Formulier van een andere ronde
paper-rule-other-version = Andere versie van de vragenlijst
paper-rule-omr-empty = Leeg formulier
paper-rule-omr-invalid = Afgekeurd door de scanner
paper-rule-omr-unrecognised = Niet herkend door de scanner
paper-rule-omr-unverified = Herkenning niet nagekeken
paper-rule-omr-review = Opmerking van de scanner-operator
paper-rule-double-mark = Meer dan één vakje aangekruist
paper-rule-out-of-range = Vakje bestaat niet
paper-rule-not-a-box = Geen 0 of 1 in een vakje
paper-rule-text-not-transcribed = Handgeschreven tekst niet overgetypt
paper-rule-invalid-answer = Antwoord past niet bij de vraag
paper-rule-not-applicable = Vraag gold niet voor deze persoon
paper-rule-duplicate-in-file = Twee keer in het bestand
paper-rule-already-imported = Al eerder ingelezen
paper-action-imported = ingelezen
paper-action-item-left-empty = antwoord leeg gelaten
paper-action-quarantined = formulier apart gezet
paper-action-skipped-duplicate = overgeslagen (dubbel)
paper-action-skipped-empty = overgeslagen (leeg)

# Correcting a sheet that was put aside
paper-correct-title = Formulier { $form } verbeteren
paper-correct-title-line = Formulier van rij { $line } verbeteren
paper-correct-no-number = zonder nummer (rij { $line })
paper-correct-intro = Dit formulier (rij { $line } van het bestand) is apart gezet. Pak het papieren formulier erbij. Hieronder staat waarom het apart staat, en de antwoorden die de scanner goed las. Vul aan of verbeter wat nodig is en lees het formulier in.
paper-correct-problems = Waarom het formulier apart staat
paper-correct-read = Wat de scanner las, per kolom
paper-correct-answers = De antwoorden
paper-correct-form = Formuliernummer
paper-correct-form-hint = Staat rechtsboven op elke pagina van het formulier en begint met { $prefix }
paper-correct-submit = Formulier inlezen
paper-correct-discard-title = Formulier niet inlezen
paper-correct-discard-intro = Is het formulier leeg, al ingelezen of niet van deze ronde? Haal het dan weg. Er wordt niets van opgeslagen.
paper-correct-discard = Formulier weghalen zonder in te lezen
paper-correct-error-form-empty = Vul het formuliernummer in dat op het formulier staat.
paper-correct-error-form-wave = Dit formuliernummer hoort niet bij deze ronde. Een nummer van deze ronde begint met { $prefix }. Is het formulier van een andere ronde? Haal het dan hier weg en lees het bij die ronde in.
paper-correct-error-empty = Er is geen enkel antwoord ingevuld. Staat er niets op het formulier? Haal het dan weg.
paper-correct-error-imported = Een formulier met dit nummer is al ingelezen. Kijk of u het goede nummer hebt getypt. Is het formulier echt dubbel? Haal het dan weg.
paper-notice-corrected = Het formulier is ingelezen.
paper-notice-discarded = Het formulier is weggehaald. Er is niets van opgeslagen.

# security: linking
volunteer-when = Het onderzoek sluit op { $date }. Daarna neemt een onderzoeker contact met u op.
volunteer-refused-title = Aanmelden voor een gesprek lukt niet
volunteer-refused-unknown = U kunt zich alleen voor een gesprek aanmelden direct nadat u de vragenlijst hebt verstuurd, in dezelfde browser. Bij deze aanmelding vinden wij geen verstuurde vragenlijst. Hebt u de vragenlijst nog niet verstuurd? Vul hem dan eerst in met de code uit uw brief.
volunteer-refused-used = U hebt zich al aangemeld voor een gesprek. Dat kan één keer per verstuurde vragenlijst. U hoeft niets meer te doen: een onderzoeker neemt contact met u op.
volunteer-refused-closed = Dit onderzoek is gesloten. Aanmelden voor een gesprek kan daarom niet meer.
volunteer-refused-too-many = Het aanmelden is te vaak mislukt vanaf deze verbinding. Wacht 10 minuten en probeer het dan opnieuw.
volunteer-refused-to-code = Vragenlijst invullen met uw code
export-answers-after-close = Alle antwoorden (CSV) kunt u downloaden vanaf { $date }, als de ronde gesloten is.
volunteers-link-open = Mensen die willen praten (te zien als de ronde gesloten is)
volunteers-after-close = De mensen die willen praten ziet u vanaf { $date }, als de ronde gesloten is.
after-close-why = Zo kan niemand antwoorden koppelen aan het moment waarop iemand een code gebruikte of zich aanmeldde voor een gesprek. Het aantal antwoorden per dag en per kanaal staat al op de pagina van de ronde.
codebook-meta-respons-order = De regels staan in willekeurige volgorde, niet in de volgorde waarin ze binnenkwamen
codebook-meta-taal-other = Een taal met minder dan { $k } antwoorden staat samen met andere talen als "overig", zodat niemand aan zijn taal te herkennen is

# journeys: respondent
respond-progress-part = Deel { $n } van { $total }
respond-progress-done = { $percent }% klaar
respond-language-keeps = Uw antwoorden blijven bewaard als u een andere taal kiest.
# security: bounded
paper-rule-line-too-long = Regel te lang
paper-action-skipped-too-long = overgeslagen (te lang)
paper-report-too-long = { $n ->
    [one] { $n } regel was te lang om een formulier te zijn. Die is niet ingelezen en niet apart gezet; de andere regels wel. Het verslag noemt de regel: kijk hem na in het bestand van de scanner en lees hem opnieuw in.
   *[other] { $n } regels waren te lang om een formulier te zijn. Ze zijn niet ingelezen en niet apart gezet; de andere regels wel. Het verslag noemt elke regel: kijk die na in het bestand van de scanner en lees ze opnieuw in.
}
paper-quarantine-more-problems = { $n ->
    [one] en nog { $n } melding: open het formulier om die te zien
   *[other] en nog { $n } meldingen: open het formulier om ze te zien
}
paper-report-not-stored = Dit verslag is te groot om helemaal te bewaren: de download heeft de eerste { $kept } van de { $total } meldingen. Wilt u alles zien? Lees het bestand in delen in, of met de opdracht 'klankbord import paper' op de server; die schrijft het hele verslag.

# clerk: texts in the clerk's voice, keyed paper forms, SDAPS columns
entry-error-required = Deze vraag is verplicht. Neem het antwoord over van het formulier of uit het gesprek.
entry-error-number = Hier hoort een heel getal, bijvoorbeeld 7. Neem het getal over zoals het er staat.
entry-error-range = Het getal moet van { $min } tot en met { $max } zijn. Staat er iets anders? Laat de vraag dan leeg.
entry-error-option = Dit antwoord hoort niet bij deze vraag. Typ een van de nummers die bij de vraag staan.
entry-error-too-many = Bij deze vraag hoort één antwoord. Zijn er meer aangekruist? Laat de vraag dan leeg.
entry-error-too-long = De tekst is { $given } tekens. Deze vraag bewaart hoogstens { $max } tekens. Kijk of er niets dubbel is getypt. Is de tekst op het formulier echt zo lang? Vraag de onderzoeker wat u moet doen.
entry-error-other = Bij 'anders' is iets aangekruist, maar de tekst ontbreekt. Typ over wat er staat. Staat er niets? Zet 'anders' dan uit.
entry-error-other-not-chosen = Bij 'anders' staat tekst, maar er is een ander antwoord aangekruist. Kies 'anders' als dat op het papier staat. Of maak het vak bij 'anders' leeg.
entry-form = Formuliernummer
entry-form-hint = Alleen bij papier. Staat rechtsboven op het formulier en begint met { $prefix }
entry-error-form-stored = Een formulier met dit nummer is al opgeslagen (overgetypt of ingelezen). Kijk of u het goede nummer hebt getypt. Is dit formulier echt al verwerkt? Dan hoeft het niet nog eens. De antwoorden die u typte, staan hieronder nog.
paper-rule-unknown-column = Kolom niet gelezen
paper-action-column-not-read = kolom niet gelezen
paper-quarantine-full-text = Hele tekst bekijken
paper-reports-dry-run = controle, niets opgeslagen
respond-used-title = Deze code is al gebruikt
respond-refused-title = De vragenlijst is nu niet in te vullen

# paper: PDF forms
paper-pdf-mark = Kies een antwoord: zet een kruisje of een vinkje in het hokje, zoals hiernaast. Gebruik een pen met zwarte of blauwe inkt.
paper-pdf-cancel = Vergist? Maak het verkeerde hokje helemaal zwart, zoals hiernaast. Zet dan een kruisje in het goede hokje.
paper-pdf-write = Schrijf in de grote vakken met duidelijke letters. Schrijf niet buiten de vakken en niet bij de zwarte blokjes in de hoeken.

# clerk: verification screen for scanned forms
paper-verify-link = Gescande formulieren nakijken
paper-verify-list-title = Gescande formulieren nakijken: { $wave }
paper-verify-list-intro = Deze formulieren heeft het programma gelezen, maar niet alles was zeker. Kijk elk formulier na. Pas als u een formulier opslaat, tellen de antwoorden mee.
paper-verify-none = Er wachten geen gescande formulieren.
paper-verify-count = { $n ->
    [one] { $n } formulier wacht op u
   *[other] { $n } formulieren wachten op u
}
paper-verify-col-boxes = Vakjes nakijken
paper-verify-col-texts = Teksten overtypen
paper-verify-col-problems = Problemen
paper-verify-no-number = pagina zonder nummer ({ $n })
paper-verify-title = Gescand formulier nakijken: { $form }
paper-verify-intro = Links ziet u het vakje zoals het gescand is, rechts wat het programma las. Klopt het? Laat de keuze staan. Klopt het niet? Kies het andere antwoord met de pijltjestoetsen. Typ geschreven tekst over zoals hij er staat. Er wordt niets opgeslagen tot u op Opslaan drukt.
paper-verify-conflicts = Wat niet klopt op dit formulier
paper-verify-conflict-double = Bij "{ $question }" zijn meer vakjes aangekruist, terwijl er één antwoord hoort. Kijk welke vakjes echt bedoeld zijn.
paper-verify-conflict-page-twice = Pagina { $page } is twee keer gescand, met verschillende kruisjes.
paper-verify-conflict-page-missing = Pagina { $page } ontbreekt. De vragen van die pagina blijven leeg.
paper-verify-scan = Gescande pagina { $n }
paper-verify-thumbnail-alt = Verkleinde scan van pagina { $n }
paper-verify-problem-no-qr = Het programma vond geen QR-code op deze pagina. Het weet niet bij welk formulier ze hoort.
paper-verify-problem-other-wave = Deze pagina hoort bij ronde { $wave }. Lees haar in bij die ronde.
paper-verify-problem-no-layout = Het programma kent de opmaak van dit formulier niet. Is het met een oudere versie geprint?
paper-verify-problem-no-such-page = Deze pagina heeft nummer { $page }, maar zo veel pagina's heeft het formulier niet.
paper-verify-problem-not-aligned = De hoeken van de pagina zijn niet gevonden. Is ze scheef, gevouwen of niet helemaal gescand?
paper-verify-problem-blank = De pagina is leeg.
paper-verify-cutout-alt = Scan van het vakje bij "{ $answer }"
paper-verify-field-alt = Scan van de geschreven tekst bij "{ $question }"
paper-verify-read-marked = Gelezen: aangekruist (zeker voor { $percent }%)
paper-verify-read-empty = Gelezen: leeg (zeker voor { $percent }%)
paper-verify-read-cancelled = Gelezen: helemaal zwart gemaakt, dus niet gekozen (zeker voor { $percent }%)
paper-verify-choose-marked = Aangekruist
paper-verify-choose-empty = Niet gekozen (leeg of zwart gemaakt)
paper-verify-submit = Opslaan
paper-verify-unidentified = Van deze pagina weet het programma niet bij welk formulier ze hoort. Typ het formulier met de hand in bij Antwoorden invoeren. Haal daarna deze pagina hier weg.
paper-verify-type-in = Naar Antwoorden invoeren
paper-verify-discard-title = Weghalen zonder op te slaan
paper-verify-discard-intro = Is dit formulier of deze pagina niet te gebruiken, of hebt u het met de hand ingevoerd? Haal het dan weg. Er wordt niets van opgeslagen.
paper-verify-discard = Weghalen
paper-verify-back = Terug naar de lijst
paper-verify-error-choose = Kies bij dit vakje: aangekruist of niet gekozen.
paper-verify-error-double = Bij deze vraag hoort één antwoord. Laat één vakje aangekruist staan. Is niet duidelijk wat bedoeld is? Zet dan alle vakjes van deze vraag op niet gekozen.
paper-verify-notice-imported = Het formulier is opgeslagen.
paper-verify-notice-quarantined = Het formulier is apart gezet: er klopt nog iets niet. U vindt het bij Apart gezette formulieren.
paper-verify-notice-duplicate = Dit formulier was al ingelezen. Er is niets dubbel opgeslagen.
paper-verify-notice-empty = Op dit formulier stond geen bruikbaar antwoord. Er is niets opgeslagen.
paper-verify-notice-discarded = Het is weggehaald. Er is niets van opgeslagen.

# paper2: scans inlezen op de pagina van de invoerder
paper-scan-title = Gescande formulieren inlezen
paper-scan-intro = Hebt u de papieren formulieren gescand? Lees het bestand van de scanner hier in. Het programma leest de kruisjes. Wat niet zeker is, kijkt u daarna zelf na bij Gescande formulieren nakijken. Alleen formulieren die u hier als PDF hebt gemaakt, kunnen worden gelezen.
paper-scan-file = Bestand van de scanner
paper-scan-file-hint = PDF, TIFF, PNG of JPEG, hoogstens 500 MB. Alle pagina's mogen in één bestand, in elke volgorde. Scan in grijstinten, niet in zwart-wit: in zwart-wit verdwijnen kruisjes met licht potlood.
paper-scan-submit = Scans inlezen
paper-scan-error-file = Kies het bestand van de scanner.
paper-scan-error-empty = Dit bestand is leeg. Kies het bestand van de scanner opnieuw, of scan de formulieren nog een keer.
paper-scan-error-size = Het bestand is groter dan 500 MB. Scan de formulieren in delen en lees de delen na elkaar in.
paper-scan-error-type = Dit bestand is geen scan. Kies een PDF-, TIFF-, PNG- of JPEG-bestand van de scanner.
paper-report-scans = { $pages ->
    [one] { $pages } pagina gelezen
   *[other] { $pages } pagina's gelezen
}, { $forms ->
    [one] { $forms } formulier herkend
   *[other] { $forms } formulieren herkend
}. { $settled ->
    [one] { $settled } formulier was zeker en is meteen verwerkt.
   *[other] { $settled } formulieren waren zeker en zijn meteen verwerkt.
} { $pending ->
    [one] { $pending } wacht op uw controle.
   *[other] { $pending } wachten op uw controle.
}
paper-report-scans-problems = Deze pagina's konden niet aan een formulier worden gekoppeld:
paper-report-scans-already = { $n ->
    [one] { $n } formulier was al eerder ingelezen en is overgeslagen.
   *[other] { $n } formulieren waren al eerder ingelezen en zijn overgeslagen.
}
paper-report-scans-blank = { $n ->
    [one] { $n } lege pagina (bijvoorbeeld een achterkant) is overgeslagen.
   *[other] { $n } lege pagina's (bijvoorbeeld achterkanten) zijn overgeslagen.
}
paper-pdf-title = Formulieren maken om te scannen
paper-pdf-intro = Maak hier de papieren formulieren als PDF. Druk ze af op 100%. Alleen deze formulieren kan het programma na het scannen lezen. Elk formulier krijgt een eigen nummer: geef elk nummer maar één keer uit.
paper-pdf-submit = PDF maken
paper-report-scans-checked = { $n ->
    [one] { $n } formulier is intussen nagekeken.
   *[other] { $n } formulieren zijn intussen nagekeken.
}
paper-verify-submit-next = Opslaan en volgende
paper-late-title = Gesloten rondes: papieren formulieren die te laat binnenkomen
paper-late-intro = Deze rondes zijn gesloten. Komen er nog ingevulde formulieren binnen? Lees de scans dan hier in, tot de datum die erbij staat. Ze tellen mee in het verslag voor de raad zodra er genoeg zijn om niemand te herkennen.
paper-late-until = gesloten op { $closed }, inlezen kan tot en met { $until }
paper-late-notice = Deze ronde is gesloten op { $date }. Formulieren die nu nog binnenkomen, kunt u tot en met { $until } inlezen. Ze tellen mee in het verslag voor de raad zodra er genoeg zijn om niemand te herkennen.
paper-late-over = Deze ronde is gesloten op { $date }. Te laat binnengekomen formulieren konden tot en met { $until } worden ingelezen. Nieuwe bestanden kunnen niet meer. Formulieren die al wachten, kunt u nog nakijken.
paper-late-refused = De tijd om te laat binnengekomen formulieren van deze ronde in te lezen is voorbij. Er is niets ingelezen. Vraag de onderzoeker wat u met de formulieren moet doen.
paper-upload-csv-title = Bestand van ander scanprogramma inlezen (CSV)
paper-place-title = Welk formulier is dit?
paper-place-intro = Pak de papieren pagina erbij. Rechtsboven staan het formuliernummer en het paginanummer. Typ ze hier over. Het programma leest de pagina dan alsnog, en u kijkt daarna na wat niet zeker was.
paper-place-form-hint = Begint met { $prefix }, bijvoorbeeld { $example }. Alleen de cijfers typen mag ook.
paper-place-page = Paginanummer
paper-place-page-hint = Een getal van 1 tot en met { $pages }. Staat achter 'pagina'.
paper-place-lang = Taal van het formulier
paper-place-submit = Pagina inlezen
paper-place-or-type = Zijn de nummers niet te lezen? Typ het formulier dan met de hand in en haal deze pagina daarna hier weg.
paper-place-notice-read = De pagina is ingelezen bij het formulier. Kijk hieronder na wat niet zeker was en sla het formulier op.
paper-place-error-form = Dit is geen formuliernummer van deze ronde. Een nummer van deze ronde begint met { $prefix } en heeft zes cijfers. Kijk rechtsboven op de pagina en typ het nummer over.
paper-place-error-page = Het formulier heeft { $pages } pagina's. Typ een getal van 1 tot en met { $pages }.
paper-place-error-stored = Formulier { $form } is al opgeslagen. Deze pagina kan er niet meer bij. Kijk of u het goede nummer hebt getypt. Klopt het? Haal de pagina dan hier weg.
paper-place-error-unread = Ook met dit nummer kon de pagina niet worden gelezen: de zwarte blokjes in de hoeken zijn niet gevonden. Scan de pagina opnieuw, of typ het formulier met de hand in.
