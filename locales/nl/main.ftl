# Klankbord – teksten in het Nederlands (taalniveau B1).
# Elke sleutel moet in elke taal bestaan; een test controleert dit.

## Layout
layout-skip-link = Naar de inhoud
layout-product-name = Klankbord: hoe gaan wij met u om?
layout-language-nav = Kies uw taal
layout-staff-nav = Menu voor medewerkers
layout-logged-in-as = Ingelogd als { $name }
layout-workspace = Werkplek
layout-change-password = Wachtwoord wijzigen
layout-logout = Uitloggen
layout-privacy = Privacy
layout-accessibility = Toegankelijkheid
layout-staff-login = Inloggen voor medewerkers
layout-footer-note = Deze website is van { $municipality }. Wat u hier invult, heeft geen invloed op uw uitkering.

## Startpagina
home-title = Hoe gaat de gemeente met u om?
home-intro = Krijgt u een bijstandsuitkering? Dan willen wij graag weten hoe onze medewerkers met u omgaan.
home-why = Luisteren ze naar u? Zijn ze vriendelijk? Zijn de brieven duidelijk? { $municipality } wil dit weten om het beter te doen. De gemeenteraad krijgt een verslag, zonder namen.
home-what-title = Wat kunt u hier doen?
home-survey-link = Vragenlijst invullen
home-survey-text = Heeft u een brief met een code gekregen? Vul dan de vragenlijst in. Dat duurt ongeveer 10 minuten.
home-complaint-link = Klacht indienen
home-complaint-text = Bent u niet goed behandeld? Vertel het ons. Laat u weten hoe wij u kunnen bereiken? Dan krijgt u altijd een antwoord.
home-safe-title = Dit heeft geen gevolgen voor uw uitkering
home-safe-text = Wat u invult of vertelt, heeft geen invloed op uw uitkering. U krijgt er geen problemen door.
home-anonymous-text = De vragenlijst is anoniem. Niemand bij de gemeente kan zien wat u heeft ingevuld.
home-help-title = Hulp nodig?
home-help-text = U mag hulp vragen aan iemand die u vertrouwt, bijvoorbeeld een familielid, een cliëntondersteuner of een taalcoach. U kunt de vragenlijst ook op papier of via de telefoon invullen.
home-privacy-link = Lees hoe wij met uw gegevens omgaan

## Inloggen
login-title = Inloggen
login-intro = Deze pagina is voor medewerkers van de gemeente en de klachtencommissie.
login-username = Gebruikersnaam
login-password = Wachtwoord
login-submit = Inloggen
login-wrong = De gebruikersnaam of het wachtwoord klopt niet. Probeer het opnieuw.
login-wait = De gebruikersnaam of het wachtwoord klopte te vaak niet. Wacht even: u kunt het na { $time } opnieuw proberen.
login-residents-note = Wilt u de vragenlijst invullen of een klacht indienen? Daarvoor hoeft u niet in te loggen.

## Werkplek
workspace-title = Werkplek
workspace-roles = U heeft deze rollen:
workspace-admin-title = Beheer
workspace-account-title = Uw account
workspace-logout-everywhere = Overal uitloggen (ook op andere apparaten)

## Rollen
role-beheerder = Beheerder
role-onderzoeker = Onderzoeker
role-invoerder = Invoerder
role-klachtcoordinator = Klachtcoördinator
role-klachtbehandelaar = Klachtbehandelaar
role-commissielid = Lid klachtencommissie
role-raadslid = Raadslid

