# Klankbord – texts in English (plain language, level B1).
# Every key must exist in every language; a test checks this.

## Layout
layout-skip-link = Skip to content
layout-product-name = Klankbord: how do we treat you?
layout-language-nav = Choose your language
layout-staff-nav = Menu for staff
layout-logged-in-as = Logged in as { $name }
layout-workspace = Workspace
layout-change-password = Change password
layout-logout = Log out
layout-privacy = Privacy
layout-accessibility = Accessibility
layout-staff-login = Staff login
layout-footer-note = This website belongs to { $municipality }. What you fill in here has no effect on your benefit.

## Home page
home-title = How does the municipality treat you?
home-intro = Do you receive a social assistance benefit? Then we would like to know how our staff treat you.
home-why = Do they listen to you? Are they friendly? Are the letters clear? { $municipality } wants to know this so it can do better. The municipal council receives a report, without names.
home-what-title = What can you do here?
home-survey-link = Fill in the questionnaire
home-survey-text = Did you get a letter with a code? Then please fill in the questionnaire. It takes about 10 minutes.
home-complaint-link = Make a complaint
home-complaint-text = Were you not treated well? Tell us. Tell us how to reach you, and you will always get an answer.
home-safe-title = This has no effect on your benefit
home-safe-text = What you fill in or tell us has no effect on your benefit. It will not cause you any problems.
home-anonymous-text = The questionnaire is anonymous. Nobody at the municipality can see what you filled in.
home-help-title = Need help?
home-help-text = You may ask someone you trust for help, for example a family member, an independent client support worker or a language coach. You can also fill in the questionnaire on paper or by phone.
home-privacy-link = Read how we handle your personal data

## Log in
login-title = Log in
login-intro = This page is for staff of the municipality and the complaints committee.
login-username = Username
login-password = Password
login-submit = Log in
login-wrong = The username or password is not correct. Please try again.
login-wait = The username or password was wrong too many times. Please wait: you can try again after { $time }.
login-residents-note = Do you want to fill in the questionnaire or make a complaint? You do not need to log in for that.

## Workspace
workspace-title = Workspace
workspace-roles = You have these roles:
workspace-admin-title = Administration
workspace-account-title = Your account
workspace-logout-everywhere = Log out everywhere (also on other devices)

## Roles
role-beheerder = Administrator
role-onderzoeker = Researcher
role-invoerder = Data entry clerk
role-klachtcoordinator = Complaints coordinator
role-klachtbehandelaar = Complaint handler
role-commissielid = Complaints committee member
role-raadslid = Council member

## User management
users-title = Users
users-caption = All staff accounts
users-col-username = Username
users-col-name = Name
users-col-roles = Roles
users-col-status = Status
users-status-active = Active
users-status-disabled = Disabled
users-new-title = New account
users-username-hint = Lowercase letters, numbers, full stop or hyphen. For example: j.jansen
users-new-submit = Create account
users-back = Back to all users
user-title = Account { $username }
user-created = Created on
user-password-changed = Password changed on
user-save-roles = Save roles
user-enable = Turn account back on
user-disable = Disable account
user-disable-note = After disabling, this person can no longer log in. All sessions stop immediately.
user-new-password-title = Set a new password
user-set-password = Set password
user-sessions-title = Sessions
user-end-sessions = End all sessions of this account

## Passwords
password-hint = At least 12 characters. A sentence of four separate words is strong and easy to remember.
password-current = Current password
password-new = New password
password-repeat = Repeat the new password
password-submit = Change password
password-mismatch = The two new passwords are not the same. Please type them again.
password-current-wrong = The current password is not correct.
password-too-short = The password is too short. Use at least 12 characters.
password-too-long = The password is too long. Use at most 256 characters.
password-too-common = This password is too easy to guess. It is used a lot or looks like your name. Choose a sentence of four separate words.

## Account errors
account-error-username = Enter a username of 3 to 64 characters: lowercase letters, numbers, full stop, hyphen or underscore.
account-error-display-name = Enter a name of at most 100 characters.
account-error-username-taken = This username already exists. Choose another one.
account-error-no-role = Choose at least one role.
account-error-not-found = This account does not exist.
account-error-self-lockout = You cannot disable your own account or remove your own administrator role. Ask another administrator.

## Notices
notice-saved = The change has been saved.
notice-user-created = The account has been created.
notice-password-changed = Your password has been changed. You have been logged out on other devices.
notice-sessions-ended = All sessions have been ended. Please log in again.
notice-logged-out = You have been logged out.

## Audit log
audit-title = Audit log
audit-intro = This shows which staff member did what with data. It contains no names of residents and no content of complaints.
audit-download = Download as CSV
audit-caption = Actions, newest first (page { $page } of { $pages })
audit-col-when = When
audit-col-who = Who
audit-col-action = Action
audit-col-record = Record
audit-col-detail = Details
audit-pages = Pages of the audit log
audit-newer = Newer actions
audit-older = Older actions

## Forms
form-errors-title = Something was not filled in correctly
form-error-fields = The form did not arrive correctly. Go back and try again.
form-error-csrf = The form has expired or did not come from this website. Go back, reload the page and try once more.

## Error pages
error-back-home = Go to the home page
error-400-title = This request is not correct
error-400-text = Something went wrong with what you sent. Nothing has been saved.
error-401-title = Please log in first
error-401-text = For this page you must be logged in as a staff member.
error-403-title = No access
error-403-text = You are not allowed to view this page or do this action. Do you think this is a mistake? Ask the administrator.
error-404-title = Page not found
error-404-text = This page does not exist (any more). Maybe the address was typed wrongly.
error-405-title = This is not possible here
error-405-text = This page cannot handle this request.
error-413-title = Too large
error-413-text = What you sent is too large. Make it smaller and try again.
error-429-title = Please wait a moment
error-429-text = Too many attempts were made. Wait 10 minutes and then try again.
error-500-title = Something went wrong
error-500-text = Something went wrong on our side. It is not your fault. Please try again later.

## E-mail
mail-title = Email
mail-intro = Messages wait here until they have been sent. After sending, we only keep when it was sent and what kind of message it was, not the address or the text.
mail-counts-caption = Messages by status
mail-col-count = Number
mail-status-pending = Waiting to be sent
mail-status-sending = Being sent
mail-status-sent = Sent
mail-status-failed = Failed
mail-problems-caption = Messages with problems (newest first)
mail-col-kind = Type
mail-col-created = Created on
mail-col-attempts = Attempts
mail-col-error = Last error
mail-test-title = Send a test message
mail-test-to = Email address
mail-test-submit = Send test message
mail-test-invalid = Enter a valid email address, for example name@example.com.
notice-mail-queued = The test message is ready and will be sent within a minute.

# The council report
report-title = Report
report-title-period = Report { $period }
report-period = Period
report-period-hint = A quarter, such as 2026-Q3, or a year, such as 2026.
report-show = Show
report-open-csv = All figures as CSV (open data)
report-open-json = All figures as JSON (open data)
report-open-codebook = What the open data means (codebook, CSV)
report-pdf = The report as PDF

# Quotes
quotes-title = Quotes: { $wave }
quotes-intro = Quotes come from the answers to open questions, and only if at least { $k } people filled in the questionnaire. Names, phone numbers, email and street addresses, BSN numbers (Dutch citizen service numbers) and bank account numbers have already been removed. Read each quote, shorten it if needed, and approve or reject it. Only approved quotes appear in the report.
quotes-make = Find quotes in the answers
quotes-none = There are no quotes yet.
quotes-text = Text of the quote
quotes-approve = Approve
quotes-reject = Reject
quotes-status-kandidaat = Waiting to be reviewed
quotes-status-goedgekeurd = Approved
quotes-status-afgewezen = Rejected
quotes-link = Quotes for the report

## Coding open texts
coding-title = Code texts
coding-source = Which texts
coding-source-wave = Open answers: { $wave }
coding-source-complaints = Complaints { $year }
coding-show = Show
coding-progress = { $total ->
    [one] { $done } of { $total } text coded.
   *[other] { $done } of { $total } texts coded.
}
coding-agreement = The program's suggestions, over { $texts } coded texts: { $precision }% of the suggestions were right (precision) and { $recall }% of your codes were suggested (recall).
coding-no-texts = There are no texts to code here.
coding-all-done = All texts are coded. Choose a text below to change its codes.
coding-text = Text
coding-question = Question
coding-complaint = Description of a complaint
coding-times = given { $n } times
coding-themes = Themes
coding-norms = Standards of proper conduct (behoorlijkheidsnormen)
coding-suggested = (suggested)
coding-shortcuts = Use shortcut keys: the letter or digit beside a code ticks it, Enter saves.
coding-save = Save and next
coding-skip = Skip
coding-recent = Coded last
coding-recent-caption = The last ten coded texts
coding-codes = Codes
coding-change = Change
codebook-title = Codebook
codebook-intro = The codebook holds the themes and the standards of proper conduct. A theme has words and phrases. When such a word is in a text, the program suggests the theme; you decide. A word counts in all its forms (wachten, wachtte) and as the last part of a compound (klantvriendelijk). With * every word that starts so counts (wacht*: wachttijd). With .. words may stand in between (als .. kind). With - a word counts only with a negation or wish (-luister: luistert niet).
codebook-add = Add a theme
codebook-name = Name
codebook-cues = Words that suggest the theme
codebook-cues-hint = Separated by commas, for example: bus, reiskosten, ov-kaart
codebook-add-button = Add theme
codebook-active = Use when coding
codebook-save = Save

# security: access
audit-filter-title = Search the audit log
audit-filter-user = Staff member (login name)
audit-filter-user-hint = For example k.jansen. Leave empty for everyone.
audit-filter-action = Action
audit-filter-action-hint = An action code, such as complaint.viewed, or its beginning, such as complaint.
audit-filter-type = Kind of record
audit-filter-type-hint = For example complaint, wave or user (account).
audit-filter-record = Number of the record
audit-filter-from = From date
audit-filter-to = Up to and including date
audit-filter-submit = Search
audit-filter-clear = Show everything
audit-filter-count = Number of actions found: { $n }
audit-filter-error-user = There is no account with this login name. Check how you wrote the name.
audit-filter-error-code = Use only lower-case letters, digits, dots and underscores, such as complaint.viewed.
audit-filter-error-record = Use only letters, digits and the characters - _ . / for the number.
audit-filter-error-date = Write the date as dd-mm-yyyy, for example 01-03-2026.
audit-filter-error-period = The end date is before the start date. Choose an end date on or after the start date.
audit-filter-error-export = The search fields are not correct. Go back to the audit log and correct them.

# security: requests
error-408-title = That took too long
error-408-text = What you sent arrived too slowly. Nothing was saved. Check your internet connection and try again.
form-error-too-large = The form is larger than we accept. Nothing was saved. Go back, make your text shorter and try again.
upload-error-too-large = Nothing was saved. Go back to the form and send fewer or smaller files.
upload-error-file-content = The file { $file } is not what its name says. We only accept real PDF, JPG, PNG, text, Word and OpenOffice files. Choose another file.
upload-error-too-many-files = You can send at most { $n } files. Choose fewer.
# security: bounded
paging-label = Pages
paging-previous = Previous page
paging-next = Next page
paging-status = Page { $page } of { $pages }
text-shortened = shortened, { $n } characters in total
# security: disclosure
report-live-link = Interim figures of a running questionnaire (researchers only)
report-live-title = Interim figures of a running questionnaire
report-live-notice = Interim figures, not public. These figures change while the questionnaire runs. They are not in the report, the PDF or the open data: those show a questionnaire only after it has closed. Do not pass them on.
report-live-wave = Questionnaire { $wave }, open until { $date }. Small groups are hidden here too.
report-live-through = With the answers up to and including { $date }. New answers are added per whole day, and only once there are at least { $k } together. So looking twice never gives away one person's answers.
report-live-nothing-yet = There are no answers to show yet. Answers are added per whole day, and only once there are at least { $k } together. So looking twice never gives away one person's answers.
report-live-waves = Running questionnaires
report-live-none = No questionnaire is running now.

# sso: single sign-on and two-factor codes
sso-login-button = Log in with your organisation account
login-password-title = Or log in with user name and password
break-glass-link = Emergency access for administrators
break-glass-intro = Only for the administrator's emergency account, when logging in with the organisation account does not work. Every login here is recorded.
sso-refused-title = Logging in did not work
sso-refused-state = This login attempt has expired or was used already, or you started in another window. Start logging in again.
sso-refused-unreachable = Your organisation's login service does not respond. Try again in a few minutes. If it still does not work, contact the service desk.
sso-refused-provider = Your organisation's login service did not allow the login, or the login was cancelled. Start logging in again.
sso-refused-token = The data from the login service is not correct, so we cannot let you in. Start logging in again. If it does not work, give the code below to the administrator.
sso-refused-no-role = You are logged in at your organisation, but you have no role in klankbord. Ask the administrator to give you a role.
sso-refused-disabled = Your klankbord account is disabled. Contact the administrator if you think this is wrong.
sso-refused-code = Code for the administrator: { $code }
sso-refused-again = Log in again
totp-code-title = Enter code
totp-code-intro = Your password is correct. Now enter the 6-digit code from the app on your phone. No phone with you? Enter one of your recovery codes.
totp-code-label = Code
totp-code-hint = 6 digits from the app, or a recovery code such as abcd-efgh-jkmn.
totp-code-submit = Check
totp-enrol-title = Set up two-step login
totp-enrol-required = Your role shows personal data. That is why you log in with your password and a code from an app. Set this up first.
totp-enrol-step-app = Install an app for login codes on your phone, for example an authenticator app.
totp-enrol-step-scan = Scan this QR code with the app.
totp-enrol-qr-alt = QR code to scan with your app
totp-enrol-manual = Cannot scan? Type this key into the app:
totp-enrol-step-code = Enter the 6-digit code that the app shows now.
totp-enrol-submit = Confirm code
totp-recovery-title = Your recovery codes
totp-enrolled = Two-step login is on.
totp-recovery-intro = With these codes you can log in when you do not have your phone. Each code works once.
totp-recovery-once = You see these codes only once. Write them down or print them, and keep them in a safe place.
totp-recovery-continue = I have kept the codes, continue
totp-own-title = Two-step login
totp-own-sso = You log in with your organisation account. Your organisation takes care of the second step.
totp-own-on = Two-step login is on.
totp-own-left = You have { $count } unused recovery codes left.
totp-own-lost = Lost your phone or got a new one? Ask the administrator to reset the codes. Then you set them up again when you log in.
totp-own-off = Two-step login is off. A code from an app protects your account better.
totp-own-start = Set up now
totp-admin-title = Two-step login
totp-admin-sso = This account logs in with the organisation account; the organisation takes care of the second step.
totp-admin-on = On. Phone lost? Reset the codes. The staff member sets them up again at the next login. This is recorded.
totp-admin-reset = Reset codes
totp-admin-off = Off.
totp-accepted = The code is correct.
totp-wrong = The code is not correct. Enter the code the app shows now, or a recovery code.
totp-reused = This code was used already. Wait until the app shows a new code and enter that one.
totp-recovery-used = This recovery code was used already. Each recovery code works once. Use another code.
totp-wait = The code was wrong too often. Please wait: you can try again after { $time }.
notice-totp-reset = The codes have been reset. The staff member sets them up again at the next login.
notice-login-again = Logging in took too long. Please log in again.
workspace-no-role = You do not have a role yet. Ask the administrator to give you a role.
# journeys: staff everyday tools (Werkplek counts, search, e-mail, wave changes) and CSV for Excel
csv-choice-legend = Kind of file
csv-choice-puntkomma = For Excel in Dutch (semicolons)
csv-choice-komma = For other programs (commas)
export-open-answers = Open answers, without names and addresses
export-open-answers-hint = In the open answers, names, phone numbers, e-mail addresses, addresses, BSNs and account numbers are replaced by [naam], [telefoonnummer] and so on. The file has no number, date or language per answer. You may share it with the council or a research bureau. Read it through first.
export-open-answers-too-few = This file is only made once at least { $k } people have answered. With fewer people, an answer is too easy to trace back to a person.
wave-edit-link = Change dates, N or channels
wave-edit-title = Change wave: { $wave }
wave-edit-intro = You can change the dates, the number of people in the population (N) and the channels until the wave opens.
wave-edit-codes-made = { $n ->
    [one] { $n } code has been made already. If the old closing date is on a letter, tell people the date has changed.
   *[other] { $n } codes have been made already. If the old closing date is on letters, tell people the date has changed.
}
wave-edit-submit = Save changes
wave-edit-refused = A wave that is open can no longer be changed. People have already answered and received a letter with the closing date.
wave-edit-refused-since = This wave has been open since { $date }.
wave-error-opens-past = The opening date has passed. Choose today or a later day.
notice-wave-changed = The wave has been changed.
email-setting-title = My e-mail address
email-setting-intro = We send reminders about deadlines to this address. Leave the field empty if you do not want e-mail.
email-setting-label = E-mail address
email-setting-hint = For example name@municipality.nl
email-setting-submit = Save e-mail address
email-setting-invalid = This is not an e-mail address. Write it as name@municipality.nl.
email-setting-admin-title = E-mail address of { $username }
email-setting-admin-link = Change e-mail address
case-search-title = Find a complaint
case-search-label = Find a complaint
case-search-hint = Type the case number (for example 2026-0042), part of the name or the tracking code.
case-search-submit = Search
case-search-too-short = Type at least 2 letters of the name, a case number or a tracking code.
case-search-none = No complaint was found that you may see.
case-search-found = { $n ->
    [one] { $n } complaint found
   *[other] { $n } complaints found
}
case-search-col-number = Case number
case-search-col-received = Received
case-search-col-stage = Stage
case-search-col-handler = Handler
case-search-limit = You see the newest { $n }. Make your search more precise to find the others.
workspace-cases-running = { $n ->
    [one] { $n } running complaint
   *[other] { $n } running complaints
}
workspace-cases-due-soon = { $n ->
    [one] { $n } complaint is due within a week
   *[other] { $n } complaints are due within a week
}
workspace-cases-overdue = { $n ->
    [one] { $n } complaint is past its deadline
   *[other] { $n } complaints are past their deadline
}
workspace-letters-waiting = { $n ->
    [one] { $n } letter is ready to print
   *[other] { $n } letters are ready to print
}
workspace-waves-open = { $n ->
    [one] { $n } wave is open
   *[other] { $n } waves are open
}
workspace-waves-upcoming = { $n ->
    [one] { $n } wave has yet to open
   *[other] { $n } waves have yet to open
}
workspace-quotes-waiting = { $n ->
    [one] { $n } quote awaits your decision
   *[other] { $n } quotes await your decision
}
workspace-sheets-aside = { $n ->
    [one] { $n } form put aside
   *[other] { $n } forms put aside
}
workspace-mail-failed = { $n ->
    [one] { $n } message was not sent
   *[other] { $n } messages were not sent
}
# report: period chooser
report-period-running = (still running)
report-period-empty = There are no figures for { $period } (yet). Choose a period from the list.
# coding: suggestions are proposals (issue 19)
coding-language = Language of the text
coding-language-unknown = not recognised
coding-no-suggestions = No suggestions: the program has no words in this language. Code the text yourself.
coding-suggestions-intro = The program's suggestions are below, with the words they rest on. They are not ticked: you decide. Tick a suggestion yourself, or press + to tick all suggestions.
coding-accept-all = Take over the suggestions and save
coding-reason-words = because of the words
coding-reason-theme = goes with the theme { $theme }:
coding-reason-model = learned from your codes ({ $percent }% sure), because of
coding-held-back = (less likely)
coding-reason-held-back = less likely ({ $percent }%): you chose this code in { $kept } of the { $suggested } texts where the words suggested it. Words:
