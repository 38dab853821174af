## Questionnaire: answers and errors
answer-error-required = You must answer this question.
answer-error-number = Enter a whole number, for example 7.
answer-error-range = Enter a number from { $min } to { $max }.
answer-error-option = This answer does not belong to this question. Choose one of the answers.
answer-error-too-many = Choose one answer.
answer-error-too-long = Your answer is too long: { $given } characters. It may be at most { $max } characters. Please make it shorter.
answer-error-other = You chose 'Other'. Write down what you mean.
answer-error-other-not-chosen = You wrote something at 'Other', but chose another answer. Choose 'Other' if that is what you mean. Or empty the box at 'Other'.
answer-other = Other, namely
answer-other-text = For 'Other': what do you mean?
form-error-prefix = Error:
scale-agree-1 = Strongly disagree
scale-agree-2 = Disagree
scale-agree-3 = Neither agree nor disagree
scale-agree-4 = Agree
scale-agree-5 = Strongly agree
scale-satisfied-1 = Very dissatisfied
scale-satisfied-2 = Dissatisfied
scale-satisfied-3 = Neither satisfied nor dissatisfied
scale-satisfied-4 = Satisfied
scale-satisfied-5 = Very satisfied
scale-weet-niet = I don't know
scale-nvt = Does not apply
question-number = Question { $n }.
question-optional = (not required)
question-read-aloud = Read aloud
question-grade-hint = 1 is very bad, 10 is very good.
question-max-length = You may write at most { $max } characters.
question-number-range = Enter a number from { $min } to { $max }.
summary-not-answered = Not answered

## Questionnaire: code and pages
code-error-length = A code has 10 characters, for example ACD-EFG-HJKM. Check that you copied the whole code.
code-error-character = There is a character in it that is not used in codes. Codes do not have 0, O, 1, I, L, 2, Z, 5, S, 8, B, U or V.
code-error-check = This code is not correct. Maybe one character was copied wrongly. Please check the code in the letter again.
respond-code-title = Fill in the questionnaire
respond-code-intro = Did you get a letter or email from the municipality with a code? Enter the code below.
respond-code-label = Your code
respond-code-hint = The code is in the letter, for example ACD-EFG-HJKM. Small letters and dashes are also fine.
respond-code-submit = Continue
respond-code-no-code = No code? Then you cannot fill in the questionnaire online. Would you still like to take part? Call or email the municipality. The phone number and email address are below.
respond-error-unknown = We do not know this code. Check that you copied the code from the letter correctly.
respond-error-used = The questionnaire has already been filled in and sent with this code. Thank you! Each code works only once.
respond-error-not-open = You cannot fill in the questionnaire yet. You can do this from { $date }.
respond-error-closed = You can no longer fill in the questionnaire. The survey closed on { $date }. Thank you for your effort.
respond-error-channel = This questionnaire cannot be filled in on the internet. Look in the letter to see how you can take part.
respond-error-forged = The form contains answers that do not belong to this question. Go back to the question and try again.
respond-privacy-title = Your privacy
respond-privacy-text = You fill in the questionnaire without your name. We keep your answers and the date, not who you are and not your internet address. Researchers only see answers, not whose answers they are. Your answers have no effect on your benefit. Do you stop halfway? Then we keep your answers until you continue, at the latest until the survey closes.
respond-privacy-more = More about privacy
respond-start-closes = You can take part until and including { $date }.
respond-start-help = You can stop whenever you want. Your answers are saved at every question. Later you can continue with the same code, also on another phone or computer.
respond-start-begin = Start the questions
respond-start-resume = Continue where you were
respond-next = Next question
respond-previous = Previous question
respond-save-later = Save and continue later
respond-send = Send answers
respond-condition-note = The next question is only for some people. Does the question not fit you? Then skip it.
respond-summary-title = Check your answers
respond-summary-intro = Below are your answers. Do you want to change something? Then choose 'Change'. Is everything correct? Then send your answers. After that you cannot change anything.
respond-summary-change = Change
respond-help-legend = Did someone help you fill this in?
respond-help-ticked = Yes, I filled in the questions with help
respond-helper-label = Who helped you?
respond-helper-none = Nobody, or I prefer not to say
helper-familie_vriend = Someone from my family or a friend
helper-clientondersteuner = An independent client support worker
helper-hulpverlener = A care worker, for example from the neighbourhood team
helper-medewerker_gemeente = Someone from the municipality
helper-anders = Someone else
respond-saved-title = Your answers have been saved
respond-saved-text = You can continue later. Go to the website from the letter and enter the same code.
respond-saved-code = Your code is:
respond-thanks-title = Thank you!
respond-thanks-text = We have received your answers. Your answers help the municipality do its work better. Your answers have no effect on your benefit.

## Talk after the questionnaire
volunteer-offer-title = Would you like to tell us more?
volunteer-offer-text = We would like to talk with a few people about their experiences. You do not have to. We do not link what you say in the talk to your answers.
volunteer-offer-link = Yes, I may want to talk
volunteer-title = Take part in a talk
volunteer-intro = Leave your name and phone number or email address. A researcher will contact you. We keep these details separate from your answers, and we delete them soon after the survey.
volunteer-name = Your name
volunteer-contact = Phone number or email address
volunteer-contact-hint = For example 06 12345678 or name@example.com
volunteer-language = In which language do you want to talk?
volunteer-time = When is the best time to call you?
volunteer-time-hint = For example: Tuesday afternoon, or after 18:00. You may leave this empty.
volunteer-submit = Send
volunteer-error-name = Enter your name (at most 100 characters).
volunteer-error-contact = Enter a phone number or email address, so that we can reach you.
volunteer-error-time = Write a shorter answer about when we can call you (at most 200 characters).
volunteer-done-title = Thank you
volunteer-done-text = We have received your details. A researcher will contact you.

## Channels
channel-web = Internet
channel-phone = Phone
channel-paper-keyed = Paper, typed in
channel-paper-scan = Paper, scanned
channel-assisted = Internet, with help

## Research: rounds
workspace-research-title = Research
workspace-entry-title = Data entry
waves-title = Survey rounds
waves-none = There are no rounds yet.
waves-caption = All rounds, newest first
waves-col-name = Name
waves-col-questionnaire = Questionnaire
waves-col-period = Period
waves-col-state = Status
wave-state-not-open = Not open yet
wave-state-open = Open
wave-state-closed = Closed
wave-new-title = New round
wave-name = Name of the round
wave-name-hint = For example: Client experience spring 2027
wave-questionnaire = Questionnaire (the newest version is fixed for this round)
wave-opens = First day
wave-closes = Last day
wave-population = Number of people in the target group (N)
wave-population-hint = Needed for the margin of error, for example 1200.
wave-channels = Channels
wave-create = Create round
wave-error-questionnaire = Choose a questionnaire from the list.
wave-error-date = Enter a date as day-month-year, for example 01-04-2027.
wave-error-dates = The last day is before the first day. Change one of the dates.
wave-error-population = Enter the number of people in the target group, a whole number of 1 or more.
wave-error-channel = Choose channels from the list.
wave-error-no-channel = Choose at least one channel.
wave-error-name = Give the round a name of at most 100 characters.
wave-error-count = Enter a number from 1 to 100000.
notice-wave-created = The round has been created.
notice-invitations-queued = Invitations ready to be sent by email: { $n }.
notice-reminders-queued = Reminders ready to be sent by email: { $n }.
notice-entry-saved = The answers have been saved. You can enter the next ones.

## Research: response
followup-title = Response
followup-caption = Response so far
followup-invited = Invited (codes created)
followup-answered = Completed questionnaires
followup-codes-used = Codes used
followup-rate = Response rate
followup-margin = Margin of error (95%)
followup-margin-hint = The margin of error applies to a percentage around 50%, corrected for the size of the target group (N).
followup-per-channel = Completed per channel
followup-per-day = Completed per day
followup-day = Day
export-title = Download data
export-answers = All answers (CSV)
export-codebook-csv = Codebook (CSV)
export-codebook-json = Codebook (JSON)
volunteers-link = People who want to talk ({ $n })
volunteers-title = People who want to talk: { $wave }
volunteers-intro = These people offered to talk about their experiences. Their details are kept separate from the answers. We delete them automatically some time after the round closes. Use them only for the talk.
volunteers-none = Nobody has signed up yet.
volunteers-caption = Sign-ups
volunteers-back = Back to the round
codebook-chosen = Chosen
codebook-not-chosen = Not chosen
codebook-meta-respons = Sequence number in this file (does not refer to a person or code)
codebook-meta-ronde = Number of the round
codebook-meta-kanaal = How the answers came in: web, phone, paper-keyed, paper-scan or assisted
codebook-meta-hulp = Who helped fill it in (empty: nobody)
codebook-meta-taal = Language in which the questions were read

## Research: inviting
codes-title = Create codes and letters
codes-intro = Each code works once. The codes only exist in what you download now: keep it safe and throw it away after sending.
codes-count = Number of codes
codes-count-hint = One per person, at most 100000 at a time.
codes-language = Language
codes-format = What do you want to get?
codes-format-letters = Letters to print (one A4 per person, with QR code)
codes-format-csv = CSV file for mail merge
codes-submit = Create codes
email-title = Invite by email
email-intro = Each address gets its own code. We only keep the address to send reminders. The address is deleted when the code has been used, and at the latest when the round closes.
email-addresses = Email addresses
email-addresses-hint = One address per line.
email-submit = Send invitations
email-error-invalid = These lines are not an email address: { $lines }. Correct them. Nothing has been sent yet.
email-error-duplicate = These lines are already in the list: { $lines }. Remove them. Nothing has been sent yet.
email-error-empty = Enter at least one email address.
reminder-title = Send a reminder
reminder-status = Reminders sent: { $sent } of 2. Addresses whose code has not been used yet: { $waiting }.
reminder-submit = Send a reminder to people who have not taken part yet
reminder-error-max = Two reminders have already been sent. More is not allowed.
invite-mail-subject = Your opinion about { $municipality }
invite-mail-intro = Dear resident, { $municipality } wants to know how it treats you. Would you like to answer a few questions? It takes about 10 minutes.
invite-mail-reminder-subject = Reminder: your opinion about { $municipality }
invite-mail-reminder-intro = Dear resident, some time ago we asked for your opinion about { $municipality }. You have not filled in the questions yet. You can still do this until and including { $date }.
invite-mail-how = Go to { $link } or go to { $short } and enter your code: { $code }
invite-letter-title = What do you think of the municipality?
invite-letter-number = Letter { $n }
invite-letter-why = { $municipality } wants to know how it treats people who receive a social assistance benefit. What goes well, and what could be better? That is why we ask you to answer a few questions. It takes about 10 minutes.
invite-letter-anonymous = You answer the questions without your name. Nobody can see which answers are yours. Your answers have no effect on your benefit.
invite-letter-scan = Scan the QR code with your phone.
invite-letter-type = Or go to { $short } and enter your code there.
invite-letter-code = Your code:
invite-letter-closes = You can take part until and including { $date }.
invite-letter-help = Would you like help? Someone else may help you fill it in. You can also call { $municipality }. Then a staff member will fill in the questions together with you. The number is below.
invite-letter-thanks = Thank you for your help.
invite-letter-other-language = Prefer English? Go to { $short } and choose English.

## Data entry by staff
entry-list-title = Enter answers
entry-list-none = There is no open round right now for which you can enter answers.
entry-list-until = open until and including { $date }
entry-list-scans = read in and check scans
entry-title = Enter answers: { $wave }
entry-intro = For scale questions, type the number (1 to 5; 0 is 'don't know' or 'does not apply'). For choice questions, type the number of the answer. Press Tab to go to the next question. Leave empty what was not answered.
entry-channel = How did the answers come in?
entry-code = Code from the invitation
entry-code-hint = Required for phone. For paper, only if there is a code on the form.
entry-language = Language of the conversation or form
entry-submit = Save
entry-error-code-needed = Enter the code that the person says on the phone.
entry-error-used = The questions have already been filled in with this code. The answers have not been saved.
question-required = (required)
paper-form-number = Form { $number } · page { $page } of { $pages }
paper-return = Please send the form back before { $date } in the envelope. You do not need a stamp. Do not write your name on the form.
paper-multi-hint = (you may tick more than one box)
paper-forms-title = Print paper questionnaires
paper-forms-intro = Every form gets its own number. Print each number only once: then a form can never be read in twice.
paper-forms-print = You get a PDF file. Each form is four sides of A4. Print at actual size (100%), not fitted to the page. The data entry clerk reads in the scans on this wave's paper page.
paper-forms-from = First form number
paper-forms-to = Last form number
paper-forms-to-hint = At most 500 forms at a time.
paper-forms-no-paper = This wave has no paper questionnaire. Do you want to use paper? Then choose a paper channel under "Change dates, N or channels". You can do this until the wave opens.
paper-forms-submit = Make forms
paper-mapping-link = Mapping for SDAPS (CSV): which column is which question
paper-error-range = Choose numbers from 1 to 999999, at most 500 forms at a time, with the first number not higher than the last.
paper-prints-none = No forms of this round have been printed yet.
paper-prints-printed = Printed already: numbers { $printed }. Below are the first numbers that are still free.
paper-prints-recent = Printed last:
paper-prints-run = { $from } to { $to }, { $language }, printed on { $date }
paper-prints-reprint = Print the same numbers again, for example because the printer jammed. Then hand out only the new forms.
paper-prints-error-overlap = Numbers { $numbers } were printed before. A number may be handed out only once. Choose numbers from { $next }. Are you printing the same forms again? Then tick 'Print the same numbers again'.
paper-prints-error-not-printed = This number was not printed for this round. The printed numbers are { $printed }. Look at the top right of the page and type the number again.
paper-upload-title = Read in paper questionnaires: { $wave }
paper-upload-intro = Do you use other scanning software (OMR software, such as SDAPS)? Read in the CSV file it made here. Forms with a problem are put aside; nothing is lost. Reading a file twice does no harm: what is already there is not added again.
paper-upload-file = CSV file from the scanner
paper-upload-file-hint = At most 500 MB. UTF-8 or Windows-1252, separated by commas or semicolons.
paper-upload-format = Kind of file
paper-upload-format-sdaps = SDAPS (csvdata export)
paper-upload-format-generic = Own format: a column form_id and a column per question
paper-upload-dry-run = Only check, store nothing
paper-upload-all = Only store when no form has to be put aside
paper-upload-submit = Read in
paper-upload-back = Back to reading in
paper-upload-link = Read in paper questionnaires (file from the scanner)
paper-upload-error-file = Choose a CSV file to read in.
paper-upload-error-size = The file is larger than 500 MB. Split it into parts and read them in one after the other.
paper-quarantine-title = Forms put aside ({ $n })
paper-quarantine-none = No forms are put aside.
paper-quarantine-intro = Click a form number to correct the form: you see what the scanner read, and you complete the answers with the paper form in your hand. You can also correct the file, or have the forms scanned again, and then read the file in again. Only what is still missing is added.
paper-col-form = Form
paper-col-row = Row
paper-col-column = Column
paper-col-problem = Problem
paper-col-value = Value
paper-col-action = What happened
paper-report-title = Report of reading in: { $file }
paper-report-summary = { $rows ->
    [one] { $rows } row
   *[other] { $rows } rows
}: { $imported } read in, { $quarantined } put aside, { $duplicates } skipped as double, { $empty } empty.
paper-report-dry-run = This was a check: nothing was stored.
paper-report-refused = Nothing was stored: some forms have to be put aside, and you chose all or nothing.
paper-report-download = Download the whole report (CSV)
paper-report-more = Below are the first { $shown } of { $total } messages. The whole report is in the download.
paper-report-none = No messages: all forms were in order.
paper-reports-title = Earlier reports

# Progress of a large upload
paper-progress-title = Reading in: { $file }
paper-progress-label = Progress of reading in
paper-progress-status = { $count ->
    [one] { $rows } row read
   *[other] { $rows } rows read
}, { $rate } per second, about { $left } left (minutes:seconds).
paper-progress-status-start = { $count ->
    [one] { $rows } row read
   *[other] { $rows } rows read
}, { $rate } per second. It is not known yet how long it will take.
paper-progress-leave = You can close this page: the reading in goes on. Afterwards, the report is under Earlier reports.
paper-progress-refresh = Update progress
paper-progress-failed = Saving failed. What was already saved is kept. Read the file in again: what is already there is not added twice.
paper-progress-gone-title = This reading in is not known
paper-progress-gone = This reading in has already finished and been viewed, or the server has restarted in the meantime. Look under Earlier reports. If it is not there, read the file in again: what is already there is not added twice.

# What each check means, and what was done
paper-rule-no-form-number = No form number
paper-rule-other-wave = Form from another round
paper-rule-other-version = Other version of the questionnaire
paper-rule-omr-empty = Empty form
paper-rule-omr-invalid = Rejected by the scanner
paper-rule-omr-unrecognised = Not recognised by the scanner
paper-rule-omr-unverified = Recognition not checked
paper-rule-omr-review = Note from the scanner operator
paper-rule-double-mark = More than one box ticked
paper-rule-out-of-range = Box does not exist
paper-rule-not-a-box = No 0 or 1 in a box
paper-rule-text-not-transcribed = Handwritten text not typed in
paper-rule-invalid-answer = Answer does not fit the question
paper-rule-not-applicable = Question did not apply to this person
paper-rule-duplicate-in-file = Twice in the file
paper-rule-already-imported = Already read in before
paper-action-imported = read in
paper-action-item-left-empty = answer left empty
paper-action-quarantined = form put aside
paper-action-skipped-duplicate = skipped (double)
paper-action-skipped-empty = skipped (empty)

# Correcting a sheet that was put aside
paper-correct-title = Correct form { $form }
paper-correct-title-line = Correct the form from row { $line }
paper-correct-no-number = without a number (row { $line })
paper-correct-intro = This form (row { $line } of the file) has been put aside. Take the paper form. Below you see why it was put aside, and the answers that the scanner read correctly. Complete or correct what is needed, and read the form in.
paper-correct-problems = Why the form was put aside
paper-correct-read = What the scanner read, per column
paper-correct-answers = The answers
paper-correct-form = Form number
paper-correct-form-hint = Is at the top right of every page of the form and starts with { $prefix }
paper-correct-submit = Read in form
paper-correct-discard-title = Do not read in the form
paper-correct-discard-intro = Is the form empty, already read in, or not from this round? Then remove it. Nothing from it is stored.
paper-correct-discard = Remove form without reading it in
paper-correct-error-form-empty = Enter the form number that is on the form.
paper-correct-error-form-wave = This form number does not belong to this round. A number from this round starts with { $prefix }. Is the form from another round? Then remove it here and read it in for that round.
paper-correct-error-empty = No answer at all has been filled in. Is there nothing on the form? Then remove it.
paper-correct-error-imported = A form with this number has already been read in. Check that you typed the right number. Is the form really double? Then remove it.
paper-notice-corrected = The form has been read in.
paper-notice-discarded = The form has been removed. Nothing from it was stored.

# security: linking
volunteer-when = The survey closes on { $date }. After that, a researcher will contact you.
volunteer-refused-title = Signing up for a talk did not work
volunteer-refused-unknown = You can only sign up for a talk right after you have sent the questionnaire, in the same browser. We find no sent questionnaire for this sign-up. Have you not sent the questionnaire yet? Then fill it in first with the code from your letter.
volunteer-refused-used = You have already signed up for a talk. This can be done once per sent questionnaire. You do not need to do anything else: a researcher will contact you.
volunteer-refused-closed = This survey is closed. That is why you can no longer sign up for a talk.
volunteer-refused-too-many = Signing up failed too often from this connection. Wait 10 minutes and then try again.
volunteer-refused-to-code = Fill in the questionnaire with your code
export-answers-after-close = You can download all answers (CSV) from { $date }, when the round is closed.
volunteers-link-open = People who want to talk (shown when the round is closed)
volunteers-after-close = You can see the people who want to talk from { $date }, when the round is closed.
after-close-why = This way nobody can link answers to the moment someone used a code or signed up for a talk. The number of answers per day and per channel is already on the round's page.
codebook-meta-respons-order = The rows are in random order, not in the order they came in
codebook-meta-taal-other = A language with fewer than { $k } answers is put together with other languages as "overig", so that nobody can be recognised by their language

# journeys: respondent
respond-progress-part = Part { $n } of { $total }
respond-progress-done = { $percent }% done
respond-language-keeps = Your answers are kept when you choose another language.
# security: bounded
paper-rule-line-too-long = Line too long
paper-action-skipped-too-long = skipped (too long)
paper-report-too-long = { $n ->
    [one] { $n } line was too long to be a form. It was not imported and not put aside; the other lines were. The report names the line: check it in the scanner's file and import it again.
   *[other] { $n } lines were too long to be a form. They were not imported and not put aside; the other lines were. The report names each line: check them in the scanner's file and import them again.
}
paper-quarantine-more-problems = { $n ->
    [one] and { $n } more note: open the form to see it
   *[other] and { $n } more notes: open the form to see them
}
paper-report-not-stored = This report is too large to keep whole: the download has the first { $kept } of the { $total } notes. Want to see everything? Import the file in parts, or with the command 'klankbord import paper' on the server; it writes the whole report.

# clerk: texts in the clerk's voice, keyed paper forms, SDAPS columns
entry-error-required = This question is required. Copy the answer from the form or from the conversation.
entry-error-number = A whole number goes here, for example 7. Copy the number as it is written.
entry-error-range = The number must be from { $min } to { $max }. Is something else written? Then leave the question empty.
entry-error-option = This answer does not belong to this question. Type one of the numbers shown with the question.
entry-error-too-many = This question takes one answer. Are more boxes marked? Then leave the question empty.
entry-error-too-long = The text is { $given } characters. This question keeps at most { $max } characters. Check that nothing was typed twice. Is the text on the form really this long? Ask the researcher what to do.
entry-error-other = 'Other' is marked, but its text is missing. Type what is written. Is nothing written? Then untick 'other'.
entry-error-other-not-chosen = There is text at 'other', but another answer is marked. Choose 'other' if that is what the paper says. Or empty the box at 'other'.
entry-form = Form number
entry-form-hint = Paper only. It is at the top right of the form and starts with { $prefix }
entry-error-form-stored = A form with this number is stored already (typed in or scanned). Check that you typed the right number. Has this form really been processed? Then it need not be entered again. The answers you typed are still below.
paper-rule-unknown-column = Column not read
paper-action-column-not-read = column not read
paper-quarantine-full-text = See the whole text
paper-reports-dry-run = check only, nothing stored
respond-used-title = This code has been used already
respond-refused-title = The questionnaire cannot be filled in now

# paper: PDF forms
paper-pdf-mark = To choose an answer, put a cross or a tick in the box, as shown here. Use a pen with black or blue ink.
paper-pdf-cancel = Made a mistake? Colour the wrong box completely black, as shown here. Then put a cross in the right box.
paper-pdf-write = Write clearly inside the large boxes. Do not write outside the boxes or near the black squares in the corners.

# clerk: verification screen for scanned forms
paper-verify-link = Check scanned forms
paper-verify-list-title = Check scanned forms: { $wave }
paper-verify-list-intro = The program read these forms, but not everything was certain. Check each form. The answers count only once you save a form.
paper-verify-none = No scanned forms are waiting.
paper-verify-count = { $n ->
    [one] { $n } form is waiting for you
   *[other] { $n } forms are waiting for you
}
paper-verify-col-boxes = Boxes to check
paper-verify-col-texts = Texts to type
paper-verify-col-problems = Problems
paper-verify-no-number = page without a number ({ $n })
paper-verify-title = Check a scanned form: { $form }
paper-verify-intro = On the left you see the box as scanned, on the right what the program read. Is it right? Leave the choice. Is it wrong? Choose the other answer with the arrow keys. Type written text as it is written. Nothing is stored until you press Save.
paper-verify-conflicts = What is wrong on this form
paper-verify-conflict-double = At "{ $question }" more boxes are marked, but it takes one answer. Check which boxes are really meant.
paper-verify-conflict-page-twice = Page { $page } was scanned twice, with different marks.
paper-verify-conflict-page-missing = Page { $page } is missing. The questions on that page stay empty.
paper-verify-scan = Scanned page { $n }
paper-verify-thumbnail-alt = Small scan of page { $n }
paper-verify-problem-no-qr = The program found no QR code on this page. It does not know which form it belongs to.
paper-verify-problem-other-wave = This page belongs to round { $wave }. Import it with that round.
paper-verify-problem-no-layout = The program does not know the layout of this form. Was it printed with an older version?
paper-verify-problem-no-such-page = This page has number { $page }, but the form does not have that many pages.
paper-verify-problem-not-aligned = The corners of the page were not found. Is it skewed, folded or not scanned whole?
paper-verify-problem-blank = The page is blank.
paper-verify-cutout-alt = Scan of the box for "{ $answer }"
paper-verify-field-alt = Scan of the written text for "{ $question }"
paper-verify-read-marked = Read: marked ({ $percent }% sure)
paper-verify-read-empty = Read: empty ({ $percent }% sure)
paper-verify-read-cancelled = Read: filled in black, so not chosen ({ $percent }% sure)
paper-verify-choose-marked = Marked
paper-verify-choose-empty = Not chosen (empty or filled in black)
paper-verify-submit = Save
paper-verify-unidentified = The program does not know which form this page belongs to. Type the form in by hand under Enter answers. Then remove this page here.
paper-verify-type-in = To Enter answers
paper-verify-discard-title = Remove without saving
paper-verify-discard-intro = Is this form or page unusable, or did you enter it by hand? Then remove it. Nothing of it is stored.
paper-verify-discard = Remove
paper-verify-back = Back to the list
paper-verify-error-choose = Choose for this box: marked or not chosen.
paper-verify-error-double = This question takes one answer. Leave one box marked. Is it not clear what was meant? Then set every box of this question to not chosen.
paper-verify-notice-imported = The form has been saved.
paper-verify-notice-quarantined = The form was put aside: something is still wrong. You find it under Forms put aside.
paper-verify-notice-duplicate = This form had been imported already. Nothing was stored twice.
paper-verify-notice-empty = There was no usable answer on this form. Nothing was stored.
paper-verify-notice-discarded = It has been removed. Nothing of it was stored.

# paper2: reading scans on the clerk's page
paper-scan-title = Read scanned forms
paper-scan-intro = Have you scanned the paper forms? Read the scanner's file here. The program reads the marks. What is not certain, you check yourself afterwards under Check scanned forms. Only forms you made here as PDF can be read.
paper-scan-file = File from the scanner
paper-scan-file-hint = PDF, TIFF, PNG or JPEG, at most 500 MB. All pages may be in one file, in any order. Scan in greyscale, not in black and white: in black and white, crosses in light pencil disappear.
paper-scan-submit = Read scans
paper-scan-error-file = Choose the file from the scanner.
paper-scan-error-empty = This file is empty. Choose the scanner's file again, or scan the forms once more.
paper-scan-error-size = The file is larger than 500 MB. Scan the forms in parts and read the parts one after the other.
paper-scan-error-type = This file is not a scan. Choose a PDF, TIFF, PNG or JPEG file from the scanner.
paper-report-scans = { $pages ->
    [one] { $pages } page read
   *[other] { $pages } pages read
}, { $forms ->
    [one] { $forms } form recognised
   *[other] { $forms } forms recognised
}. { $settled ->
    [one] { $settled } form was certain and has been processed at once.
   *[other] { $settled } forms were certain and have been processed at once.
} { $pending ->
    [one] { $pending } waits for your check.
   *[other] { $pending } wait for your check.
}
paper-report-scans-problems = These pages could not be matched to a form:
paper-report-scans-already = { $n ->
    [one] { $n } form had been read before and was skipped.
   *[other] { $n } forms had been read before and were skipped.
}
paper-report-scans-blank = { $n ->
    [one] { $n } blank page (a back side, for example) was skipped.
   *[other] { $n } blank pages (back sides, for example) were skipped.
}
paper-pdf-title = Make forms to scan
paper-pdf-intro = Make the paper forms as PDF here. Print them at 100%. Only these forms can be read by the program after scanning. Each form gets its own number: hand out each number only once.
paper-pdf-submit = Make PDF
paper-report-scans-checked = { $n ->
    [one] { $n } form has been checked since.
   *[other] { $n } forms have been checked since.
}
paper-verify-submit-next = Save and next
paper-late-title = Closed rounds: paper forms that come in late
paper-late-intro = These rounds are closed. Do filled-in forms still come in? Then read their scans in here, until the date shown. They count in the council report once there are enough of them for nobody to be recognised.
paper-late-until = closed on { $closed }, forms can be read in up to and including { $until }
paper-late-notice = This round closed on { $date }. You can read in forms that still come in up to and including { $until }. They count in the council report once there are enough of them for nobody to be recognised.
paper-late-over = This round closed on { $date }. Forms that came in late could be read in up to and including { $until }. New files are no longer possible. Forms that are already waiting can still be checked.
paper-late-refused = The time to read in late forms of this round is over. Nothing was read in. Ask the researcher what to do with the forms.
paper-upload-csv-title = Read in a file from other scanning software (CSV)
paper-place-title = Which form is this?
paper-place-intro = Take the paper page. The form number and the page number are at the top right. Type them here. The program then reads the page after all, and you check what was not certain.
paper-place-form-hint = Starts with { $prefix }, for example { $example }. Typing only the digits is fine too.
paper-place-page = Page number
paper-place-page-hint = A number from 1 to { $pages }. It follows the word 'page'.
paper-place-lang = Language of the form
paper-place-submit = Read in page
paper-place-or-type = Are the numbers unreadable? Then type the form in by hand, and remove this page here afterwards.
paper-place-notice-read = The page has been read in with its form. Check below what was not certain, and save the form.
paper-place-error-form = This is not a form number of this round. A number from this round starts with { $prefix } and has six digits. Look at the top right of the page and type the number.
paper-place-error-page = The form has { $pages } pages. Type a number from 1 to { $pages }.
paper-place-error-stored = Form { $form } has already been stored. This page can no longer be added to it. Check that you typed the right number. Is it right? Then remove the page here.
paper-place-error-unread = Even with this number the page could not be read: the black squares in the corners were not found. Scan the page again, or type the form in by hand.
