# Klankbord – teksty po polsku (prosty język, poziom B1).
# Każdy klucz musi istnieć w każdym języku; sprawdza to test.

## Layout
layout-skip-link = Przejdź do treści
layout-product-name = Klankbord: jak Państwa traktujemy?
layout-language-nav = Wybierz język
layout-staff-nav = Menu dla pracowników
layout-logged-in-as = Zalogowano jako { $name }
layout-workspace = Miejsce pracy
layout-change-password = Zmień hasło
layout-logout = Wyloguj się
layout-privacy = Prywatność
layout-accessibility = Dostępność
layout-staff-login = Logowanie dla pracowników
layout-footer-note = Tę stronę internetową prowadzi { $municipality }. To, co Państwo tu wpiszą, nie ma wpływu na Państwa zasiłek.

## Home page
home-title = Jak gmina Państwa traktuje?
home-intro = Czy otrzymują Państwo zasiłek z pomocy społecznej? Chcemy wiedzieć, jak nasi pracownicy Państwa traktują.
home-why = Czy Państwa słuchają? Czy są uprzejmi? Czy listy są zrozumiałe? { $municipality } chce to wiedzieć, aby działać lepiej. Rada gminy dostaje raport bez nazwisk.
home-what-title = Co można tu zrobić?
home-survey-link = Wypełnij ankietę
home-survey-text = Czy dostali Państwo list z kodem? Prosimy wypełnić ankietę. Zajmie to około 10 minut.
home-complaint-link = Złóż skargę
home-complaint-text = Czy zostali Państwo źle potraktowani? Prosimy nam o tym powiedzieć. Jeśli podadzą Państwo, jak się z Państwem skontaktować, zawsze otrzymają Państwo odpowiedź.
home-safe-title = To nie ma wpływu na Państwa zasiłek
home-safe-text = To, co Państwo wpiszą lub nam powiedzą, nie ma wpływu na Państwa zasiłek. Nie będą mieli Państwo z tego powodu żadnych problemów.
home-anonymous-text = Ankieta jest anonimowa. Nikt w gminie nie zobaczy, co Państwo wpisali.
home-help-title = Potrzebują Państwo pomocy?
home-help-text = Mogą Państwo poprosić o pomoc osobę, której Państwo ufają, na przykład członka rodziny, niezależnego doradcę wspierającego klientów albo nauczyciela języka. Ankietę można też wypełnić na papierze lub przez telefon.
home-privacy-link = Jak postępujemy z Państwa danymi

## Log in
login-title = Logowanie
login-intro = Ta strona jest dla pracowników gminy i komisji skarg.
login-username = Nazwa użytkownika
login-password = Hasło
login-submit = Zaloguj się
login-wrong = Nazwa użytkownika lub hasło są nieprawidłowe. Prosimy spróbować ponownie.
login-wait = Nazwa użytkownika lub hasło były zbyt wiele razy nieprawidłowe. Prosimy poczekać: można spróbować ponownie po { $time }.
login-residents-note = Chcą Państwo wypełnić ankietę lub złożyć skargę? Do tego nie trzeba się logować.

## Workspace
workspace-title = Miejsce pracy
workspace-roles = Mają Państwo te role:
workspace-admin-title = Zarządzanie
workspace-account-title = Państwa konto
workspace-logout-everywhere = Wyloguj się wszędzie (także na innych urządzeniach)

## Roles
role-beheerder = Administrator
role-onderzoeker = Badacz
role-invoerder = Osoba wprowadzająca dane
role-klachtcoordinator = Koordynator skarg
role-klachtbehandelaar = Osoba rozpatrująca skargi
role-commissielid = Członek komisji skarg
role-raadslid = Radny