## Gebruikersbeheer
users-title = Gebruikers
users-caption = Alle accounts van medewerkers
users-col-username = Gebruikersnaam
users-col-name = Naam
users-col-roles = Rollen
users-col-status = Status
users-status-active = Actief
users-status-disabled = Uitgeschakeld
users-new-title = Nieuw account
users-username-hint = Kleine letters, cijfers, punt of streepje. Bijvoorbeeld: j.jansen
users-new-submit = Account aanmaken
users-back = Terug naar alle gebruikers
user-title = Account { $username }
user-created = Aangemaakt op
user-password-changed = Wachtwoord gewijzigd op
user-save-roles = Rollen opslaan
user-enable = Account weer aanzetten
user-disable = Account uitschakelen
user-disable-note = Na uitschakelen kan deze persoon niet meer inloggen. Alle sessies stoppen meteen.
user-new-password-title = Nieuw wachtwoord instellen
user-set-password = Wachtwoord instellen
user-sessions-title = Sessies
user-end-sessions = Alle sessies van dit account beëindigen

## Wachtwoorden
password-hint = Minstens 12 tekens. Een zin van vier losse woorden is sterk en makkelijk te onthouden.
password-current = Huidig wachtwoord
password-new = Nieuw wachtwoord
password-repeat = Herhaal het nieuwe wachtwoord
password-submit = Wachtwoord wijzigen
password-mismatch = De twee nieuwe wachtwoorden zijn niet gelijk. Typ ze opnieuw.
password-current-wrong = Het huidige wachtwoord klopt niet.
password-too-short = Het wachtwoord is te kort. Gebruik minstens 12 tekens.
password-too-long = Het wachtwoord is te lang. Gebruik hoogstens 256 tekens.
password-too-common = Dit wachtwoord is te makkelijk te raden. Het wordt veel gebruikt of lijkt op uw naam. Kies een zin van vier losse woorden.

## Accountfouten
account-error-username = Vul een gebruikersnaam in van 3 tot 64 tekens: kleine letters, cijfers, punt, streepje of liggend streepje.
account-error-display-name = Vul een naam in van hoogstens 100 tekens.
account-error-username-taken = Deze gebruikersnaam bestaat al. Kies een andere.
account-error-no-role = Kies minstens één rol.
account-error-not-found = Dit account bestaat niet.
account-error-self-lockout = U kunt uw eigen account niet uitschakelen en uw eigen beheerdersrol niet weghalen. Vraag een andere beheerder.

## Meldingen
notice-saved = De wijziging is opgeslagen.
notice-user-created = Het account is aangemaakt.
notice-password-changed = Uw wachtwoord is gewijzigd. Op andere apparaten bent u uitgelogd.
notice-sessions-ended = Alle sessies zijn beëindigd. Log opnieuw in.
notice-logged-out = U bent uitgelogd.

## Auditlog
audit-title = Auditlog
audit-intro = Hier staat welke medewerker wat heeft gedaan met gegevens. Er staan geen namen van inwoners of inhoud van klachten in.
audit-download = Download als CSV
audit-caption = Acties, nieuwste eerst (pagina { $page } van { $pages })
audit-col-when = Wanneer
audit-col-who = Wie
audit-col-action = Actie
audit-col-record = Gegeven
audit-col-detail = Toelichting
audit-pages = Pagina's van het auditlog
audit-newer = Nieuwere acties
audit-older = Oudere acties

## Formulieren
form-errors-title = Er is iets niet goed ingevuld
form-error-fields = Het formulier is niet goed aangekomen. Ga terug en probeer het opnieuw.
form-error-csrf = Het formulier is verlopen of komt niet van deze website. Ga terug, laad de pagina opnieuw en probeer het nog een keer.

## Foutpagina's
error-back-home = Naar de startpagina
error-400-title = Dit verzoek klopt niet
error-400-text = Er ging iets mis met wat u stuurde. Er is niets opgeslagen.
error-401-title = Log eerst in
error-401-text = Voor deze pagina moet u ingelogd zijn als medewerker.
error-403-title = Geen toegang
error-403-text = U mag deze pagina niet bekijken of deze actie niet doen. Denkt u dat dit niet klopt? Vraag het de beheerder.
error-404-title = Pagina niet gevonden
error-404-text = Deze pagina bestaat niet (meer). Misschien is het adres verkeerd getypt.
error-405-title = Dit kan hier niet
error-405-text = Deze pagina kan dit verzoek niet verwerken.
error-413-title = Te groot
error-413-text = Wat u stuurde is te groot. Maak het kleiner en probeer het opnieuw.
error-429-title = Even wachten
error-429-text = Er zijn te veel pogingen gedaan. Wacht 10 minuten en probeer het dan opnieuw.
error-500-title = Er ging iets mis
error-500-text = Er ging bij ons iets mis. Dat ligt niet aan u. Probeer het later opnieuw.

## E-mail
mail-title = E-mail
mail-intro = Berichten wachten hier tot ze verstuurd zijn. Na verzenden bewaren wij alleen wanneer en wat voor bericht het was, niet het adres of de tekst.
mail-counts-caption = Berichten per status
mail-col-count = Aantal
mail-status-pending = Wacht op verzending
mail-status-sending = Wordt verstuurd
mail-status-sent = Verstuurd
mail-status-failed = Mislukt
mail-problems-caption = Berichten met problemen (nieuwste eerst)
mail-col-kind = Soort
mail-col-created = Gemaakt op
mail-col-attempts = Pogingen
mail-col-error = Laatste fout
mail-test-title = Testbericht sturen
mail-test-to = E-mailadres
mail-test-submit = Testbericht sturen
mail-test-invalid = Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.
notice-mail-queued = Het testbericht staat klaar en wordt binnen een minuut verstuurd.

# The council report
report-title = Rapportage
report-title-period = Rapportage { $period }
report-period = Periode
report-period-hint = Een kwartaal, zoals 2026-Q3, of een jaar, zoals 2026.
report-show = Tonen
report-open-csv = Alle cijfers als CSV (open data)
report-open-json = Alle cijfers als JSON (open data)
report-open-codebook = Uitleg bij de open data (codeboek, CSV)
report-pdf = De rapportage als PDF

# Quotes
quotes-title = Citaten: { $wave }
quotes-intro = Citaten komen uit de open antwoorden, alleen als minstens { $k } mensen de vragenlijst invulden. Namen, telefoonnummers, e-mail- en straatadressen, BSN- en rekeningnummers zijn al weggehaald. Lees elk citaat, maak het zo nodig korter, en keur het goed of af. Alleen goedgekeurde citaten komen in de rapportage.
quotes-make = Citaten zoeken in de antwoorden
quotes-none = Er zijn nog geen citaten.
quotes-text = Tekst van het citaat
quotes-approve = Goedkeuren
quotes-reject = Afwijzen
quotes-status-kandidaat = Nog te beoordelen
quotes-status-goedgekeurd = Goedgekeurd
quotes-status-afgewezen = Afgewezen
quotes-link = Citaten voor de rapportage

## Coding open texts
coding-title = Teksten coderen
coding-source = Welke teksten
coding-source-wave = Open antwoorden: { $wave }
coding-source-complaints = Klachten { $year }
coding-show = Tonen
coding-progress = { $total ->
    [one] { $done } van { $total } tekst gecodeerd.
   *[other] { $done } van { $total } teksten gecodeerd.
}
coding-agreement = Voorstellen van het programma, over { $texts } gecodeerde teksten: { $precision }% van de voorstellen klopte (precisie) en { $recall }% van uw codes was voorgesteld (recall).
coding-no-texts = Hier zijn geen teksten om te coderen.
coding-all-done = Alle teksten zijn gecodeerd. Kies hieronder een tekst om de codes te veranderen.
coding-text = Tekst
coding-question = Vraag
coding-complaint = Omschrijving van een klacht
coding-times = { $n } keer gegeven
coding-themes = Thema's
coding-norms = Behoorlijkheidsnormen
coding-suggested = (voorstel)
coding-shortcuts = Sneltoetsen gebruiken: de letter of het cijfer bij een code zet een vinkje, Enter slaat op.
coding-save = Opslaan en volgende
coding-skip = Overslaan
coding-recent = Laatst gecodeerd
coding-recent-caption = De laatste tien gecodeerde teksten
coding-codes = Codes
coding-change = Aanpassen
codebook-title = Codeboek
codebook-intro = In het codeboek staan de thema's en de behoorlijkheidsnormen. Bij een thema staan woorden en zinsdelen. Staat zo'n woord in een tekst, dan stelt het programma het thema voor; u beslist. Een woord telt in al zijn vormen (wachten, wachtte) en als laatste deel van een samengesteld woord (klantvriendelijk). Met * telt elk woord dat zo begint (wacht*: wachttijd). Met .. mogen er woorden tussen staan (als .. kind). Met - telt een woord alleen bij een ontkenning of wens (-luister: luistert niet).
codebook-add = Thema toevoegen
codebook-name = Naam
codebook-cues = Woorden die het thema voorstellen
codebook-cues-hint = Gescheiden door komma's, bijvoorbeeld: bus, reiskosten, ov-kaart
codebook-add-button = Thema toevoegen
codebook-active = Gebruiken bij het coderen
codebook-save = Opslaan

# security: access
audit-filter-title = Zoeken in het auditlog
audit-filter-user = Medewerker (inlognaam)
audit-filter-user-hint = Bijvoorbeeld k.jansen. Laat leeg voor iedereen.
audit-filter-action = Actie
audit-filter-action-hint = Een actiecode, zoals complaint.viewed, of het begin ervan, zoals complaint.
audit-filter-type = Soort gegeven
audit-filter-type-hint = Bijvoorbeeld complaint (klacht), wave (ronde) of user (account).
audit-filter-record = Nummer van het gegeven
audit-filter-from = Vanaf datum
audit-filter-to = Tot en met datum
audit-filter-submit = Zoeken
audit-filter-clear = Alles tonen
audit-filter-count = Aantal gevonden acties: { $n }
audit-filter-error-user = Er is geen account met deze inlognaam. Controleer hoe u de naam schreef.
audit-filter-error-code = Gebruik alleen kleine letters, cijfers, punten en liggende streepjes, zoals complaint.viewed.
audit-filter-error-record = Gebruik voor het nummer alleen letters, cijfers en de tekens - _ . /
audit-filter-error-date = Schrijf de datum als dd-mm-jjjj, bijvoorbeeld 01-03-2026.
audit-filter-error-period = De einddatum ligt voor de begindatum. Kies een einddatum op of na de begindatum.
audit-filter-error-export = De zoekvelden kloppen niet. Ga terug naar het auditlog en verbeter ze.

# security: requests
error-408-title = Dat duurde te lang
error-408-text = Wat u stuurde kwam te langzaam binnen. Er is niets opgeslagen. Controleer uw internetverbinding en probeer het opnieuw.
form-error-too-large = Het formulier is groter dan wij aannemen. Er is niets opgeslagen. Ga terug, maak uw tekst korter en probeer het opnieuw.
upload-error-too-large = Er is niets opgeslagen. Ga terug naar het formulier en stuur minder of kleinere bestanden mee.
upload-error-file-content = Het bestand { $file } is niet wat de naam zegt. Wij nemen alleen echte pdf-, jpg-, png-, tekst-, Word- en OpenOffice-bestanden aan. Kies een ander bestand.
upload-error-too-many-files = U kunt hoogstens { $n } bestanden meesturen. Kies er minder.
# security: bounded
paging-label = Pagina's
paging-previous = Vorige pagina
paging-next = Volgende pagina
paging-status = Pagina { $page } van { $pages }
text-shortened = ingekort, { $n } tekens in totaal
# security: disclosure
report-live-link = Tussenstand van een lopende vragenlijst (alleen voor onderzoekers)
report-live-title = Tussenstand lopende vragenlijst
report-live-notice = Tussenstand, niet openbaar. Deze cijfers veranderen zolang de vragenlijst loopt. Ze staan niet in de rapportage, de PDF of de open data: die tonen een vragenlijst pas na de sluiting. Geef ze niet door.
report-live-wave = Vragenlijst { $wave }, open tot en met { $date }. Kleine groepen zijn ook hier verborgen.
report-live-through = Met de antwoorden tot en met { $date }. Nieuwe antwoorden komen er per hele dag bij, en pas als het er samen minstens { $k } zijn. Zo is uit twee keer kijken nooit het antwoord van één persoon af te leiden.
report-live-nothing-yet = Er zijn nog geen antwoorden te tonen. Antwoorden komen er per hele dag bij, en pas als het er samen minstens { $k } zijn. Zo is uit twee keer kijken nooit het antwoord van één persoon af te leiden.
report-live-waves = Lopende vragenlijsten
report-live-none = Er loopt nu geen vragenlijst.

# sso: single sign-on and two-factor codes
sso-login-button = Inloggen met uw organisatie-account
login-password-title = Of log in met gebruikersnaam en wachtwoord
break-glass-link = Noodtoegang voor beheerders
break-glass-intro = Alleen voor het noodaccount van de beheerder, als inloggen met het organisatie-account niet werkt. Elke keer dat u hier inlogt, wordt vastgelegd.
sso-refused-title = Inloggen is niet gelukt
sso-refused-state = Deze inlogpoging is verlopen of al gebruikt, of u begon in een ander venster. Begin opnieuw met inloggen.
sso-refused-unreachable = De inlogdienst van uw organisatie reageert niet. Probeer het over een paar minuten opnieuw. Lukt het dan nog niet, neem contact op met de servicedesk.
sso-refused-provider = De inlogdienst van uw organisatie heeft het inloggen niet toegestaan, of het inloggen is afgebroken. Begin opnieuw met inloggen.
sso-refused-token = De gegevens van de inlogdienst kloppen niet, daarom laten wij u niet binnen. Begin opnieuw met inloggen. Lukt het niet, geef dan de code hieronder door aan de beheerder.
sso-refused-no-role = U bent ingelogd bij uw organisatie, maar u heeft geen rol in klankbord. Vraag de beheerder om u een rol te geven.
sso-refused-disabled = Uw account in klankbord is uitgeschakeld. Neem contact op met de beheerder als u denkt dat dit niet klopt.
sso-refused-code = Code voor de beheerder: { $code }
sso-refused-again = Opnieuw inloggen
totp-code-title = Code invullen
totp-code-intro = Uw wachtwoord klopt. Vul nu de code van 6 cijfers in uit de app op uw telefoon. Heeft u uw telefoon niet? Vul dan een van uw herstelcodes in.
totp-code-label = Code
totp-code-hint = 6 cijfers uit de app, of een herstelcode zoals abcd-efgh-jkmn.
totp-code-submit = Controleren
totp-enrol-title = Inloggen in twee stappen instellen
totp-enrol-required = Met uw rol ziet u persoonsgegevens. Daarom logt u in met uw wachtwoord én een code uit een app. Stel dit eerst in.
totp-enrol-step-app = Installeer een app voor inlogcodes op uw telefoon, bijvoorbeeld een authenticator-app.
totp-enrol-step-scan = Scan deze QR-code met de app.
totp-enrol-qr-alt = QR-code om in uw app te scannen
totp-enrol-manual = Kunt u niet scannen? Typ dan deze sleutel in de app:
totp-enrol-step-code = Vul de code van 6 cijfers in die de app nu laat zien.
totp-enrol-submit = Code bevestigen
totp-recovery-title = Uw herstelcodes
totp-enrolled = Inloggen in twee stappen staat aan.
totp-recovery-intro = Met deze codes kunt u inloggen als u uw telefoon niet heeft. Elke code werkt één keer.
totp-recovery-once = U ziet deze codes maar één keer. Schrijf ze op of print ze, en bewaar ze op een veilige plek.
totp-recovery-continue = Ik heb de codes bewaard, ga verder
totp-own-title = Inloggen in twee stappen
totp-own-sso = U logt in met uw organisatie-account. De tweede stap regelt uw organisatie.
totp-own-on = Inloggen in twee stappen staat aan.
totp-own-left = U heeft nog { $count } ongebruikte herstelcodes.
totp-own-lost = Telefoon kwijt of nieuwe telefoon? Vraag de beheerder om de codes opnieuw in te stellen. Daarna stelt u ze opnieuw in bij het inloggen.
totp-own-off = Inloggen in twee stappen staat uit. Met een code uit een app is uw account beter beveiligd.
totp-own-start = Nu instellen
totp-admin-title = Inloggen in twee stappen
totp-admin-sso = Dit account logt in met het organisatie-account; de tweede stap regelt de organisatie.
totp-admin-on = Staat aan. Is de telefoon kwijt? Zet de codes dan terug. Bij de volgende keer inloggen stelt de medewerker ze opnieuw in. Dit wordt vastgelegd.
totp-admin-reset = Codes terugzetten
totp-admin-off = Staat uit.
totp-accepted = De code klopt.
totp-wrong = De code klopt niet. Vul de code in die de app nu laat zien, of een herstelcode.
totp-reused = Deze code is al gebruikt. Wacht tot de app een nieuwe code laat zien en vul die in.
totp-recovery-used = Deze herstelcode is al gebruikt. Elke herstelcode werkt één keer. Gebruik een andere code.
totp-wait = De code klopte te vaak niet. Wacht even: u kunt het na { $time } opnieuw proberen.
notice-totp-reset = De codes zijn teruggezet. Bij de volgende keer inloggen stelt de medewerker ze opnieuw in.
notice-login-again = Het inloggen duurde te lang. Log opnieuw in.
workspace-no-role = U heeft nog geen rol. Vraag de beheerder om u een rol te geven.
# journeys: staff everyday tools (Werkplek counts, search, e-mail, wave changes) and CSV for Excel
csv-choice-legend = Soort bestand
csv-choice-puntkomma = Voor Excel in het Nederlands (puntkomma's)
csv-choice-komma = Voor andere programma's (komma's)
export-open-answers = Open antwoorden, zonder namen en adressen
export-open-answers-hint = In de open antwoorden zijn namen, telefoonnummers, e-mailadressen, adressen, BSN's en rekeningnummers vervangen door [naam], [telefoonnummer] en zo verder. Het bestand heeft geen nummer, datum of taal per antwoord. U mag het delen met de raad of een onderzoeksbureau. Lees het wel eerst door.
export-open-answers-too-few = Dit bestand komt er pas als minstens { $k } mensen de vragenlijst hebben ingevuld. Met minder mensen is een antwoord te makkelijk terug te leiden naar een persoon.
wave-edit-link = Datums, N of kanalen wijzigen
wave-edit-title = Ronde wijzigen: { $wave }
wave-edit-intro = U kunt de datums, het aantal mensen in de doelgroep (N) en de kanalen wijzigen tot de ronde opengaat.
wave-edit-codes-made = { $n ->
    [one] Er is al { $n } code gemaakt. Staat de oude sluitingsdatum al op een brief? Laat mensen dan weten dat de datum anders is.
   *[other] Er zijn al { $n } codes gemaakt. Staat de oude sluitingsdatum al op brieven? Laat mensen dan weten dat de datum anders is.
}
wave-edit-submit = Wijzigingen opslaan
wave-edit-refused = Een ronde die open is, kunt u niet meer wijzigen. Mensen hebben dan al antwoorden gegeven en een brief met de sluitingsdatum gekregen.
wave-edit-refused-since = Deze ronde is open sinds { $date }.
wave-error-opens-past = De openingsdatum is al voorbij. Kies vandaag of een latere dag.
notice-wave-changed = De ronde is gewijzigd.
email-setting-title = Mijn e-mailadres
email-setting-intro = Naar dit adres sturen wij herinneringen over termijnen. Laat het veld leeg als u geen e-mail wilt.
email-setting-label = E-mailadres
email-setting-hint = Bijvoorbeeld naam@gemeente.nl
email-setting-submit = E-mailadres opslaan
email-setting-invalid = Dit is geen e-mailadres. Schrijf het als naam@gemeente.nl.
email-setting-admin-title = E-mailadres van { $username }
email-setting-admin-link = E-mailadres wijzigen
case-search-title = Klacht zoeken
case-search-label = Zoek een klacht
case-search-hint = Typ het zaaknummer (bijvoorbeeld 2026-0042), een deel van de naam of de volgcode.
case-search-submit = Zoeken
case-search-too-short = Typ minstens 2 letters van de naam, een zaaknummer of een volgcode.
case-search-none = Er is geen klacht gevonden die u mag zien.
case-search-found = { $n ->
    [one] { $n } klacht gevonden
   *[other] { $n } klachten gevonden
}
case-search-col-number = Zaaknummer
case-search-col-received = Ontvangen
case-search-col-stage = Fase
case-search-col-handler = Behandelaar
case-search-limit = U ziet de nieuwste { $n }. Maak uw zoekvraag preciezer om de andere te vinden.
workspace-cases-running = { $n ->
    [one] { $n } lopende klacht
   *[other] { $n } lopende klachten
}
workspace-cases-due-soon = { $n ->
    [one] { $n } klacht moet binnen een week klaar zijn
   *[other] { $n } klachten moeten binnen een week klaar zijn
}
workspace-cases-overdue = { $n ->
    [one] { $n } klacht is over de termijn
   *[other] { $n } klachten zijn over de termijn
}
workspace-letters-waiting = { $n ->
    [one] { $n } brief ligt klaar om te printen
   *[other] { $n } brieven liggen klaar om te printen
}
workspace-waves-open = { $n ->
    [one] { $n } ronde is open
   *[other] { $n } rondes zijn open
}
workspace-waves-upcoming = { $n ->
    [one] { $n } ronde gaat nog open
   *[other] { $n } rondes gaan nog open
}
workspace-quotes-waiting = { $n ->
    [one] { $n } citaat wacht op uw besluit
   *[other] { $n } citaten wachten op uw besluit
}
workspace-sheets-aside = { $n ->
    [one] { $n } formulier apart gezet
   *[other] { $n } formulieren apart gezet
}
workspace-mail-failed = { $n ->
    [one] { $n } bericht is niet verstuurd
   *[other] { $n } berichten zijn niet verstuurd
}
# report: period chooser
report-period-running = (loopt nog)
report-period-empty = Voor { $period } zijn er (nog) geen cijfers. Kies een periode uit de lijst.
# coding: suggestions are proposals (issue 19)
coding-language = Taal van de tekst
coding-language-unknown = niet herkend
coding-no-suggestions = Geen suggesties: het programma heeft geen woorden in deze taal. Codeer de tekst zelf.
coding-suggestions-intro = Voorstellen van het programma staan hieronder met de woorden waar ze op rusten. Ze zijn niet aangevinkt: u beslist. Vink een voorstel zelf aan, of druk op + om alle voorstellen aan te vinken.
coding-accept-all = Voorstellen overnemen en opslaan
coding-reason-words = door de woorden
coding-reason-theme = hoort bij het thema { $theme }:
coding-reason-model = geleerd van uw codes ({ $percent }% zeker), door
coding-held-back = (minder waarschijnlijk)
coding-reason-held-back = minder waarschijnlijk ({ $percent }%): u koos deze code bij { $kept } van de { $suggested } teksten waar de woorden hem voorstelden. Woorden:
