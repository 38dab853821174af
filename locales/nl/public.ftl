# Klankbord – contactgegevens, privacyverklaring en toegankelijkheidsverklaring (taalniveau B1).
# Elke sleutel moet in elke taal bestaan; een test controleert dit.
# Getallen met een woord erachter krijgen een vorm mee ($days_form enzovoort: one, two, few, many, other).

## Contactgegevens van de gemeente (één onderdeel voor pagina's, brieven en papieren vragenlijsten)
contact-title = Contact met { $municipality }
contact-intro = Hebt u een vraag, of wilt u hulp? Bel, mail of kom langs.
contact-phone = Telefoon
contact-email = E-mail
contact-visit = Bezoekadres
contact-hours = Openingstijden
contact-post = Postadres
contact-website = Website
contact-line = { $municipality }:
contact-line-phone = telefoon
contact-line-email = e-mail
contact-letter-intro = Hebt u een vraag? Neem contact op met { $municipality }.

## Privacyverklaring
privacy-title = Privacyverklaring: wat doen wij met uw gegevens?
privacy-intro = Op deze website kunt u een vragenlijst invullen en een klacht indienen. Hier leest u welke gegevens { $municipality } daarvoor gebruikt, waarom, en hoe lang wij ze bewaren. U leest ook wat uw rechten zijn.
privacy-controller-title = Wie is verantwoordelijk?
privacy-controller-text = Het college van burgemeester en wethouders van { $municipality } is verantwoordelijk voor uw gegevens op deze website. In de wet heet dat: de verwerkingsverantwoordelijke.
privacy-officer-text = De gemeente heeft een functionaris gegevensbescherming (FG). De FG let erop dat de gemeente zich aan de privacywet houdt. Die wet heet de Algemene verordening gegevensbescherming (AVG).
privacy-officer-mail = E-mail van de FG:
privacy-purposes-title = Waarvoor gebruiken wij uw gegevens?
privacy-purposes-intro = Wij gebruiken uw gegevens alleen voor de doelen hieronder. Bij elk doel staat op welke regel uit de wet wij ons baseren. Dat heet de grondslag.
privacy-what = Welke gegevens
privacy-why = Waarom
privacy-basis = Grondslag
privacy-survey-title = De vragenlijst
privacy-survey-data = Uw antwoorden. Wij bewaren ze zonder uw naam, adres of code, en met de datum, niet met het tijdstip. Zo kan niemand uw antwoorden aan u koppelen. Kreeg u de uitnodiging per e-mail? Dan gebruiken wij uw e-mailadres alleen voor de uitnodiging en hoogstens twee herinneringen.
privacy-survey-why = Wij willen weten hoe onze medewerkers omgaan met mensen in de bijstand, en wat beter kan.
privacy-survey-basis = Een taak van algemeen belang (AVG artikel 6 lid 1 sub e): de gemeente voert de Participatiewet uit en wil dat goed doen.
privacy-volunteer-title = Meedoen aan een gesprek
privacy-volunteer-data = Wilt u na de vragenlijst meedoen aan een gesprek? Dan bewaren wij uw naam, uw telefoonnummer of e-mailadres, en wanneer wij u het best kunnen bellen. Wij bewaren dit los van uw antwoorden.
privacy-volunteer-why = Een onderzoeker belt of mailt u om een afspraak te maken.
privacy-volunteer-basis = Uw toestemming (AVG artikel 6 lid 1 sub a). U mag uw toestemming altijd intrekken. Dan halen wij uw gegevens weg.
privacy-complaint-title = Een klacht
privacy-complaint-data = Uw naam en de gegevens die u invult zodat wij u kunnen bereiken (adres, e-mailadres, telefoonnummer), wat u schrijft, de bestanden die u meestuurt, onze brieven en het verslag van een gesprek. Alleen de medewerkers die uw klacht behandelen, en de klachtencommissie, kunnen dit zien. U mag ook zonder naam klagen. Wij kunnen u dan geen antwoord sturen.
privacy-complaint-why = Wij behandelen uw klacht en geven u antwoord.
privacy-complaint-basis = Een wettelijke plicht (AVG artikel 6 lid 1 sub c): volgens de Algemene wet bestuursrecht (hoofdstuk 9) moet de gemeente klachten behandelen en registreren.
privacy-report-title = Verslagen voor de gemeenteraad
privacy-report-data = Alleen totalen en percentages, zonder namen. Is een groep kleiner dan { $k } mensen? Dan laten wij het getal weg. Citaten uit open antwoorden gebruiken wij zonder namen, telefoonnummers en adressen, en alleen als een onderzoeker ze heeft goedgekeurd. Ook het klachtenregister heeft geen namen.
privacy-report-why = De gemeenteraad controleert hoe de gemeente haar werk doet.
privacy-report-basis = Een taak van algemeen belang (AVG artikel 6 lid 1 sub e): het college moet de gemeenteraad informeren (Gemeentewet artikel 169) en elk jaar de klachten bekendmaken (Algemene wet bestuursrecht artikel 9:12a).
privacy-staff-title = Medewerkers die inloggen
privacy-staff-data = Van medewerkers, leden van de klachtencommissie en raadsleden met een account: naam, gebruikersnaam, e-mailadres en rollen. Een logboek houdt bij wie wat deed, met nummers en zonder de inhoud.
privacy-staff-why = Alleen wie dat mag, kan gegevens zien. En achteraf kan iemand nagaan wie wat deed.
privacy-staff-basis = Een taak van algemeen belang (AVG artikel 6 lid 1 sub e), en de wettelijke plicht om gegevens goed te beveiligen (AVG artikel 32, artikel 6 lid 1 sub c).
privacy-cookies-title = Cookies
privacy-cookies-text = Wij gebruiken alleen cookies die nodig zijn: om uw taal te onthouden, om formulieren te beveiligen, en om uw code te onthouden terwijl u de vragenlijst invult. Medewerkers krijgen een cookie om ingelogd te blijven. Wij volgen u niet en tonen geen advertenties.
privacy-logs-text = In de technische logboeken van deze website staan geen namen, e-mailadressen, klachten of codes.
privacy-retention-title = Hoe lang bewaren wij uw gegevens?
privacy-retention-intro = Wij bewaren gegevens niet langer dan nodig. Daarna haalt het programma ze vanzelf weg.
privacy-retention-data = Gegevens
privacy-retention-period = Hoe lang
privacy-keep-invite = Uw e-mailadres voor de uitnodiging
privacy-keep-invite-period = Tot u de code gebruikt, en niet langer dan tot de vragenlijst sluit.
privacy-keep-draft = Antwoorden die u nog niet hebt verstuurd
privacy-keep-draft-period = Tot de vragenlijst sluit.
privacy-keep-answers = Verstuurde antwoorden (zonder naam, adres of code)
privacy-keep-answers-period = Zonder einddatum, om uitkomsten te vergelijken met eerdere jaren. Niemand kan ze aan u koppelen.
privacy-keep-volunteer = Naam en telefoonnummer of e-mailadres voor een gesprek
privacy-keep-volunteer-period = { $days } { $days_form ->
        [one] dag
       *[other] dagen
    } nadat de vragenlijst sluit.
privacy-keep-complaint = Uw klacht en alles wat over u gaat
privacy-keep-complaint-period = { $years } jaar nadat uw klacht klaar is. Daarna halen wij alles weg wat over u gaat. Alleen gegevens zonder naam blijven over, zoals de datum, het soort klacht en de uitkomst.
privacy-keep-mail = E-mails die wij sturen
privacy-keep-mail-period = Het e-mailadres en de tekst halen wij weg zodra de e-mail verstuurd is. Brieven over een klacht bewaren wij bij de klacht.
privacy-keep-session = Ingelogd blijven (medewerkers)
privacy-keep-session-period = Na { $minutes } { $minutes_form ->
        [one] minuut
       *[other] minuten
    } zonder gebruik is de medewerker uitgelogd, en altijd na { $hours } uur.
privacy-keep-attempts = Het aantal pogingen om in te loggen of een formulier te versturen (met een onleesbaar gemaakte code in plaats van het IP-adres)
privacy-keep-attempts-period = Eén dag.
privacy-keep-account = Account van een medewerker
privacy-keep-account-period = Zolang de medewerker een account heeft. Het logboek (met nummers, zonder inhoud) wordt niet gewist. Zo kan altijd iemand nagaan wie wat deed.
privacy-recipients-title = Wie krijgt uw gegevens?
privacy-recipients-text = Wij geven uw gegevens niet aan anderen buiten de gemeente, en wij verkopen ze niet. Gaf een raadslid uw klacht aan ons door? Dan laten wij het raadslid weten wat er met de klacht gebeurde, zonder uw persoonlijke gegevens.
privacy-processors-text = Een bedrijf zorgt voor ons voor de computers waarop deze website draait, en voor het versturen van e-mail. Dat heet een verwerker. Een verwerker mag uw gegevens alleen voor ons gebruiken. Dat staat in een contract met de gemeente (verwerkersovereenkomst).
privacy-processors-named = Voor deze website is dat: { $provider }.
privacy-automated = Een computer neemt nooit alleen een besluit over u.
privacy-rights-title = Uw rechten
privacy-rights-intro = U hebt deze rechten:
privacy-right-access = Inzage: u mag vragen welke gegevens wij van u hebben.
privacy-right-correction = Verbetering: klopt een gegeven niet? Dan mag u vragen om het te verbeteren.
privacy-right-erasure = Verwijdering: u mag vragen om uw gegevens weg te halen. Soms moeten wij gegevens van de wet bewaren. Dan leggen wij uit waarom.
privacy-right-restriction = Beperking: u mag vragen om uw gegevens een tijd niet te gebruiken, bijvoorbeeld terwijl wij nagaan of ze kloppen.
privacy-right-objection = Bezwaar: u mag bezwaar maken als wij uw gegevens gebruiken voor een taak van algemeen belang. Wij stoppen dan, behalve als wij een belangrijke reden hebben om door te gaan.
privacy-right-withdraw = Toestemming intrekken: gaf u toestemming, bijvoorbeeld voor een gesprek? Dan mag u die altijd intrekken.
privacy-rights-how = Wilt u een van deze rechten gebruiken? Neem contact op met de gemeente of met de FG. U krijgt binnen een maand antwoord. Misschien vragen wij u om te laten zien wie u bent.
privacy-rights-anonymous = Uw antwoorden op de vragenlijst zijn anoniem. Wij weten dus niet welke antwoorden van u zijn. Daarom kunnen wij ze niet aan u laten zien, niet verbeteren en niet weghalen.
privacy-complain-title = Niet tevreden?
privacy-complain-text = Bent u het niet eens met hoe wij met uw gegevens omgaan? Neem dan eerst contact op met de FG. U mag ook een klacht indienen bij de Autoriteit Persoonsgegevens. Die houdt toezicht op privacy in Nederland.
privacy-complain-link = Naar de website van de Autoriteit Persoonsgegevens

## Toegankelijkheidsverklaring
a11y-title = Toegankelijkheidsverklaring
a11y-intro = { $municipality } wil dat iedereen deze website kan gebruiken, ook mensen met een beperking. De wet vraagt dat ook van de gemeente (Besluit digitale toegankelijkheid overheid). Hier leest u hoe toegankelijk de website is.
a11y-scope-title = Over welke website gaat deze verklaring?
a11y-scope-text = Deze verklaring gaat over de website { $url }: de vragenlijst, het klachtenformulier, de pagina om een klacht te volgen, de privacyverklaring en de pagina's voor medewerkers van de gemeente.
a11y-scope-excluded = Bestanden die inwoners zelf meesturen met een klacht, vallen niet onder deze verklaring.
a11y-status-title = Hoe toegankelijk is de website?
a11y-status-label = Status
a11y-status-value = Voldoet gedeeltelijk
a11y-standard-label = Norm
a11y-standard-value = WCAG 2.1, niveau A en AA (Europese norm EN 301 549)
a11y-date-label = Datum van deze verklaring
a11y-version-label = Versie van het programma
a11y-status-why = Bij elke wijziging testen wij de website automatisch. Die tests vinden nu geen fouten. Maar automatische tests vinden niet alle problemen, en een deskundige heeft de website nog niet helemaal met de hand onderzocht. Daarom zeggen wij: de website voldoet gedeeltelijk.
a11y-evidence-title = Hoe hebben wij getest?
a11y-evidence-intro = Deze tests horen bij het programma en draaien bij elke wijziging. Zij zijn de onderbouwing van deze verklaring:
a11y-evidence-axe = axe-core (een programma dat fouten tegen de WCAG-regels zoekt) in de browser Chromium, in alle zes talen, op: de startpagina, inloggen, de privacyverklaring, deze verklaring en de foutpagina; elke pagina van de vragenlijst (elke soort vraag, foutmeldingen, het overzicht, de bedankpagina en de aanmelding voor een gesprek); het klachtenformulier, de ontvangstpagina en de pagina om een klacht te volgen. Ook pagina's voor medewerkers, in het Nederlands.
a11y-evidence-keyboard = Met alleen het toetsenbord, met zichtbare focus: de hele vragenlijst invullen in het Nederlands en in het Arabisch (van rechts naar links), een klacht indienen en volgen, en inloggen.
a11y-evidence-languages = De website is er in het Nederlands, Engels, Arabisch, Turks, Pools en Oekraïens. Een test controleert dat elke tekst in elke taal bestaat.
a11y-evidence-print = De papieren vragenlijst is in elke taal gecontroleerd: elke vraag past heel op een A4. Het verslag voor de gemeenteraad als PDF heeft koppen, tabellen en beschrijvingen van grafieken voor schermlezers.
a11y-evidence-files = De tests staan in deze bestanden van het programma:
a11y-issues-title = Wat werkt nog niet goed?
a11y-issue-audit = Een deskundige heeft de website nog niet helemaal met de hand onderzocht. Een automatische test kan bijvoorbeeld niet beoordelen of een tekst duidelijk is. { $municipality } laat dit onderzoek nog doen.
a11y-issue-dutch = Adressen en openingstijden van de gemeente staan er alleen in het Nederlands, ook als u een andere taal kiest.
a11y-issue-staff = De pagina's voor medewerkers zijn alleen in het Nederlands getest.
a11y-feedback-title = Werkt iets niet goed voor u?
a11y-feedback-text = Laat het ons weten. Zeg op welke pagina het was en wat er niet werkte. Wij helpen u dan op een andere manier, bijvoorbeeld aan de telefoon. En wij lossen het probleem op.
a11y-complaint-text = Bent u niet tevreden met ons antwoord? Dan kunt u een klacht indienen. Bent u daarna nog niet tevreden? Dan kunt u naar de ombudsman:
a11y-complaint-link = Een klacht indienen