## User management
users-title = Użytkownicy
users-caption = Wszystkie konta pracowników
users-col-username = Nazwa użytkownika
users-col-name = Imię i nazwisko
users-col-roles = Role
users-col-status = Status
users-status-active = Aktywne
users-status-disabled = Wyłączone
users-new-title = Nowe konto
users-username-hint = Małe litery, cyfry, kropka lub łącznik. Na przykład: j.jansen
users-new-submit = Utwórz konto
users-back = Wróć do wszystkich użytkowników
user-title = Konto { $username }
user-created = Utworzono
user-password-changed = Hasło zmieniono
user-save-roles = Zapisz role
user-enable = Włącz konto ponownie
user-disable = Wyłącz konto
user-disable-note = Po wyłączeniu ta osoba nie może się już zalogować. Wszystkie sesje kończą się od razu.
user-new-password-title = Ustaw nowe hasło
user-set-password = Ustaw hasło
user-sessions-title = Sesje
user-end-sessions = Zakończ wszystkie sesje tego konta

## Passwords
password-hint = Co najmniej 12 znaków. Zdanie z czterech osobnych słów jest silne i łatwe do zapamiętania.
password-current = Obecne hasło
password-new = Nowe hasło
password-repeat = Powtórz nowe hasło
password-submit = Zmień hasło
password-mismatch = Dwa nowe hasła nie są takie same. Prosimy wpisać je ponownie.
password-current-wrong = Obecne hasło jest nieprawidłowe.
password-too-short = Hasło jest za krótkie. Prosimy użyć co najmniej 12 znaków.
password-too-long = Hasło jest za długie. Prosimy użyć najwyżej 256 znaków.
password-too-common = To hasło jest za łatwe do odgadnięcia. Jest często używane albo przypomina Państwa nazwisko. Prosimy wybrać zdanie z czterech osobnych słów.

## Account errors
account-error-username = Prosimy wpisać nazwę użytkownika od 3 do 64 znaków: małe litery, cyfry, kropka, łącznik lub podkreślnik.
account-error-display-name = Prosimy wpisać imię i nazwisko, najwyżej 100 znaków.
account-error-username-taken = Ta nazwa użytkownika już istnieje. Prosimy wybrać inną.
account-error-no-role = Prosimy wybrać co najmniej jedną rolę.
account-error-not-found = To konto nie istnieje.
account-error-self-lockout = Nie można wyłączyć własnego konta ani usunąć sobie roli administratora. Prosimy zwrócić się do innego administratora.

## Notices
notice-saved = Zmiana została zapisana.
notice-user-created = Konto zostało utworzone.
notice-password-changed = Hasło zostało zmienione. Na innych urządzeniach nastąpiło wylogowanie.
notice-sessions-ended = Wszystkie sesje zostały zakończone. Prosimy zalogować się ponownie.
notice-logged-out = Wylogowano.

## Audit log
audit-title = Dziennik audytu
audit-intro = Tutaj widać, który pracownik co zrobił z danymi. Nie ma tu nazwisk mieszkańców ani treści skarg.
audit-download = Pobierz jako CSV
audit-caption = Działania, od najnowszych (strona { $page } z { $pages })
audit-col-when = Kiedy
audit-col-who = Kto
audit-col-action = Działanie
audit-col-record = Rekord
audit-col-detail = Szczegóły
audit-pages = Strony dziennika audytu
audit-newer = Nowsze działania
audit-older = Starsze działania

## Forms
form-errors-title = Coś zostało źle wypełnione
form-error-fields = Formularz nie dotarł prawidłowo. Prosimy wrócić i spróbować ponownie.
form-error-csrf = Formularz wygasł lub nie pochodzi z tej strony. Prosimy wrócić, odświeżyć stronę i spróbować jeszcze raz.

## Error pages
error-back-home = Przejdź do strony głównej
error-400-title = To żądanie jest nieprawidłowe
error-400-text = Coś poszło nie tak z wysłanymi danymi. Nic nie zostało zapisane.
error-401-title = Prosimy najpierw się zalogować
error-401-text = Aby zobaczyć tę stronę, trzeba być zalogowanym jako pracownik.
error-403-title = Brak dostępu
error-403-text = Nie mają Państwo uprawnień do tej strony lub tego działania. Uważają Państwo, że to pomyłka? Prosimy zapytać administratora.
error-404-title = Nie znaleziono strony
error-404-text = Ta strona nie istnieje (już). Być może adres został źle wpisany.
error-405-title = Tego nie można tu zrobić
error-405-text = Ta strona nie może obsłużyć tego żądania.
error-413-title = Za duże
error-413-text = Wysłane dane są za duże. Prosimy je zmniejszyć i spróbować ponownie.
error-429-title = Prosimy chwilę poczekać
error-429-text = Było zbyt wiele prób. Prosimy odczekać 10 minut i spróbować ponownie.
error-500-title = Coś poszło nie tak
error-500-text = Coś poszło nie tak po naszej stronie. To nie Państwa wina. Prosimy spróbować później.

## E-mail
mail-title = E-mail
mail-intro = Wiadomości czekają tutaj, aż zostaną wysłane. Po wysłaniu przechowujemy tylko informację, kiedy wiadomość wysłano i jakiego była rodzaju, ale nie adres ani treść.
mail-counts-caption = Wiadomości według statusu
mail-col-count = Liczba
mail-status-pending = Czeka na wysłanie
mail-status-sending = W trakcie wysyłania
mail-status-sent = Wysłano
mail-status-failed = Nie udało się wysłać
mail-problems-caption = Wiadomości z problemami (od najnowszych)
mail-col-kind = Rodzaj
mail-col-created = Utworzono
mail-col-attempts = Próby
mail-col-error = Ostatni błąd
mail-test-title = Wyślij wiadomość testową
mail-test-to = Adres e-mail
mail-test-submit = Wyślij wiadomość testową
mail-test-invalid = Prosimy wpisać prawidłowy adres e-mail, na przykład nazwa@example.com.
notice-mail-queued = Wiadomość testowa jest gotowa i zostanie wysłana w ciągu minuty.

# The council report
report-title = Raport
report-title-period = Raport za { $period }
report-period = Okres
report-period-hint = Kwartał, na przykład 2026-Q3, albo rok, na przykład 2026.
report-show = Pokaż
report-open-csv = Wszystkie liczby jako CSV (otwarte dane)
report-open-json = Wszystkie liczby jako JSON (otwarte dane)
report-open-codebook = Objaśnienie otwartych danych (książka kodów, CSV)
report-pdf = Raport w formacie PDF

# Quotes
quotes-title = Cytaty: { $wave }
quotes-intro = Cytaty pochodzą z odpowiedzi na pytania otwarte i są dostępne tylko wtedy, gdy liczba osób, które wypełniły ankietę, wynosi co najmniej { $k }. Imiona i nazwiska, numery telefonów, adresy e-mail i adresy zamieszkania, numery BSN (holenderski numer identyfikacyjny obywatela) oraz numery kont bankowych zostały już usunięte. Prosimy przeczytać każdy cytat, w razie potrzeby go skrócić, a następnie zatwierdzić lub odrzucić. Do raportu trafiają tylko zatwierdzone cytaty.
quotes-make = Wyszukaj cytaty w odpowiedziach
quotes-none = Nie ma jeszcze żadnych cytatów.
quotes-text = Treść cytatu
quotes-approve = Zatwierdź
quotes-reject = Odrzuć
quotes-status-kandidaat = Czeka na ocenę
quotes-status-goedgekeurd = Zatwierdzono
quotes-status-afgewezen = Odrzucono
quotes-link = Cytaty do raportu

## Coding open texts
coding-title = Kodowanie tekstów
coding-source = Które teksty
coding-source-wave = Odpowiedzi na pytania otwarte: { $wave }
coding-source-complaints = Skargi za { $year }
coding-show = Pokaż
coding-progress = Zakodowane teksty: { $done } z { $total }.
coding-agreement = Propozycje programu (zakodowane teksty: { $texts }): { $precision }% propozycji było trafnych (precyzja), a { $recall }% Państwa kodów program zaproponował (czułość).
coding-no-texts = Nie ma tu tekstów do kodowania.
coding-all-done = Wszystkie teksty są zakodowane. Prosimy wybrać tekst poniżej, aby zmienić jego kody.
coding-text = Tekst
coding-question = Pytanie
coding-complaint = Opis skargi
coding-times = liczba użyć: { $n }
coding-themes = Tematy
coding-norms = Standardy właściwego postępowania (behoorlijkheidsnormen)
coding-suggested = (propozycja)
coding-shortcuts = Można używać skrótów klawiszowych: litera lub cyfra przy kodzie zaznacza go, Enter zapisuje.
coding-save = Zapisz i przejdź dalej
coding-skip = Pomiń
coding-recent = Ostatnio zakodowane
coding-recent-caption = Ostatnie dziesięć zakodowanych tekstów
coding-codes = Kody
coding-change = Zmień
codebook-title = Księga kodów
codebook-intro = W księdze kodów są tematy i standardy właściwego postępowania. Do każdego tematu należą słowa i fragmenty zdań. Jeśli takie słowo jest w tekście, program proponuje ten temat. Słowo liczy się też jako początek dłuższego słowa (wacht: wachten, wachttijd).
codebook-add = Dodaj temat
codebook-name = Nazwa
codebook-cues = Słowa, które wskazują na temat
codebook-cues-hint = Oddzielone przecinkami, na przykład: bus, reiskosten, ov-kaart
codebook-add-button = Dodaj temat
codebook-active = Używać przy kodowaniu
codebook-save = Zapisz

# security: access
audit-filter-title = Szukaj w dzienniku audytu
audit-filter-user = Pracownik (login)
audit-filter-user-hint = Na przykład k.jansen. Zostaw puste dla wszystkich.
audit-filter-action = Czynność
audit-filter-action-hint = Kod czynności, np. complaint.viewed, albo jego początek, np. complaint.
audit-filter-type = Rodzaj danych
audit-filter-type-hint = Na przykład complaint (skarga), wave (runda) lub user (konto).
audit-filter-record = Numer danych
audit-filter-from = Od daty
audit-filter-to = Do daty (włącznie)
audit-filter-submit = Szukaj
audit-filter-clear = Pokaż wszystko
audit-filter-count = Liczba znalezionych czynności: { $n }
audit-filter-error-user = Nie ma konta o tym loginie. Sprawdź, jak wpisano nazwę.
audit-filter-error-code = Używaj tylko małych liter, cyfr, kropek i podkreśleń, np. complaint.viewed.
audit-filter-error-record = W numerze używaj tylko liter, cyfr i znaków - _ . /
audit-filter-error-date = Wpisz datę jako dd-mm-rrrr, na przykład 01-03-2026.
audit-filter-error-period = Data końcowa jest przed datą początkową. Wybierz datę końcową w dniu początkowym lub później.
audit-filter-error-export = Pola wyszukiwania są niepoprawne. Wróć do dziennika audytu i popraw je.

# security: requests
error-408-title = To trwało za długo
error-408-text = Wysłane dane docierały za wolno. Nic nie zostało zapisane. Prosimy sprawdzić połączenie z internetem i spróbować ponownie.
form-error-too-large = Formularz jest większy, niż przyjmujemy. Nic nie zostało zapisane. Prosimy wrócić, skrócić tekst i spróbować ponownie.
upload-error-too-large = Nic nie zostało zapisane. Prosimy wrócić do formularza i wysłać mniej plików lub mniejsze pliki.
upload-error-file-content = Plik { $file } nie jest tym, co mówi jego nazwa. Przyjmujemy tylko prawdziwe pliki PDF, JPG, PNG, tekstowe, Word i OpenOffice. Prosimy wybrać inny plik.
upload-error-too-many-files = Można wysłać najwyżej { $n } plików. Prosimy wybrać mniej.
# security: bounded
paging-label = Strony
paging-previous = Poprzednia strona
paging-next = Następna strona
paging-status = Strona { $page } z { $pages }
text-shortened = skrócono, łącznie { $n } znaków
# security: disclosure
report-live-link = Wyniki cząstkowe trwającej ankiety (tylko dla badaczy)
report-live-title = Wyniki cząstkowe trwającej ankiety
report-live-notice = Wyniki cząstkowe, niepubliczne. Te liczby zmieniają się, dopóki ankieta trwa. Nie ma ich w raporcie, w pliku PDF ani w otwartych danych: tam ankieta pojawia się dopiero po zamknięciu. Nie przekazuj ich dalej.
report-live-wave = Ankieta { $wave }, otwarta do { $date }. Małe grupy są tu również ukryte.
report-live-through = Z odpowiedziami do { $date } włącznie. Nowe odpowiedzi dochodzą całymi dniami i dopiero, gdy jest ich razem co najmniej { $k }. Dzięki temu z dwukrotnego sprawdzenia nie da się odczytać odpowiedzi jednej osoby.
report-live-nothing-yet = Nie ma jeszcze odpowiedzi do pokazania. Odpowiedzi dochodzą całymi dniami i dopiero, gdy jest ich razem co najmniej { $k }. Dzięki temu z dwukrotnego sprawdzenia nie da się odczytać odpowiedzi jednej osoby.
report-live-waves = Trwające ankiety
report-live-none = Obecnie nie trwa żadna ankieta.

# sso: single sign-on and two-factor codes
sso-login-button = Zaloguj się kontem organizacji
login-password-title = Lub zaloguj się nazwą użytkownika i hasłem
break-glass-link = Dostęp awaryjny dla administratorów
break-glass-intro = Tylko dla awaryjnego konta administratora, gdy logowanie kontem organizacji nie działa. Każde logowanie tutaj jest zapisywane.
sso-refused-title = Logowanie nie powiodło się
sso-refused-state = Ta próba logowania wygasła lub została już użyta albo zaczęto ją w innym oknie. Zacznij logowanie od nowa.
sso-refused-unreachable = Usługa logowania Twojej organizacji nie odpowiada. Spróbuj ponownie za kilka minut. Jeśli nadal nie działa, skontaktuj się z działem wsparcia.
sso-refused-provider = Usługa logowania Twojej organizacji nie zezwoliła na logowanie albo logowanie zostało przerwane. Zacznij logowanie od nowa.
sso-refused-token = Dane z usługi logowania są nieprawidłowe, dlatego nie możemy Cię wpuścić. Zacznij logowanie od nowa. Jeśli to nie pomoże, przekaż poniższy kod administratorowi.
sso-refused-no-role = Jesteś zalogowany w swojej organizacji, ale nie masz roli w klankbord. Poproś administratora o nadanie roli.
sso-refused-disabled = Twoje konto w klankbord jest wyłączone. Skontaktuj się z administratorem, jeśli uważasz, że to błąd.
sso-refused-code = Kod dla administratora: { $code }
sso-refused-again = Zaloguj się ponownie
totp-code-title = Wpisz kod
totp-code-intro = Hasło jest poprawne. Teraz wpisz 6-cyfrowy kod z aplikacji w telefonie. Nie masz telefonu przy sobie? Wpisz jeden z kodów odzyskiwania.
totp-code-label = Kod
totp-code-hint = 6 cyfr z aplikacji lub kod odzyskiwania, np. abcd-efgh-jkmn.
totp-code-submit = Sprawdź
totp-enrol-title = Ustaw logowanie dwuetapowe
totp-enrol-required = Twoja rola widzi dane osobowe. Dlatego logujesz się hasłem i kodem z aplikacji. Najpierw to ustaw.
totp-enrol-step-app = Zainstaluj w telefonie aplikację do kodów logowania, na przykład aplikację typu authenticator.
totp-enrol-step-scan = Zeskanuj ten kod QR aplikacją.
totp-enrol-qr-alt = Kod QR do zeskanowania aplikacją
totp-enrol-manual = Nie możesz zeskanować? Wpisz ten klucz w aplikacji:
totp-enrol-step-code = Wpisz 6-cyfrowy kod, który aplikacja teraz pokazuje.
totp-enrol-submit = Potwierdź kod
totp-recovery-title = Twoje kody odzyskiwania
totp-enrolled = Logowanie dwuetapowe jest włączone.
totp-recovery-intro = Tymi kodami możesz się zalogować, gdy nie masz telefonu. Każdy kod działa jeden raz.
totp-recovery-once = Te kody widzisz tylko raz. Zapisz je lub wydrukuj i przechowuj w bezpiecznym miejscu.
totp-recovery-continue = Zapisałem kody, dalej
totp-own-title = Logowanie dwuetapowe
totp-own-sso = Logujesz się kontem organizacji. Drugim etapem zajmuje się Twoja organizacja.
totp-own-on = Logowanie dwuetapowe jest włączone.
totp-own-left = Pozostało { $count } niewykorzystanych kodów odzyskiwania.
totp-own-lost = Zgubiony lub nowy telefon? Poproś administratora o zresetowanie kodów. Potem ustawisz je ponownie przy logowaniu.
totp-own-off = Logowanie dwuetapowe jest wyłączone. Kod z aplikacji lepiej chroni Twoje konto.
totp-own-start = Ustaw teraz
totp-admin-title = Logowanie dwuetapowe
totp-admin-sso = To konto loguje się kontem organizacji; drugim etapem zajmuje się organizacja.
totp-admin-on = Włączone. Telefon zgubiony? Zresetuj kody. Pracownik ustawi je ponownie przy następnym logowaniu. To jest zapisywane.
totp-admin-reset = Zresetuj kody
totp-admin-off = Wyłączone.
totp-accepted = Kod jest poprawny.
totp-wrong = Kod jest niepoprawny. Wpisz kod, który aplikacja teraz pokazuje, lub kod odzyskiwania.
totp-reused = Ten kod został już użyty. Poczekaj, aż aplikacja pokaże nowy kod, i wpisz go.
totp-recovery-used = Ten kod odzyskiwania został już użyty. Każdy kod odzyskiwania działa jeden raz. Użyj innego kodu.
totp-wait = Kod był zbyt często błędny. Poczekaj chwilę: możesz spróbować ponownie po { $time }.
notice-totp-reset = Kody zostały zresetowane. Pracownik ustawi je ponownie przy następnym logowaniu.
notice-login-again = Logowanie trwało zbyt długo. Zaloguj się ponownie.
workspace-no-role = Nie masz jeszcze roli. Poproś administratora o nadanie roli.
# journeys: staff everyday tools (Werkplek counts, search, e-mail, wave changes) and CSV for Excel
csv-choice-legend = Rodzaj pliku
csv-choice-puntkomma = Dla Excela po niderlandzku (średniki)
csv-choice-komma = Dla innych programów (przecinki)
export-open-answers = Otwarte odpowiedzi, bez nazwisk i adresów
export-open-answers-hint = W otwartych odpowiedziach nazwiska, numery telefonów, adresy e-mail, adresy, numery BSN i numery kont zastąpiono znacznikami [naam], [telefoonnummer] itd. Plik nie ma numeru, daty ani języka przy odpowiedzi. Można go udostępnić radzie lub biuru badawczemu. Najpierw go przeczytaj.
export-open-answers-too-few = Ten plik powstaje dopiero, gdy odpowiedziało co najmniej { $k } osób. Przy mniejszej liczbie osób odpowiedź łatwo powiązać z osobą.
wave-edit-link = Zmień daty, N lub kanały
wave-edit-title = Zmień rundę: { $wave }
wave-edit-intro = Do otwarcia rundy możesz zmienić daty, liczbę osób w grupie docelowej (N) i kanały.
wave-edit-codes-made = Utworzone już kody: { $n }. Jeśli stara data zamknięcia jest na listach, poinformuj ludzi, że data się zmieniła.
wave-edit-submit = Zapisz zmiany
wave-edit-refused = Otwartej rundy nie można już zmienić. Ludzie już odpowiedzieli i dostali list z datą zamknięcia.
wave-edit-refused-since = Ta runda jest otwarta od { $date }.
wave-error-opens-past = Data otwarcia już minęła. Wybierz dzisiaj lub późniejszy dzień.
notice-wave-changed = Runda została zmieniona.
email-setting-title = Mój adres e-mail
email-setting-intro = Na ten adres wysyłamy przypomnienia o terminach. Zostaw pole puste, jeśli nie chcesz e-maili.
email-setting-label = Adres e-mail
email-setting-hint = Na przykład imie@gmina.nl
email-setting-submit = Zapisz adres e-mail
email-setting-invalid = To nie jest adres e-mail. Napisz go jako imie@gmina.nl.
email-setting-admin-title = Adres e-mail użytkownika { $username }
email-setting-admin-link = Zmień adres e-mail
case-search-title = Znajdź skargę
case-search-label = Znajdź skargę
case-search-hint = Wpisz numer sprawy (na przykład 2026-0042), część nazwiska lub kod śledzenia.
case-search-submit = Szukaj
case-search-too-short = Wpisz co najmniej 2 litery nazwiska, numer sprawy lub kod śledzenia.
case-search-none = Nie znaleziono skargi, którą możesz zobaczyć.
case-search-found = Znalezione skargi: { $n }
case-search-col-number = Numer sprawy
case-search-col-received = Otrzymano
case-search-col-stage = Etap
case-search-col-handler = Osoba rozpatrująca
case-search-limit = Widzisz { $n } najnowszych. Zawęź wyszukiwanie, aby znaleźć pozostałe.
workspace-cases-running = Trwające skargi: { $n }
workspace-cases-due-soon = Skargi z terminem w ciągu tygodnia: { $n }
workspace-cases-overdue = Skargi po terminie: { $n }
workspace-letters-waiting = Listy gotowe do wydruku: { $n }
workspace-waves-open = Otwarte rundy: { $n }
workspace-waves-upcoming = Rundy jeszcze nieotwarte: { $n }
workspace-quotes-waiting = Cytaty czekające na decyzję: { $n }
workspace-sheets-aside = Formularze odłożone na bok: { $n }
workspace-mail-failed = Niewysłane wiadomości: { $n }
# report: period chooser
report-period-running = (jeszcze trwa)
report-period-empty = Dla okresu { $period } nie ma (jeszcze) danych. Proszę wybrać okres z listy.
# coding: suggestions are proposals (issue 19)
coding-language = Język tekstu
coding-language-unknown = nierozpoznany
coding-no-suggestions = Brak propozycji: program nie ma słów w tym języku. Zakoduj tekst samodzielnie.
coding-suggestions-intro = Propozycje programu są poniżej, ze słowami, na których się opierają. Nie są zaznaczone: to Ty decydujesz. Zaznacz propozycję samodzielnie albo naciśnij +, aby zaznaczyć wszystkie propozycje.
coding-accept-all = Przyjmij propozycje i zapisz
coding-reason-words = z powodu słów
coding-reason-theme = należy do tematu { $theme }:
coding-reason-model = nauczone z Twoich kodów (pewność { $percent }%), z powodu
coding-held-back = (mniej prawdopodobne)
coding-reason-held-back = mniej prawdopodobne ({ $percent }%): ten kod został wybrany w { $kept } z { $suggested } tekstów, w których słowa go proponowały. Słowa:
