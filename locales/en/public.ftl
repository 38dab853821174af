# Klankbord – contact details, privacy statement and accessibility statement (plain English).
# Every key must exist in every language; a test checks this.
# Numbers followed by a word get their form passed in ($days_form and so on: one, two, few, many, other).

## The municipality's contact details (one part for pages, letters and paper questionnaires)
contact-title = Contact { $municipality }
contact-intro = Do you have a question, or would you like help? Call, email or visit us.
contact-phone = Phone
contact-email = Email
contact-visit = Visiting address
contact-hours = Opening hours
contact-post = Postal address
contact-website = Website
contact-line = { $municipality }:
contact-line-phone = phone
contact-line-email = email
contact-letter-intro = Do you have a question? Please contact { $municipality }.

## Privacy statement
privacy-title = Privacy statement: what do we do with your personal data?
privacy-intro = On this website you can fill in a questionnaire and make a complaint. Here you can read which personal data { $municipality } uses for this, why, and how long we keep it. You can also read what your rights are.
privacy-controller-title = Who is responsible?
privacy-controller-text = The Municipal Executive (college van burgemeester en wethouders) of { $municipality } is responsible for your personal data on this website. In the law this is called the controller.
privacy-officer-text = The municipality has a data protection officer (functionaris gegevensbescherming, FG). The data protection officer checks that the municipality follows the privacy law. That law is the General Data Protection Regulation (GDPR, in Dutch: AVG).
privacy-officer-mail = Email of the data protection officer:
privacy-purposes-title = What do we use your personal data for?
privacy-purposes-intro = We only use your personal data for the purposes below. For each purpose you can see which rule in the law we rely on. This is called the legal basis.
privacy-what = Which data
privacy-why = Why
privacy-basis = Legal basis
privacy-survey-title = The questionnaire
privacy-survey-data = Your answers. We keep them without your name, address or code, and with the date but not the time. This way nobody can link your answers to you. Did you get the invitation by email? Then we only use your email address for the invitation and at most two reminders.
privacy-survey-why = We want to know how our staff treat people on social assistance (bijstand), and what can be better.
privacy-survey-basis = A task in the public interest (GDPR article 6(1)(e)): the municipality carries out the Participation Act (Participatiewet) and wants to do this well.
privacy-volunteer-title = Taking part in an interview
privacy-volunteer-data = Would you like to take part in an interview after the questionnaire? Then we keep your name, your phone number or email address, and when it is best to call you. We keep this separate from your answers.
privacy-volunteer-why = A researcher calls or emails you to make an appointment.
privacy-volunteer-basis = Your consent (GDPR article 6(1)(a)). You may withdraw your consent at any time. Then we delete your data.
privacy-complaint-title = A complaint
privacy-complaint-data = Your name and the details you fill in so we can reach you (address, email address, phone number), what you write, the files you send, our letters and the report of a meeting. Only the staff who handle your complaint, and the complaints committee, can see this. You may also complain without giving your name. We then cannot send you an answer.
privacy-complaint-why = We handle your complaint and give you an answer.
privacy-complaint-basis = A legal obligation (GDPR article 6(1)(c)): under the General Administrative Law Act (Algemene wet bestuursrecht, chapter 9) the municipality must handle and register complaints.
privacy-report-title = Reports for the municipal council
privacy-report-data = Only totals and percentages, without names. Is a group smaller than { $k } people? Then we leave out the number. We use quotes from open answers without names, phone numbers and addresses, and only after a researcher has approved them. The register of complaints has no names either.
privacy-report-why = The municipal council checks how the municipality does its work.
privacy-report-basis = A task in the public interest (GDPR article 6(1)(e)): the Municipal Executive must inform the council (Municipalities Act, Gemeentewet, article 169) and publish the complaints every year (General Administrative Law Act, article 9:12a).
privacy-staff-title = Staff who log in
privacy-staff-data = Of staff, complaints committee members and council members with an account: name, user name, email address and roles. A log records who did what, with numbers and without the content.
privacy-staff-why = Only people who are allowed can see data. And afterwards someone can check who did what.
privacy-staff-basis = A task in the public interest (GDPR article 6(1)(e)), and the legal obligation to keep data secure (GDPR article 32, article 6(1)(c)).
privacy-cookies-title = Cookies
privacy-cookies-text = We only use cookies that are needed: to remember your language, to protect forms, and to remember your code while you fill in the questionnaire. Staff get a cookie to stay logged in. We do not track you and we do not show adverts.
privacy-logs-text = The technical logs of this website contain no names, email addresses, complaints or codes.
privacy-retention-title = How long do we keep your personal data?
privacy-retention-intro = We do not keep data longer than needed. After that the program deletes it by itself.
privacy-retention-data = Data
privacy-retention-period = How long
privacy-keep-invite = Your email address for the invitation
privacy-keep-invite-period = Until you use the code, and no longer than until the questionnaire closes.
privacy-keep-draft = Answers you have not sent yet
privacy-keep-draft-period = Until the questionnaire closes.
privacy-keep-answers = Answers you have sent (without name, address or code)
privacy-keep-answers-period = Without an end date, to compare results with earlier years. Nobody can link them to you.
privacy-keep-volunteer = Name and phone number or email address for an interview
privacy-keep-volunteer-period = { $days } { $days_form ->
        [one] day
       *[other] days
    } after the questionnaire closes.
privacy-keep-complaint = Your complaint and everything about you
privacy-keep-complaint-period = { $years } { $years_form ->
        [one] year
       *[other] years
    } after your complaint is finished. Then we delete everything about you. Only data without names stays, such as the date, the kind of complaint and the outcome.
privacy-keep-mail = Emails we send
privacy-keep-mail-period = We delete the email address and the text as soon as the email has been sent. Letters about a complaint are kept with the complaint.
privacy-keep-session = Staying logged in (staff)
privacy-keep-session-period = After { $minutes } { $minutes_form ->
        [one] minute
       *[other] minutes
    } without use the staff member is logged out, and always after { $hours } { $hours_form ->
        [one] hour
       *[other] hours
    }.
privacy-keep-attempts = The number of attempts to log in or send a form (with a code that cannot be read back instead of the IP address)
privacy-keep-attempts-period = One day.
privacy-keep-account = A staff member's account
privacy-keep-account-period = As long as the staff member has an account. The log (with numbers, without content) is not deleted. This way someone can always check who did what.
privacy-recipients-title = Who receives your personal data?
privacy-recipients-text = We do not give your personal data to anyone outside the municipality, and we do not sell it. Did a council member pass your complaint on to us? Then we tell the council member what happened with the complaint, without your personal details.
privacy-processors-text = A company looks after the computers this website runs on, and sends the emails, for us. This is called a processor. A processor may only use your data for us. This is in a contract with the municipality (data processing agreement).
privacy-processors-named = For this website that is: { $provider }.
privacy-automated = A computer never takes a decision about you on its own.
privacy-rights-title = Your rights
privacy-rights-intro = You have these rights:
privacy-right-access = Access: you may ask which personal data we have about you.
privacy-right-correction = Correction: is something wrong? Then you may ask us to correct it.
privacy-right-erasure = Erasure: you may ask us to delete your data. Sometimes the law says we must keep data. Then we explain why.
privacy-right-restriction = Restriction: you may ask us not to use your data for a while, for example while we check whether it is correct.
privacy-right-objection = Objection: you may object when we use your data for a task in the public interest. We then stop, unless we have an important reason to continue.
privacy-right-withdraw = Withdrawing consent: did you give consent, for example for an interview? Then you may withdraw it at any time.
privacy-rights-how = Would you like to use one of these rights? Contact the municipality or the data protection officer. You will get an answer within one month. We may ask you to show who you are.
privacy-rights-anonymous = Your answers to the questionnaire are anonymous. So we do not know which answers are yours. That is why we cannot show them to you, correct them or delete them.
privacy-complain-title = Not satisfied?
privacy-complain-text = Do you disagree with how we handle your personal data? Then please contact the data protection officer first. You may also complain to the Dutch Data Protection Authority (Autoriteit Persoonsgegevens). It supervises privacy in the Netherlands.
privacy-complain-link = Go to the website of the Dutch Data Protection Authority

## Accessibility statement
a11y-title = Accessibility statement
a11y-intro = { $municipality } wants everyone to be able to use this website, including people with a disability. The law also requires this of the municipality (Besluit digitale toegankelijkheid overheid). Here you can read how accessible the website is.
a11y-scope-title = Which website is this statement about?
a11y-scope-text = This statement is about the website { $url }: the questionnaire, the complaint form, the page to follow a complaint, the privacy statement and the pages for municipal staff.
a11y-scope-excluded = Files that residents send with a complaint are not covered by this statement.
a11y-status-title = How accessible is the website?
a11y-status-label = Status
a11y-status-value = Partially compliant
a11y-standard-label = Standard
a11y-standard-value = WCAG 2.1, level A and AA (European standard EN 301 549)
a11y-date-label = Date of this statement
a11y-version-label = Version of the program
a11y-status-why = With every change we test the website automatically. These tests find no errors now. But automatic tests do not find every problem, and an expert has not yet checked the whole website by hand. That is why we say: the website is partially compliant.
a11y-evidence-title = How did we test?
a11y-evidence-intro = These tests are part of the program and run with every change. They are the basis of this statement:
a11y-evidence-axe = axe-core (a program that looks for errors against the WCAG rules) in the Chromium browser, in all six languages, on: the home page, log in, the privacy statement, this statement and the error page; every page of the questionnaire (every kind of question, error messages, the summary, the thank-you page and signing up for an interview); the complaint form, the receipt page and the page to follow a complaint. Also pages for staff, in Dutch.
a11y-evidence-keyboard = With the keyboard only, with visible focus: filling in the whole questionnaire in Dutch and in Arabic (right to left), making and following a complaint, and logging in.
a11y-evidence-languages = The website is available in Dutch, English, Arabic, Turkish, Polish and Ukrainian. A test checks that every text exists in every language.
a11y-evidence-print = The paper questionnaire was checked in every language: every question fits whole on an A4 page. The report for the municipal council as a PDF has headings, tables and descriptions of charts for screen readers.
a11y-evidence-files = The tests are in these files of the program:
a11y-issues-title = What does not work well yet?
a11y-issue-audit = An expert has not yet checked the whole website by hand. For example, an automatic test cannot judge whether a text is clear. { $municipality } will still have this check done.
a11y-issue-dutch = Addresses and opening hours of the municipality are only in Dutch, also when you choose another language.
a11y-issue-staff = The pages for staff have only been tested in Dutch.
a11y-feedback-title = Is something not working for you?
a11y-feedback-text = Please let us know. Tell us on which page it was and what did not work. We will then help you in another way, for example by phone. And we will fix the problem.
a11y-complaint-text = Are you not satisfied with our answer? Then you can make a complaint. Are you still not satisfied after that? Then you can go to the ombudsman:
a11y-complaint-link = Make a complaint
