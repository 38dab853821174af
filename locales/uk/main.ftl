# Klankbord – тексти українською (проста мова, рівень B1).
# Кожен ключ має бути в кожній мові; це перевіряє тест.

## Layout
layout-skip-link = Перейти до змісту
layout-product-name = Klankbord: як ми з вами поводимося?
layout-language-nav = Виберіть мову
layout-staff-nav = Меню для працівників
layout-logged-in-as = Ви увійшли як { $name }
layout-workspace = Робочий простір
layout-change-password = Змінити пароль
layout-logout = Вийти
layout-privacy = Конфіденційність
layout-accessibility = Доступність
layout-staff-login = Вхід для працівників
layout-footer-note = Власник цього вебсайту: { $municipality }. Те, що ви тут заповнюєте, не впливає на вашу допомогу.

## Home page
home-title = Як муніципалітет із вами поводиться?
home-intro = Ви отримуєте соціальну допомогу? Тоді ми хочемо дізнатися, як наші працівники з вами поводяться.
home-why = Чи вони вас слухають? Чи вони привітні? Чи зрозумілі листи? { $municipality } хоче це знати, щоб працювати краще. Муніципальна рада отримує звіт без імен.
home-what-title = Що ви можете тут зробити?
home-survey-link = Заповнити анкету
home-survey-text = Ви отримали лист із кодом? Тоді заповніть анкету. Це займе приблизно 10 хвилин.
home-complaint-link = Подати скаргу
home-complaint-text = З вами погано поводилися? Розкажіть нам. Напишіть, як з вами зв’язатися, і ви завжди отримаєте відповідь.
home-safe-title = Це не впливає на вашу допомогу
home-safe-text = Те, що ви заповнюєте або розповідаєте, не впливає на вашу допомогу. Через це у вас не буде жодних проблем.
home-anonymous-text = Анкета анонімна. Ніхто в муніципалітеті не може побачити, що ви заповнили.
home-help-title = Потрібна допомога?
home-help-text = Ви можете попросити про допомогу людину, якій довіряєте, наприклад члена родини, незалежного консультанта з підтримки клієнтів або мовного наставника. Анкету також можна заповнити на папері або по телефону.
home-privacy-link = Прочитайте, як ми поводимося з вашими даними

## Log in
login-title = Вхід
login-intro = Ця сторінка для працівників муніципалітету та комісії зі скарг.
login-username = Ім’я користувача
login-password = Пароль
login-submit = Увійти
login-wrong = Ім’я користувача або пароль неправильні. Спробуйте ще раз.
login-wait = Ім’я користувача або пароль були неправильні забагато разів. Зачекайте: ви можете спробувати знову після { $time }.
login-residents-note = Хочете заповнити анкету або подати скаргу? Для цього не потрібно входити.

## Workspace
workspace-title = Робочий простір
workspace-roles = У вас є такі ролі:
workspace-admin-title = Адміністрування
workspace-account-title = Ваш обліковий запис
workspace-logout-everywhere = Вийти всюди (також на інших пристроях)

## Roles
role-beheerder = Адміністратор
role-onderzoeker = Дослідник
role-invoerder = Оператор введення даних
role-klachtcoordinator = Координатор скарг
role-klachtbehandelaar = Працівник з розгляду скарг
role-commissielid = Член комісії зі скарг
role-raadslid = Член муніципальної ради

## User management
users-title = Користувачі
users-caption = Усі облікові записи працівників
users-col-username = Ім’я користувача
users-col-name = Ім’я
users-col-roles = Ролі
users-col-status = Статус
users-status-active = Активний
users-status-disabled = Вимкнений
users-new-title = Новий обліковий запис
users-username-hint = Малі латинські літери, цифри, крапка або дефіс. Наприклад: j.jansen
users-new-submit = Створити обліковий запис
users-back = Назад до всіх користувачів
user-title = Обліковий запис { $username }
user-created = Створено
user-password-changed = Пароль змінено
user-save-roles = Зберегти ролі
user-enable = Знову ввімкнути обліковий запис
user-disable = Вимкнути обліковий запис
user-disable-note = Після вимкнення ця людина більше не зможе увійти. Усі сеанси одразу завершуються.
user-new-password-title = Встановити новий пароль
user-set-password = Встановити пароль
user-sessions-title = Сеанси
user-end-sessions = Завершити всі сеанси цього облікового запису

## Passwords
password-hint = Щонайменше 12 символів. Речення з чотирьох окремих слів — надійне і його легко запам’ятати.
password-current = Поточний пароль
password-new = Новий пароль
password-repeat = Повторіть новий пароль
password-submit = Змінити пароль
password-mismatch = Два нові паролі не збігаються. Введіть їх ще раз.
password-current-wrong = Поточний пароль неправильний.
password-too-short = Пароль закороткий. Використайте щонайменше 12 символів.
password-too-long = Пароль задовгий. Використайте не більше 256 символів.
password-too-common = Цей пароль надто легко вгадати. Його часто використовують, або він схожий на ваше ім’я. Виберіть речення з чотирьох окремих слів.

## Account errors
account-error-username = Введіть ім’я користувача від 3 до 64 символів: малі латинські літери, цифри, крапка, дефіс або нижнє підкреслення.
account-error-display-name = Введіть ім’я довжиною не більше 100 символів.
account-error-username-taken = Таке ім’я користувача вже існує. Виберіть інше.
account-error-no-role = Виберіть щонайменше одну роль.
account-error-not-found = Такого облікового запису не існує.
account-error-self-lockout = Ви не можете вимкнути власний обліковий запис або забрати в себе роль адміністратора. Зверніться до іншого адміністратора.

## Notices
notice-saved = Зміну збережено.
notice-user-created = Обліковий запис створено.
notice-password-changed = Ваш пароль змінено. На інших пристроях ви вийшли з системи.
notice-sessions-ended = Усі сеанси завершено. Увійдіть знову.
notice-logged-out = Ви вийшли з системи.

## Audit log
audit-title = Журнал аудиту
audit-intro = Тут видно, який працівник що робив із даними. Тут немає імен мешканців і змісту скарг.
audit-download = Завантажити як CSV
audit-caption = Дії, спочатку найновіші (сторінка { $page } з { $pages })
audit-col-when = Коли
audit-col-who = Хто
audit-col-action = Дія
audit-col-record = Запис
audit-col-detail = Пояснення
audit-pages = Сторінки журналу аудиту
audit-newer = Новіші дії
audit-older = Старіші дії

## Forms
form-errors-title = Щось заповнено неправильно
form-error-fields = Форма надійшла неправильно. Поверніться назад і спробуйте ще раз.
form-error-csrf = Термін дії форми минув, або вона надіслана не з цього вебсайту. Поверніться назад, оновіть сторінку і спробуйте ще раз.

## Error pages
error-back-home = На головну сторінку
error-400-title = Цей запит неправильний
error-400-text = З тим, що ви надіслали, щось пішло не так. Нічого не збережено.
error-401-title = Спочатку увійдіть
error-401-text = Щоб відкрити цю сторінку, потрібно увійти як працівник.
error-403-title = Немає доступу
error-403-text = Вам не дозволено переглядати цю сторінку або виконувати цю дію. Вважаєте, що це помилка? Зверніться до адміністратора.
error-404-title = Сторінку не знайдено
error-404-text = Такої сторінки немає (або вже немає). Можливо, адресу введено з помилкою.
error-405-title = Тут це неможливо
error-405-text = Ця сторінка не може обробити цей запит.
error-413-title = Завеликий розмір
error-413-text = Те, що ви надіслали, завелике. Зменште розмір і спробуйте ще раз.
error-429-title = Зачекайте трохи
error-429-text = Було зроблено забагато спроб. Зачекайте 10 хвилин і спробуйте ще раз.
error-500-title = Щось пішло не так
error-500-text = У нас щось пішло не так. Це не ваша вина. Спробуйте пізніше.

## E-mail
mail-title = Електронна пошта
mail-intro = Повідомлення чекають тут, доки їх не буде надіслано. Після надсилання ми зберігаємо лише час надсилання і тип повідомлення, але не адресу і не текст.
mail-counts-caption = Повідомлення за статусом
mail-col-count = Кількість
mail-status-pending = Очікує надсилання
mail-status-sending = Надсилається
mail-status-sent = Надіслано
mail-status-failed = Не вдалося надіслати
mail-problems-caption = Повідомлення з проблемами (спочатку найновіші)
mail-col-kind = Тип
mail-col-created = Створено
mail-col-attempts = Спроби
mail-col-error = Остання помилка
mail-test-title = Надіслати тестове повідомлення
mail-test-to = Адреса електронної пошти
mail-test-submit = Надіслати тестове повідомлення
mail-test-invalid = Введіть правильну адресу електронної пошти, наприклад name@example.com.
notice-mail-queued = Тестове повідомлення готове, його буде надіслано протягом хвилини.

# The council report
report-title = Звіт
report-title-period = Звіт за { $period }
report-period = Період
report-period-hint = Квартал, наприклад 2026-Q3, або рік, наприклад 2026.
report-show = Показати
report-open-csv = Усі цифри у форматі CSV (відкриті дані)
report-open-json = Усі цифри у форматі JSON (відкриті дані)
report-open-codebook = Пояснення до відкритих даних (кодова книга, CSV)
report-pdf = Звіт у форматі PDF

# Quotes
quotes-title = Цитати: { $wave }
quotes-intro = Цитати беруться з відповідей на відкриті запитання, і лише тоді, коли кількість людей, які заповнили анкету, становить щонайменше { $k }. Імена, номери телефонів, адреси електронної пошти та поштові адреси, номери BSN (нідерландський персональний номер громадянина) і номери банківських рахунків уже видалено. Прочитайте кожну цитату, за потреби скоротіть її, а потім затвердьте або відхиліть. До звіту потрапляють лише затверджені цитати.
quotes-make = Знайти цитати у відповідях
quotes-none = Цитат ще немає.
quotes-text = Текст цитати
quotes-approve = Затвердити
quotes-reject = Відхилити
quotes-status-kandidaat = Очікує розгляду
quotes-status-goedgekeurd = Затверджено
quotes-status-afgewezen = Відхилено
quotes-link = Цитати для звіту

## Coding open texts
coding-title = Кодування текстів
coding-source = Які тексти
coding-source-wave = Відповіді на відкриті запитання: { $wave }
coding-source-complaints = Скарги за { $year }
coding-show = Показати
coding-progress = Закодовано текстів: { $done } з { $total }.
coding-agreement = Пропозиції програми (закодовано текстів: { $texts }): { $precision }% пропозицій були правильними (точність), а { $recall }% ваших кодів програма запропонувала (повнота).
coding-no-texts = Тут немає текстів для кодування.
coding-all-done = Усі тексти закодовано. Виберіть текст нижче, щоб змінити його коди.
coding-text = Текст
coding-question = Запитання
coding-complaint = Опис скарги
coding-times = використано разів: { $n }
coding-themes = Теми
coding-norms = Норми належної поведінки (behoorlijkheidsnormen)
coding-suggested = (пропозиція)
coding-shortcuts = Використовуйте клавіші швидкого доступу: літера або цифра біля коду позначає його, Enter зберігає.
coding-save = Зберегти і далі
coding-skip = Пропустити
coding-recent = Нещодавно закодовані
coding-recent-caption = Останні десять закодованих текстів
coding-codes = Коди
coding-change = Змінити
codebook-title = Кодова книга
codebook-intro = У кодовій книзі є теми та норми належної поведінки. До кожної теми належать слова і частини речень. Якщо таке слово є в тексті, програма пропонує цю тему. Слово також враховується як початок довшого слова (wacht: wachten, wachttijd).
codebook-add = Додати тему
codebook-name = Назва
codebook-cues = Слова, які вказують на тему
codebook-cues-hint = Через кому, наприклад: bus, reiskosten, ov-kaart
codebook-add-button = Додати тему
codebook-active = Використовувати під час кодування
codebook-save = Зберегти

# security: access
audit-filter-title = Пошук у журналі аудиту
audit-filter-user = Працівник (логін)
audit-filter-user-hint = Наприклад, k.jansen. Залиште порожнім для всіх.
audit-filter-action = Дія
audit-filter-action-hint = Код дії, наприклад complaint.viewed, або його початок, наприклад complaint.
audit-filter-type = Вид даних
audit-filter-type-hint = Наприклад, complaint (скарга), wave (хвиля) або user (обліковий запис).
audit-filter-record = Номер даних
audit-filter-from = З дати
audit-filter-to = До дати (включно)
audit-filter-submit = Шукати
audit-filter-clear = Показати все
audit-filter-count = Кількість знайдених дій: { $n }
audit-filter-error-user = Немає облікового запису з таким логіном. Перевірте, як ви написали ім’я.
audit-filter-error-code = Використовуйте лише малі латинські літери, цифри, крапки та підкреслення, наприклад complaint.viewed.
audit-filter-error-record = Для номера використовуйте лише літери, цифри та знаки - _ . /
audit-filter-error-date = Напишіть дату як дд-мм-рррр, наприклад 01-03-2026.
audit-filter-error-period = Кінцева дата раніше за початкову. Виберіть кінцеву дату в день початку або пізніше.
audit-filter-error-export = Поля пошуку заповнено неправильно. Поверніться до журналу аудиту та виправте їх.

# security: requests
error-408-title = Це тривало занадто довго
error-408-text = Те, що ви надіслали, надходило занадто повільно. Нічого не збережено. Перевірте з’єднання з інтернетом і спробуйте ще раз.
form-error-too-large = Форма більша, ніж ми приймаємо. Нічого не збережено. Поверніться назад, скоротіть текст і спробуйте ще раз.
upload-error-too-large = Нічого не збережено. Поверніться до форми і надішліть менше файлів або менші файли.
upload-error-file-content = Файл { $file } не є тим, що каже його назва. Ми приймаємо лише справжні файли PDF, JPG, PNG, текстові файли, файли Word і OpenOffice. Виберіть інший файл.
upload-error-too-many-files = Можна надіслати не більше { $n } файлів. Виберіть менше.
# security: bounded
paging-label = Сторінки
paging-previous = Попередня сторінка
paging-next = Наступна сторінка
paging-status = Сторінка { $page } з { $pages }
text-shortened = скорочено, усього { $n } символів
# security: disclosure
report-live-link = Проміжні результати опитування, що триває (лише для дослідників)
report-live-title = Проміжні результати опитування, що триває
report-live-notice = Проміжні результати, не для публікації. Ці цифри змінюються, поки триває опитування. Їх немає у звіті, PDF чи відкритих даних: там опитування показують лише після його закриття. Не передавайте їх іншим.
report-live-wave = Опитування { $wave }, відкрите до { $date }. Малі групи тут також приховані.
report-live-through = З відповідями до { $date } включно. Нові відповіді додаються цілими днями і лише тоді, коли їх разом щонайменше { $k }. Так два перегляди ніколи не видадуть відповіді однієї людини.
report-live-nothing-yet = Відповідей для показу ще немає. Відповіді додаються цілими днями і лише тоді, коли їх разом щонайменше { $k }. Так два перегляди ніколи не видадуть відповіді однієї людини.
report-live-waves = Опитування, що тривають
report-live-none = Зараз немає опитування, що триває.

# sso: single sign-on and two-factor codes
sso-login-button = Увійти з обліковим записом організації
login-password-title = Або увійдіть з ім'ям користувача та паролем
break-glass-link = Аварійний доступ для адміністраторів
break-glass-intro = Лише для аварійного облікового запису адміністратора, коли вхід з обліковим записом організації не працює. Кожен вхід тут записується.
sso-refused-title = Увійти не вдалося
sso-refused-state = Ця спроба входу застаріла або вже використана, або ви почали в іншому вікні. Почніть вхід знову.
sso-refused-unreachable = Служба входу вашої організації не відповідає. Спробуйте ще раз за кілька хвилин. Якщо не вийде, зверніться до служби підтримки.
sso-refused-provider = Служба входу вашої організації не дозволила вхід, або вхід було перервано. Почніть вхід знову.
sso-refused-token = Дані від служби входу неправильні, тому ми не можемо вас впустити. Почніть вхід знову. Якщо не вийде, передайте код нижче адміністратору.
sso-refused-no-role = Ви увійшли у своїй організації, але не маєте ролі в klankbord. Попросіть адміністратора надати вам роль.
sso-refused-disabled = Ваш обліковий запис у klankbord вимкнено. Зверніться до адміністратора, якщо вважаєте, що це помилка.
sso-refused-code = Код для адміністратора: { $code }
sso-refused-again = Увійти знову
totp-code-title = Введіть код
totp-code-intro = Пароль правильний. Тепер введіть 6-значний код із застосунку на телефоні. Немає телефону під рукою? Введіть один із кодів відновлення.
totp-code-label = Код
totp-code-hint = 6 цифр із застосунку або код відновлення, наприклад abcd-efgh-jkmn.
totp-code-submit = Перевірити
totp-enrol-title = Налаштувати двоетапний вхід
totp-enrol-required = Ваша роль бачить персональні дані. Тому ви входите з паролем і кодом із застосунку. Спершу налаштуйте це.
totp-enrol-step-app = Встановіть на телефон застосунок для кодів входу, наприклад застосунок-автентифікатор.
totp-enrol-step-scan = Відскануйте цей QR-код застосунком.
totp-enrol-qr-alt = QR-код для сканування застосунком
totp-enrol-manual = Не вдається відсканувати? Введіть цей ключ у застосунку:
totp-enrol-step-code = Введіть 6-значний код, який застосунок показує зараз.
totp-enrol-submit = Підтвердити код
totp-recovery-title = Ваші коди відновлення
totp-enrolled = Двоетапний вхід увімкнено.
totp-recovery-intro = З цими кодами ви можете увійти, коли телефону немає. Кожен код працює один раз.
totp-recovery-once = Ви бачите ці коди лише один раз. Запишіть або роздрукуйте їх і зберігайте в безпечному місці.
totp-recovery-continue = Я зберіг коди, продовжити
totp-own-title = Двоетапний вхід
totp-own-sso = Ви входите з обліковим записом організації. Другий етап забезпечує ваша організація.
totp-own-on = Двоетапний вхід увімкнено.
totp-own-left = У вас залишилося { $count } невикористаних кодів відновлення.
totp-own-lost = Загубили телефон або маєте новий? Попросіть адміністратора скинути коди. Потім ви налаштуєте їх знову під час входу.
totp-own-off = Двоетапний вхід вимкнено. Код із застосунку краще захищає ваш обліковий запис.
totp-own-start = Налаштувати зараз
totp-admin-title = Двоетапний вхід
totp-admin-sso = Цей обліковий запис входить через обліковий запис організації; другий етап забезпечує організація.
totp-admin-on = Увімкнено. Телефон загублено? Скиньте коди. Працівник налаштує їх знову під час наступного входу. Це записується.
totp-admin-reset = Скинути коди
totp-admin-off = Вимкнено.
totp-accepted = Код правильний.
totp-wrong = Код неправильний. Введіть код, який застосунок показує зараз, або код відновлення.
totp-reused = Цей код уже використано. Зачекайте, поки застосунок покаже новий код, і введіть його.
totp-recovery-used = Цей код відновлення вже використано. Кожен код відновлення працює один раз. Використайте інший код.
totp-wait = Код був неправильним надто часто. Зачекайте: ви зможете спробувати знову після { $time }.
notice-totp-reset = Коди скинуто. Працівник налаштує їх знову під час наступного входу.
notice-login-again = Вхід тривав надто довго. Увійдіть знову.
workspace-no-role = У вас ще немає ролі. Попросіть адміністратора надати вам роль.
# journeys: staff everyday tools (Werkplek counts, search, e-mail, wave changes) and CSV for Excel
csv-choice-legend = Тип файлу
csv-choice-puntkomma = Для Excel нідерландською (крапки з комою)
csv-choice-komma = Для інших програм (коми)
export-open-answers = Відкриті відповіді без імен та адрес
export-open-answers-hint = У відкритих відповідях імена, номери телефонів, адреси електронної пошти, адреси, номери BSN і номери рахунків замінено позначками [naam], [telefoonnummer] тощо. У файлі немає номера, дати чи мови для відповіді. Ви можете поділитися ним з радою або дослідницьким бюро. Спочатку прочитайте його.
export-open-answers-too-few = Цей файл створюється лише тоді, коли відповіли щонайменше { $k } людей. Коли людей менше, відповідь надто легко пов'язати з особою.
wave-edit-link = Змінити дати, N або канали
wave-edit-title = Змінити раунд: { $wave }
wave-edit-intro = До відкриття раунду ви можете змінити дати, кількість людей у цільовій групі (N) і канали.
wave-edit-codes-made = Уже створено кодів: { $n }. Якщо стара дата закриття вже є в листах, повідомте людям, що дата змінилася.
wave-edit-submit = Зберегти зміни
wave-edit-refused = Відкритий раунд більше не можна змінити. Люди вже відповіли й отримали лист із датою закриття.
wave-edit-refused-since = Цей раунд відкритий з { $date }.
wave-error-opens-past = Дата відкриття вже минула. Оберіть сьогодні або пізніший день.
notice-wave-changed = Раунд змінено.
email-setting-title = Моя адреса електронної пошти
email-setting-intro = На цю адресу ми надсилаємо нагадування про строки. Залиште поле порожнім, якщо не хочете отримувати листи.
email-setting-label = Адреса електронної пошти
email-setting-hint = Наприклад name@gemeente.nl
email-setting-submit = Зберегти адресу
email-setting-invalid = Це не адреса електронної пошти. Напишіть її як name@gemeente.nl.
email-setting-admin-title = Адреса електронної пошти { $username }
email-setting-admin-link = Змінити адресу електронної пошти
case-search-title = Знайти скаргу
case-search-label = Знайти скаргу
case-search-hint = Введіть номер справи (наприклад 2026-0042), частину імені або код відстеження.
case-search-submit = Шукати
case-search-too-short = Введіть щонайменше 2 літери імені, номер справи або код відстеження.
case-search-none = Не знайдено скарги, яку ви можете бачити.
case-search-found = Знайдено скарг: { $n }
case-search-col-number = Номер справи
case-search-col-received = Отримано
case-search-col-stage = Етап
case-search-col-handler = Відповідальний
case-search-limit = Ви бачите { $n } найновіших. Уточніть пошук, щоб знайти інші.
workspace-cases-running = Поточні скарги: { $n }
workspace-cases-due-soon = Скарги зі строком протягом тижня: { $n }
workspace-cases-overdue = Скарги з пропущеним строком: { $n }
workspace-letters-waiting = Листи, готові до друку: { $n }
workspace-waves-open = Відкриті раунди: { $n }
workspace-waves-upcoming = Раунди, що ще відкриються: { $n }
workspace-quotes-waiting = Цитати, що чекають вашого рішення: { $n }
workspace-sheets-aside = Відкладені форми: { $n }
workspace-mail-failed = Не надіслані повідомлення: { $n }
# report: period chooser
report-period-running = (ще триває)
report-period-empty = Для { $period } (ще) немає даних. Виберіть період зі списку.
# coding: suggestions are proposals (issue 19)
coding-language = Мова тексту
coding-language-unknown = не розпізнано
coding-no-suggestions = Немає пропозицій: програма не має слів цією мовою. Закодуйте текст самостійно.
coding-suggestions-intro = Пропозиції програми нижче, разом зі словами, на яких вони ґрунтуються. Вони не позначені: ви вирішуєте. Позначте пропозицію самі або натисніть +, щоб позначити всі пропозиції.
coding-accept-all = Прийняти пропозиції та зберегти
coding-reason-words = через слова
coding-reason-theme = належить до теми { $theme }:
coding-reason-model = вивчено з ваших кодів (впевненість { $percent }%), через
coding-held-back = (менш імовірно)
coding-reason-held-back = менш імовірно ({ $percent }%): ви обрали цей код у { $kept } з { $suggested } текстів, де слова його пропонували. Слова:
