# Klankbord – dane kontaktowe, oświadczenie o prywatności i deklaracja dostępności (prosty język).
# Każdy klucz musi istnieć w każdym języku; sprawdza to test.
# Liczby ze słowem po nich dostają formę ($days_form itd.: one, few, many, other).

## Dane kontaktowe gminy (jedna część dla stron, listów i papierowych ankiet)
contact-title = Kontakt z { $municipality }
contact-intro = Mają Państwo pytanie albo potrzebują pomocy? Prosimy zadzwonić, napisać e-mail lub przyjść do nas.
contact-phone = Telefon
contact-email = E-mail
contact-visit = Adres dla odwiedzających
contact-hours = Godziny otwarcia
contact-post = Adres pocztowy
contact-website = Strona internetowa
contact-line = { $municipality }:
contact-line-phone = telefon
contact-line-email = e-mail
contact-letter-intro = Mają Państwo pytanie? Prosimy o kontakt z { $municipality }.

## Oświadczenie o prywatności
privacy-title = Oświadczenie o prywatności: co robimy z Państwa danymi?
privacy-intro = Na tej stronie można wypełnić ankietę i złożyć skargę. Tutaj można przeczytać, jakich danych { $municipality } do tego używa, dlaczego i jak długo je przechowujemy. Można też przeczytać, jakie mają Państwo prawa.
privacy-controller-title = Kto jest odpowiedzialny?
privacy-controller-text = Za Państwa dane na tej stronie odpowiada zarząd gminy (college van burgemeester en wethouders) { $municipality }. W przepisach nazywa się to administratorem danych.
privacy-officer-text = Gmina ma inspektora ochrony danych (functionaris gegevensbescherming, FG). Inspektor sprawdza, czy gmina przestrzega przepisów o prywatności. Są to przepisy ogólnego rozporządzenia o ochronie danych (RODO, po niderlandzku: AVG).
privacy-officer-mail = E-mail inspektora ochrony danych:
privacy-purposes-title = Do czego używamy Państwa danych?
privacy-purposes-intro = Używamy Państwa danych tylko do celów opisanych poniżej. Przy każdym celu podajemy, na jakim przepisie prawa się opieramy. Nazywa się to podstawą prawną.
privacy-what = Jakie dane
privacy-why = Dlaczego
privacy-basis = Podstawa prawna
privacy-survey-title = Ankieta
privacy-survey-data = Państwa odpowiedzi. Przechowujemy je bez imienia i nazwiska, adresu i kodu, z datą, ale bez godziny. Dzięki temu nikt nie może połączyć odpowiedzi z Państwa osobą. Dostali Państwo zaproszenie e-mailem? Wtedy używamy adresu e-mail tylko do zaproszenia i najwyżej dwóch przypomnień.
privacy-survey-why = Chcemy wiedzieć, jak nasi pracownicy traktują osoby na zasiłku (bijstand) i co można poprawić.
privacy-survey-basis = Zadanie realizowane w interesie publicznym (art. 6 ust. 1 lit. e RODO): gmina wykonuje ustawę o partycypacji (Participatiewet) i chce robić to dobrze.
privacy-volunteer-title = Udział w rozmowie
privacy-volunteer-data = Chcą Państwo po ankiecie wziąć udział w rozmowie? Wtedy przechowujemy imię i nazwisko, numer telefonu lub adres e-mail oraz informację, kiedy najlepiej zadzwonić. Przechowujemy to oddzielnie od Państwa odpowiedzi.
privacy-volunteer-why = Badacz dzwoni lub pisze e-mail, aby umówić termin.
privacy-volunteer-basis = Państwa zgoda (art. 6 ust. 1 lit. a RODO). Zgodę można zawsze wycofać. Wtedy usuwamy Państwa dane.
privacy-complaint-title = Skarga
privacy-complaint-data = Imię i nazwisko oraz dane, które Państwo podają, abyśmy mogli się z Państwem skontaktować (adres, e-mail, telefon), to, co Państwo napiszą, przesłane pliki, nasze listy i protokół z rozmowy. Widzą to tylko pracownicy, którzy zajmują się skargą, oraz komisja skarg. Można też złożyć skargę bez podawania nazwiska. Wtedy nie możemy wysłać odpowiedzi.
privacy-complaint-why = Rozpatrujemy skargę i udzielamy odpowiedzi.
privacy-complaint-basis = Obowiązek prawny (art. 6 ust. 1 lit. c RODO): zgodnie z ogólną ustawą o prawie administracyjnym (Algemene wet bestuursrecht, rozdział 9) gmina musi rozpatrywać i rejestrować skargi.
privacy-report-title = Raporty dla rady gminy
privacy-report-data = Tylko sumy i procenty, bez nazwisk. Jeśli grupa liczy mniej niż { $k } osób, nie podajemy tej liczby. Cytatów z otwartych odpowiedzi używamy bez nazwisk, numerów telefonów i adresów, i tylko po zatwierdzeniu przez badacza. Rejestr skarg także nie zawiera nazwisk.
privacy-report-why = Rada gminy kontroluje, jak gmina wykonuje swoją pracę.
privacy-report-basis = Zadanie realizowane w interesie publicznym (art. 6 ust. 1 lit. e RODO): zarząd gminy musi informować radę (ustawa o gminach, Gemeentewet, art. 169) i co roku publikować skargi (ogólna ustawa o prawie administracyjnym, art. 9:12a).
privacy-staff-title = Pracownicy, którzy się logują
privacy-staff-data = Pracownicy, członkowie komisji skarg i radni z kontem: imię i nazwisko, nazwa użytkownika, adres e-mail i role. Dziennik zapisuje, kto co zrobił, za pomocą numerów i bez treści.
privacy-staff-why = Dane widzą tylko osoby, które mają do tego prawo. Później można sprawdzić, kto co zrobił.
privacy-staff-basis = Zadanie realizowane w interesie publicznym (art. 6 ust. 1 lit. e RODO) oraz obowiązek prawny dobrego zabezpieczenia danych (art. 32 RODO, art. 6 ust. 1 lit. c).
privacy-cookies-title = Pliki cookie
privacy-cookies-text = Używamy tylko niezbędnych plików cookie: aby zapamiętać Państwa język, chronić formularze i zapamiętać kod podczas wypełniania ankiety. Pracownicy dostają plik cookie, aby pozostać zalogowanymi. Nie śledzimy Państwa i nie pokazujemy reklam.
privacy-logs-text = W dziennikach technicznych tej strony nie ma nazwisk, adresów e-mail, skarg ani kodów.
privacy-retention-title = Jak długo przechowujemy Państwa dane?
privacy-retention-intro = Nie przechowujemy danych dłużej, niż to konieczne. Potem program sam je usuwa.
privacy-retention-data = Dane
privacy-retention-period = Jak długo
privacy-keep-invite = Adres e-mail do zaproszenia
privacy-keep-invite-period = Do użycia kodu, najdłużej do zamknięcia ankiety.
privacy-keep-draft = Odpowiedzi, których Państwo jeszcze nie wysłali
privacy-keep-draft-period = Do zamknięcia ankiety.
privacy-keep-answers = Wysłane odpowiedzi (bez imienia i nazwiska, adresu i kodu)
privacy-keep-answers-period = Bez daty końcowej, aby porównywać wyniki z wcześniejszymi latami. Nikt nie może ich połączyć z Państwa osobą.
privacy-keep-volunteer = Imię i nazwisko oraz telefon lub e-mail do rozmowy
privacy-keep-volunteer-period = { $days } { $days_form ->
        [one] dzień
       *[other] dni
    } po zamknięciu ankiety.
privacy-keep-complaint = Skarga i wszystko, co dotyczy Państwa
privacy-keep-complaint-period = { $years } { $years_form ->
        [one] rok
        [few] lata
       *[other] lat
    } po zakończeniu skargi. Potem usuwamy wszystko, co dotyczy Państwa. Zostają tylko dane bez nazwisk, na przykład data, rodzaj skargi i wynik.
privacy-keep-mail = E-maile, które wysyłamy
privacy-keep-mail-period = Adres e-mail i treść usuwamy zaraz po wysłaniu e-maila. Listy dotyczące skargi przechowujemy razem ze skargą.
privacy-keep-session = Pozostanie zalogowanym (pracownicy)
privacy-keep-session-period = Po { $minutes } { $minutes_form ->
        [one] minucie
       *[other] minutach
    } bez używania pracownik zostaje wylogowany, a zawsze po { $hours } { $hours_form ->
        [one] godzinie
       *[other] godzinach
    }.
privacy-keep-attempts = Liczba prób logowania lub wysłania formularza (z kodem, którego nie da się odczytać, zamiast adresu IP)
privacy-keep-attempts-period = Jeden dzień.
privacy-keep-account = Konto pracownika
privacy-keep-account-period = Tak długo, jak pracownik ma konto. Dziennik (z numerami, bez treści) nie jest usuwany. Dzięki temu zawsze można sprawdzić, kto co zrobił.
privacy-recipients-title = Kto otrzymuje Państwa dane?
privacy-recipients-text = Nie przekazujemy Państwa danych nikomu poza gminą i ich nie sprzedajemy. Czy skargę przekazał nam radny? Wtedy informujemy radnego, co stało się ze skargą, bez Państwa danych osobowych.
privacy-processors-text = Pewna firma zajmuje się dla nas komputerami, na których działa ta strona, oraz wysyłaniem e-maili. Nazywa się to podmiotem przetwarzającym. Podmiot przetwarzający może używać Państwa danych tylko dla nas. Jest to zapisane w umowie z gminą (umowa powierzenia przetwarzania danych).
privacy-processors-named = Dla tej strony jest to: { $provider }.
privacy-automated = Komputer nigdy sam nie podejmuje decyzji w Państwa sprawie.
privacy-rights-title = Państwa prawa
privacy-rights-intro = Mają Państwo następujące prawa:
privacy-right-access = Dostęp: mogą Państwo zapytać, jakie dane o Państwu mamy.
privacy-right-correction = Sprostowanie: jeśli jakaś informacja jest błędna, mogą Państwo poprosić o jej poprawienie.
privacy-right-erasure = Usunięcie: mogą Państwo poprosić o usunięcie danych. Czasem prawo każe nam dane przechowywać. Wtedy wyjaśniamy dlaczego.
privacy-right-restriction = Ograniczenie: mogą Państwo poprosić, abyśmy przez jakiś czas nie używali danych, na przykład gdy sprawdzamy, czy są poprawne.
privacy-right-objection = Sprzeciw: mogą Państwo wnieść sprzeciw, gdy używamy danych do zadania w interesie publicznym. Wtedy przestajemy, chyba że mamy ważny powód, aby kontynuować.
privacy-right-withdraw = Wycofanie zgody: jeśli wyrazili Państwo zgodę, na przykład na rozmowę, mogą ją Państwo zawsze wycofać.
privacy-rights-how = Chcą Państwo skorzystać z jednego z tych praw? Prosimy o kontakt z gminą lub z inspektorem ochrony danych. Odpowiedź przyjdzie w ciągu miesiąca. Możemy poprosić o potwierdzenie tożsamości.
privacy-rights-anonymous = Odpowiedzi w ankiecie są anonimowe. Nie wiemy więc, które odpowiedzi są Państwa. Dlatego nie możemy ich pokazać, poprawić ani usunąć.
privacy-complain-title = Nie są Państwo zadowoleni?
privacy-complain-text = Nie zgadzają się Państwo ze sposobem, w jaki używamy danych? Prosimy najpierw skontaktować się z inspektorem ochrony danych. Można też złożyć skargę do niderlandzkiego urzędu ochrony danych (Autoriteit Persoonsgegevens). Ten urząd nadzoruje prywatność w Holandii.
privacy-complain-link = Przejdź do strony niderlandzkiego urzędu ochrony danych

## Deklaracja dostępności
a11y-title = Deklaracja dostępności
a11y-intro = { $municipality } chce, aby każdy mógł korzystać z tej strony, także osoby z niepełnosprawnością. Wymaga tego od gminy również prawo (Besluit digitale toegankelijkheid overheid). Tutaj można przeczytać, jak dostępna jest strona.
a11y-scope-title = Której strony dotyczy ta deklaracja?
a11y-scope-text = Ta deklaracja dotyczy strony { $url }: ankiety, formularza skargi, strony do śledzenia skargi, oświadczenia o prywatności i stron dla pracowników gminy.
a11y-scope-excluded = Pliki, które mieszkańcy sami przesyłają ze skargą, nie są objęte tą deklaracją.
a11y-status-title = Jak dostępna jest strona?
a11y-status-label = Status
a11y-status-value = Częściowo zgodna
a11y-standard-label = Norma
a11y-standard-value = WCAG 2.1, poziom A i AA (norma europejska EN 301 549)
a11y-date-label = Data tej deklaracji
a11y-version-label = Wersja programu
a11y-status-why = Przy każdej zmianie testujemy stronę automatycznie. Te testy nie znajdują teraz błędów. Ale testy automatyczne nie znajdują wszystkich problemów, a ekspert nie sprawdził jeszcze ręcznie całej strony. Dlatego mówimy: strona jest częściowo zgodna.
a11y-evidence-title = Jak testowaliśmy?
a11y-evidence-intro = Te testy są częścią programu i działają przy każdej zmianie. Są podstawą tej deklaracji:
a11y-evidence-axe = axe-core (program, który szuka błędów według zasad WCAG) w przeglądarce Chromium, we wszystkich sześciu językach, na: stronie głównej, stronie logowania, oświadczeniu o prywatności, tej deklaracji i stronie błędu; każdej stronie ankiety (każdy rodzaj pytania, komunikaty o błędach, podsumowanie, strona z podziękowaniem i zgłoszenie na rozmowę); formularzu skargi, stronie potwierdzenia i stronie do śledzenia skargi. Także strony dla pracowników, po niderlandzku.
a11y-evidence-keyboard = Tylko za pomocą klawiatury, z widocznym fokusem: wypełnienie całej ankiety po niderlandzku i po arabsku (od prawej do lewej), złożenie i śledzenie skargi oraz logowanie.
a11y-evidence-languages = Strona jest dostępna po niderlandzku, angielsku, arabsku, turecku, polsku i ukraińsku. Test sprawdza, czy każdy tekst istnieje w każdym języku.
a11y-evidence-print = Papierową ankietę sprawdzono w każdym języku: każde pytanie mieści się w całości na stronie A4. Raport dla rady gminy w formacie PDF ma nagłówki, tabele i opisy wykresów dla czytników ekranu.
a11y-evidence-files = Testy znajdują się w tych plikach programu:
a11y-issues-title = Co jeszcze nie działa dobrze?
a11y-issue-audit = Ekspert nie sprawdził jeszcze ręcznie całej strony. Test automatyczny nie oceni na przykład, czy tekst jest zrozumiały. { $municipality } zleci jeszcze takie badanie.
a11y-issue-dutch = Adresy i godziny otwarcia gminy są tylko po niderlandzku, także gdy wybiorą Państwo inny język.
a11y-issue-staff = Strony dla pracowników zostały przetestowane tylko po niderlandzku.
a11y-feedback-title = Coś u Państwa nie działa?
a11y-feedback-text = Prosimy nam o tym powiedzieć. Prosimy podać, na której stronie to było i co nie działało. Wtedy pomożemy w inny sposób, na przykład przez telefon. I naprawimy problem.
a11y-complaint-text = Nie są Państwo zadowoleni z naszej odpowiedzi? Wtedy mogą Państwo złożyć skargę. Jeśli potem nadal nie są Państwo zadowoleni, mogą się Państwo zwrócić do rzecznika (ombudsman):
a11y-complaint-link = Złóż skargę
