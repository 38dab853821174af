# Klankbord – النصوص باللغة العربية (لغة بسيطة، مستوى B1).
# يجب أن يوجد كل مفتاح في كل لغة؛ يتحقق اختبار من ذلك.

## Layout
layout-skip-link = الانتقال إلى المحتوى
layout-product-name = Klankbord: كيف نتعامل معكم؟
layout-language-nav = اختاروا لغتكم
layout-staff-nav = قائمة الموظفين
layout-logged-in-as = تم تسجيل الدخول باسم { $name }
layout-workspace = مساحة العمل
layout-change-password = تغيير كلمة المرور
layout-logout = تسجيل الخروج
layout-privacy = الخصوصية
layout-accessibility = إمكانية الوصول
layout-staff-login = دخول الموظفين
layout-footer-note = هذا الموقع تابع لـ { $municipality }. ما تكتبونه هنا لا يؤثر على إعانتكم.

## Home page
home-title = كيف تتعامل البلدية معكم؟
home-intro = هل تحصلون على إعانة المساعدة الاجتماعية؟ إذن نودّ أن نعرف كيف يتعامل موظفونا معكم.
home-why = هل يستمعون إليكم؟ هل هم لطفاء؟ هل الرسائل واضحة؟ تريد { $municipality } معرفة ذلك لتحسين عملها. يحصل المجلس البلدي على تقرير بدون أسماء.
home-what-title = ماذا يمكنكم أن تفعلوا هنا؟
home-survey-link = ملء الاستبيان
home-survey-text = هل وصلتكم رسالة فيها رمز؟ يُرجى ملء الاستبيان. يستغرق ذلك حوالي 10 دقائق.
home-complaint-link = تقديم شكوى
home-complaint-text = ألم تتم معاملتكم بشكل جيد؟ أخبرونا بذلك. أخبرونا كيف نصل إليكم، وستحصلون دائمًا على رد.
home-safe-title = هذا لا يؤثر على إعانتكم
home-safe-text = ما تكتبونه أو تخبروننا به لا يؤثر على إعانتكم. لن تواجهوا أي مشاكل بسببه.
home-anonymous-text = الاستبيان بدون أسماء. لا يستطيع أحد في البلدية أن يرى ما كتبتموه.
home-help-title = هل تحتاجون إلى مساعدة؟
home-help-text = يمكنكم أن تطلبوا المساعدة من شخص تثقون به، مثل أحد أفراد العائلة أو مستشار مستقل لدعم العملاء أو مدرّب لغة. يمكنكم أيضًا ملء الاستبيان على الورق أو عبر الهاتف.
home-privacy-link = اقرؤوا كيف نتعامل مع بياناتكم

## Log in
login-title = تسجيل الدخول
login-intro = هذه الصفحة لموظفي البلدية ولجنة الشكاوى.
login-username = اسم المستخدم
login-password = كلمة المرور
login-submit = تسجيل الدخول
login-wrong = اسم المستخدم أو كلمة المرور غير صحيحة. يُرجى المحاولة مرة أخرى.
login-wait = كان اسم المستخدم أو كلمة المرور غير صحيحين مرات كثيرة. يُرجى الانتظار: يمكنكم المحاولة مرة أخرى بعد { $time }.
login-residents-note = هل تريدون ملء الاستبيان أو تقديم شكوى؟ لا تحتاجون إلى تسجيل الدخول لذلك.

## Workspace
workspace-title = مساحة العمل
workspace-roles = لديكم هذه الأدوار:
workspace-admin-title = الإدارة
workspace-account-title = حسابكم
workspace-logout-everywhere = تسجيل الخروج من كل مكان (وأيضًا من الأجهزة الأخرى)

## Roles
role-beheerder = مسؤول النظام
role-onderzoeker = باحث
role-invoerder = موظف إدخال البيانات
role-klachtcoordinator = منسق الشكاوى
role-klachtbehandelaar = موظف معالجة الشكاوى
role-commissielid = عضو لجنة الشكاوى
role-raadslid = عضو المجلس البلدي

## User management
users-title = المستخدمون
users-caption = جميع حسابات الموظفين
users-col-username = اسم المستخدم
users-col-name = الاسم
users-col-roles = الأدوار
users-col-status = الحالة
users-status-active = نشط
users-status-disabled = معطّل
users-new-title = حساب جديد
users-username-hint = حروف لاتينية صغيرة أو أرقام أو نقطة أو شرطة. مثال: j.jansen
users-new-submit = إنشاء الحساب
users-back = العودة إلى جميع المستخدمين
user-title = الحساب { $username }
user-created = تاريخ الإنشاء
user-password-changed = تاريخ تغيير كلمة المرور
user-save-roles = حفظ الأدوار
user-enable = تفعيل الحساب من جديد
user-disable = تعطيل الحساب
user-disable-note = بعد التعطيل لن يستطيع هذا الشخص تسجيل الدخول. تتوقف جميع الجلسات فورًا.
user-new-password-title = تعيين كلمة مرور جديدة
user-set-password = تعيين كلمة المرور
user-sessions-title = الجلسات
user-end-sessions = إنهاء جميع جلسات هذا الحساب

## Passwords
password-hint = 12 حرفًا على الأقل. جملة من أربع كلمات منفصلة قوية وسهلة التذكر.
password-current = كلمة المرور الحالية
password-new = كلمة المرور الجديدة
password-repeat = أعيدوا كتابة كلمة المرور الجديدة
password-submit = تغيير كلمة المرور
password-mismatch = كلمتا المرور الجديدتان غير متطابقتين. يُرجى كتابتهما مرة أخرى.
password-current-wrong = كلمة المرور الحالية غير صحيحة.
password-too-short = كلمة المرور قصيرة جدًا. استخدموا 12 حرفًا على الأقل.
password-too-long = كلمة المرور طويلة جدًا. استخدموا 256 حرفًا على الأكثر.
password-too-common = من السهل جدًا تخمين كلمة المرور هذه. إنها مستخدمة كثيرًا أو تشبه اسمكم. اختاروا جملة من أربع كلمات منفصلة.

## Account errors
account-error-username = أدخلوا اسم مستخدم من 3 إلى 64 حرفًا: حروف لاتينية صغيرة أو أرقام أو نقطة أو شرطة أو شرطة سفلية.
account-error-display-name = أدخلوا اسمًا لا يزيد عن 100 حرف.
account-error-username-taken = اسم المستخدم هذا موجود بالفعل. اختاروا اسمًا آخر.
account-error-no-role = اختاروا دورًا واحدًا على الأقل.
account-error-not-found = هذا الحساب غير موجود.
account-error-self-lockout = لا يمكنكم تعطيل حسابكم الخاص ولا حذف دور المسؤول الخاص بكم. اطلبوا ذلك من مسؤول آخر.

## Notices
notice-saved = تم حفظ التغيير.
notice-user-created = تم إنشاء الحساب.
notice-password-changed = تم تغيير كلمة المرور. تم تسجيل خروجكم من الأجهزة الأخرى.
notice-sessions-ended = تم إنهاء جميع الجلسات. يُرجى تسجيل الدخول مرة أخرى.
notice-logged-out = تم تسجيل خروجكم.

## Audit log
audit-title = سجل التدقيق
audit-intro = هنا يظهر أي موظف فعل ماذا بالبيانات. لا توجد هنا أسماء السكان ولا محتوى الشكاوى.
audit-download = تنزيل بصيغة CSV
audit-caption = الإجراءات، الأحدث أولًا (الصفحة { $page } من { $pages })
audit-col-when = متى
audit-col-who = مَن
audit-col-action = الإجراء
audit-col-record = السجل
audit-col-detail = التوضيح
audit-pages = صفحات سجل التدقيق
audit-newer = إجراءات أحدث
audit-older = إجراءات أقدم

## Forms
form-errors-title = هناك شيء لم يتم ملؤه بشكل صحيح
form-error-fields = لم يصل النموذج بشكل صحيح. ارجعوا وحاولوا مرة أخرى.
form-error-csrf = انتهت صلاحية النموذج أو أنه لم يأتِ من هذا الموقع. ارجعوا، وأعيدوا تحميل الصفحة، وحاولوا مرة أخرى.

## Error pages
error-back-home = إلى الصفحة الرئيسية
error-400-title = هذا الطلب غير صحيح
error-400-text = حدث خطأ فيما أرسلتموه. لم يتم حفظ أي شيء.
error-401-title = سجّلوا الدخول أولًا
error-401-text = لفتح هذه الصفحة يجب أن تكونوا قد سجلتم الدخول كموظفين.
error-403-title = لا يوجد إذن بالدخول
error-403-text = لا يُسمح لكم بعرض هذه الصفحة أو القيام بهذا الإجراء. هل تعتقدون أن هذا خطأ؟ اسألوا مسؤول النظام.
error-404-title = الصفحة غير موجودة
error-404-text = هذه الصفحة غير موجودة (أو لم تعد موجودة). ربما كُتب العنوان بشكل خاطئ.
error-405-title = لا يمكن القيام بذلك هنا
error-405-text = لا تستطيع هذه الصفحة معالجة هذا الطلب.
error-413-title = كبير جدًا
error-413-text = ما أرسلتموه كبير جدًا. صغّروه وحاولوا مرة أخرى.
error-429-title = انتظروا قليلًا
error-429-text = تمت محاولات كثيرة جدًا. انتظروا 10 دقائق ثم حاولوا مرة أخرى.
error-500-title = حدث خطأ ما
error-500-text = حدث خطأ ما من جهتنا. هذا ليس خطأكم. يُرجى المحاولة لاحقًا.

## E-mail
mail-title = البريد الإلكتروني
mail-intro = تنتظر الرسائل هنا حتى يتم إرسالها. بعد الإرسال نحفظ فقط وقت الإرسال ونوع الرسالة، ولا نحفظ عنوان البريد الإلكتروني أو نص الرسالة.
mail-counts-caption = الرسائل حسب الحالة
mail-col-count = العدد
mail-status-pending = بانتظار الإرسال
mail-status-sending = قيد الإرسال
mail-status-sent = تم الإرسال
mail-status-failed = فشل الإرسال
mail-problems-caption = رسائل فيها مشاكل (الأحدث أولًا)
mail-col-kind = النوع
mail-col-created = تاريخ الإنشاء
mail-col-attempts = المحاولات
mail-col-error = آخر خطأ
mail-test-title = إرسال رسالة تجريبية
mail-test-to = عنوان البريد الإلكتروني
mail-test-submit = إرسال رسالة تجريبية
mail-test-invalid = أدخلوا عنوان بريد إلكتروني صحيحًا، مثل name@example.com.
notice-mail-queued = الرسالة التجريبية جاهزة وسيتم إرسالها خلال دقيقة.

# The council report
report-title = التقرير
report-title-period = التقرير { $period }
report-period = الفترة
report-period-hint = ربع سنة، مثل 2026-Q3، أو سنة، مثل 2026.
report-show = عرض
report-open-csv = جميع الأرقام بصيغة CSV (بيانات مفتوحة)
report-open-json = جميع الأرقام بصيغة JSON (بيانات مفتوحة)
report-open-codebook = شرح البيانات المفتوحة (دليل الرموز، CSV)
report-pdf = التقرير بصيغة PDF

# Quotes
quotes-title = الاقتباسات: { $wave }
quotes-intro = تأتي الاقتباسات من إجابات الأسئلة المفتوحة، وفقط إذا كان عدد الأشخاص الذين ملؤوا الاستبيان { $k } على الأقل. تم بالفعل حذف الأسماء وأرقام الهواتف وعناوين البريد الإلكتروني وعناوين السكن وأرقام BSN (رقم الخدمة المدنية الهولندي) وأرقام الحسابات البنكية. اقرأوا كل اقتباس، واختصروه عند الحاجة، ثم وافقوا عليه أو ارفضوه. لا يظهر في التقرير إلا الاقتباسات التي تمت الموافقة عليها.
quotes-make = البحث عن اقتباسات في الإجابات
quotes-none = لا توجد اقتباسات بعد.
quotes-text = نص الاقتباس
quotes-approve = موافقة
quotes-reject = رفض
quotes-status-kandidaat = بانتظار المراجعة
quotes-status-goedgekeurd = تمت الموافقة
quotes-status-afgewezen = تم الرفض
quotes-link = اقتباسات للتقرير

## Coding open texts
coding-title = ترميز النصوص
coding-source = أي نصوص
coding-source-wave = إجابات الأسئلة المفتوحة: { $wave }
coding-source-complaints = الشكاوى { $year }
coding-show = عرض
coding-progress = النصوص المرمّزة: { $done } من { $total }.
coding-agreement = اقتراحات البرنامج (عدد النصوص المرمّزة: { $texts }): { $precision }% من الاقتراحات كانت صحيحة (الدقة)، و{ $recall }% من رموزكم اقترحها البرنامج (الاستدعاء).
coding-no-texts = لا توجد هنا نصوص للترميز.
coding-all-done = تم ترميز جميع النصوص. اختاروا نصًا أدناه لتغيير رموزه.
coding-text = النص
coding-question = السؤال
coding-complaint = وصف الشكوى
coding-times = عدد مرات الاستخدام: { $n }
coding-themes = المواضيع
coding-norms = معايير السلوك اللائق (behoorlijkheidsnormen)
coding-suggested = (مقترح)
coding-shortcuts = استخدموا مفاتيح الاختصار: الحرف أو الرقم بجانب الرمز يضع علامة عليه، وزر Enter يحفظ.
coding-save = حفظ والانتقال إلى التالي
coding-skip = تخطٍّ
coding-recent = آخر ما تم ترميزه
coding-recent-caption = آخر عشرة نصوص تم ترميزها
coding-codes = الرموز
coding-change = تغيير
codebook-title = دليل الرموز
codebook-intro = يحتوي دليل الرموز على المواضيع ومعايير السلوك اللائق. لكل موضوع كلمات وعبارات. إذا وردت إحدى هذه الكلمات في نص، يقترح البرنامج هذا الموضوع. تُحسب الكلمة أيضًا كبداية لكلمة أطول (wacht: wachten, wachttijd).
codebook-add = إضافة موضوع
codebook-name = الاسم
codebook-cues = كلمات تشير إلى الموضوع
codebook-cues-hint = افصلوا بينها بفواصل، مثال: bus, reiskosten, ov-kaart
codebook-add-button = إضافة الموضوع
codebook-active = استخدامه عند الترميز
codebook-save = حفظ

# security: access
audit-filter-title = البحث في سجل التدقيق
audit-filter-user = الموظف (اسم الدخول)
audit-filter-user-hint = مثلاً k.jansen. اتركه فارغاً لعرض الجميع.
audit-filter-action = الإجراء
audit-filter-action-hint = رمز إجراء مثل complaint.viewed، أو بدايته مثل complaint.
audit-filter-type = نوع البيان
audit-filter-type-hint = مثلاً complaint (شكوى) أو wave (جولة) أو user (حساب).
audit-filter-record = رقم البيان
audit-filter-from = من تاريخ
audit-filter-to = حتى تاريخ (مشمولاً)
audit-filter-submit = بحث
audit-filter-clear = عرض الكل
audit-filter-count = عدد الإجراءات التي وُجدت: { $n }
audit-filter-error-user = لا يوجد حساب بهذا الاسم. تحقق من طريقة كتابة الاسم.
audit-filter-error-code = استخدم فقط حروفاً لاتينية صغيرة وأرقاماً ونقاطاً وشرطات سفلية، مثل complaint.viewed.
audit-filter-error-record = استخدم للرقم فقط حروفاً وأرقاماً والعلامات - _ . /
audit-filter-error-date = اكتب التاريخ بالشكل dd-mm-yyyy، مثلاً 01-03-2026.
audit-filter-error-period = تاريخ النهاية قبل تاريخ البداية. اختر تاريخ نهاية في يوم البداية أو بعده.
audit-filter-error-export = حقول البحث غير صحيحة. ارجع إلى سجل التدقيق وصحّحها.

# security: requests
error-408-title = استغرق ذلك وقتًا طويلًا
error-408-text = وصل ما أرسلتموه ببطء شديد. لم يُحفظ شيء. تحققوا من اتصالكم بالإنترنت وحاولوا مرة أخرى.
form-error-too-large = النموذج أكبر مما نقبله. لم يُحفظ شيء. ارجعوا واختصروا النص وحاولوا مرة أخرى.
upload-error-too-large = لم يُحفظ شيء. ارجعوا إلى النموذج وأرسلوا ملفات أقل أو أصغر.
upload-error-file-content = الملف { $file } ليس ما يقوله اسمه. نقبل فقط ملفات PDF وJPG وPNG والملفات النصية وملفات Word وOpenOffice الحقيقية. اختاروا ملفًا آخر.
upload-error-too-many-files = يمكنكم إرسال { $n } ملفات على الأكثر. اختاروا عددًا أقل.
# security: bounded
paging-label = الصفحات
paging-previous = الصفحة السابقة
paging-next = الصفحة التالية
paging-status = الصفحة { $page } من { $pages }
text-shortened = مختصر، { $n } حرفًا في المجموع
# security: disclosure
report-live-link = نتائج مؤقتة لاستبيان جارٍ (للباحثين فقط)
report-live-title = نتائج مؤقتة لاستبيان جارٍ
report-live-notice = نتائج مؤقتة وغير علنية. تتغير هذه الأرقام ما دام الاستبيان مفتوحًا. لا تظهر في التقرير ولا في ملف PDF ولا في البيانات المفتوحة: فهذه تعرض الاستبيان فقط بعد إغلاقه. لا تنقلها إلى غيرك.
report-live-wave = الاستبيان { $wave }، مفتوح حتى { $date }. المجموعات الصغيرة مخفية هنا أيضًا.
report-live-through = مع الإجابات حتى { $date } ضمنًا. تُضاف الإجابات الجديدة يومًا كاملًا بعد يوم، وفقط عندما يكون عددها معًا { $k } على الأقل. هكذا لا يكشف النظر مرتين أبدًا إجابات شخص واحد.
report-live-nothing-yet = لا توجد إجابات لعرضها بعد. تُضاف الإجابات يومًا كاملًا بعد يوم، وفقط عندما يكون عددها معًا { $k } على الأقل. هكذا لا يكشف النظر مرتين أبدًا إجابات شخص واحد.
report-live-waves = الاستبيانات الجارية
report-live-none = لا يوجد استبيان جارٍ الآن.

# sso: single sign-on and two-factor codes
sso-login-button = تسجيل الدخول بحساب مؤسستك
login-password-title = أو سجّل الدخول باسم المستخدم وكلمة المرور
break-glass-link = دخول الطوارئ للمسؤولين
break-glass-intro = فقط لحساب الطوارئ الخاص بالمسؤول، عندما لا يعمل تسجيل الدخول بحساب المؤسسة. يُسجَّل كل دخول هنا.
sso-refused-title = لم ينجح تسجيل الدخول
sso-refused-state = انتهت صلاحية محاولة تسجيل الدخول هذه أو استُخدمت من قبل، أو بدأتها في نافذة أخرى. ابدأ تسجيل الدخول من جديد.
sso-refused-unreachable = خدمة تسجيل الدخول في مؤسستك لا تستجيب. حاول مرة أخرى بعد بضع دقائق. إذا لم ينجح ذلك، اتصل بمكتب الخدمة.
sso-refused-provider = لم تسمح خدمة تسجيل الدخول في مؤسستك بالدخول، أو أُلغي تسجيل الدخول. ابدأ تسجيل الدخول من جديد.
sso-refused-token = البيانات القادمة من خدمة تسجيل الدخول غير صحيحة، لذلك لا يمكننا إدخالك. ابدأ تسجيل الدخول من جديد. إذا لم ينجح ذلك، أعطِ الرمز أدناه للمسؤول.
sso-refused-no-role = لقد سجّلت الدخول في مؤسستك، لكن ليس لديك دور في klankbord. اطلب من المسؤول أن يمنحك دورًا.
sso-refused-disabled = حسابك في klankbord معطّل. اتصل بالمسؤول إذا كنت تعتقد أن هذا خطأ.
sso-refused-code = رمز للمسؤول: { $code }
sso-refused-again = سجّل الدخول من جديد
totp-code-title = أدخل الرمز
totp-code-intro = كلمة المرور صحيحة. أدخل الآن الرمز المكوّن من 6 أرقام من التطبيق على هاتفك. ليس معك هاتفك؟ أدخل أحد رموز الاسترداد.
totp-code-label = الرمز
totp-code-hint = 6 أرقام من التطبيق، أو رمز استرداد مثل abcd-efgh-jkmn.
totp-code-submit = تحقّق
totp-enrol-title = إعداد تسجيل الدخول بخطوتين
totp-enrol-required = دورك يطّلع على بيانات شخصية. لذلك تسجّل الدخول بكلمة المرور وبرمز من تطبيق. أعدّ ذلك أولًا.
totp-enrol-step-app = ثبّت على هاتفك تطبيقًا لرموز الدخول، مثل تطبيق المصادقة.
totp-enrol-step-scan = امسح رمز QR هذا بالتطبيق.
totp-enrol-qr-alt = رمز QR للمسح بتطبيقك
totp-enrol-manual = لا تستطيع المسح؟ اكتب هذا المفتاح في التطبيق:
totp-enrol-step-code = أدخل الرمز المكوّن من 6 أرقام الذي يعرضه التطبيق الآن.
totp-enrol-submit = تأكيد الرمز
totp-recovery-title = رموز الاسترداد الخاصة بك
totp-enrolled = تسجيل الدخول بخطوتين مفعّل.
totp-recovery-intro = بهذه الرموز يمكنك تسجيل الدخول عندما لا يكون هاتفك معك. كل رمز يعمل مرة واحدة.
totp-recovery-once = سترى هذه الرموز مرة واحدة فقط. اكتبها أو اطبعها واحفظها في مكان آمن.
totp-recovery-continue = حفظت الرموز، تابع
totp-own-title = تسجيل الدخول بخطوتين
totp-own-sso = أنت تسجّل الدخول بحساب مؤسستك. مؤسستك تتولّى الخطوة الثانية.
totp-own-on = تسجيل الدخول بخطوتين مفعّل.
totp-own-left = تبقّى لديك { $count } من رموز الاسترداد غير المستخدمة.
totp-own-lost = فقدت هاتفك أو لديك هاتف جديد؟ اطلب من المسؤول إعادة تعيين الرموز. بعد ذلك تعيد إعدادها عند تسجيل الدخول.
totp-own-off = تسجيل الدخول بخطوتين غير مفعّل. الرمز من تطبيق يحمي حسابك بشكل أفضل.
totp-own-start = الإعداد الآن
totp-admin-title = تسجيل الدخول بخطوتين
totp-admin-sso = هذا الحساب يسجّل الدخول بحساب المؤسسة؛ المؤسسة تتولّى الخطوة الثانية.
totp-admin-on = مفعّل. فُقد الهاتف؟ أعد تعيين الرموز. سيعيد الموظف إعدادها عند تسجيل الدخول التالي. يُسجَّل ذلك.
totp-admin-reset = إعادة تعيين الرموز
totp-admin-off = غير مفعّل.
totp-accepted = الرمز صحيح.
totp-wrong = الرمز غير صحيح. أدخل الرمز الذي يعرضه التطبيق الآن، أو رمز استرداد.
totp-reused = هذا الرمز استُخدم من قبل. انتظر حتى يعرض التطبيق رمزًا جديدًا وأدخله.
totp-recovery-used = رمز الاسترداد هذا استُخدم من قبل. كل رمز استرداد يعمل مرة واحدة. استخدم رمزًا آخر.
totp-wait = كان الرمز خاطئًا مرات كثيرة. يُرجى الانتظار: يمكنك المحاولة مرة أخرى بعد { $time }.
notice-totp-reset = أُعيد تعيين الرموز. سيعيد الموظف إعدادها عند تسجيل الدخول التالي.
notice-login-again = استغرق تسجيل الدخول وقتًا طويلًا. سجّل الدخول من جديد.
workspace-no-role = ليس لديك دور بعد. اطلب من المسؤول أن يمنحك دورًا.
# journeys: staff everyday tools (Werkplek counts, search, e-mail, wave changes) and CSV for Excel
csv-choice-legend = نوع الملف
csv-choice-puntkomma = لبرنامج Excel باللغة الهولندية (فواصل منقوطة)
csv-choice-komma = للبرامج الأخرى (فواصل)
export-open-answers = الإجابات المفتوحة، بدون أسماء وعناوين
export-open-answers-hint = في الإجابات المفتوحة استُبدلت الأسماء وأرقام الهواتف وعناوين البريد الإلكتروني والعناوين وأرقام BSN وأرقام الحسابات بعلامات مثل [naam] و[telefoonnummer]. لا يحتوي الملف على رقم أو تاريخ أو لغة لكل إجابة. يمكنك مشاركته مع المجلس البلدي أو مكتب أبحاث. اقرأه أولاً.
export-open-answers-too-few = لا يُعدّ هذا الملف إلا بعد أن يجيب { $k } أشخاص على الأقل. مع عدد أقل يسهل ربط الإجابة بشخص.
wave-edit-link = تغيير التواريخ أو N أو القنوات
wave-edit-title = تغيير الجولة: { $wave }
wave-edit-intro = يمكنك تغيير التواريخ وعدد الأشخاص في الفئة المستهدفة (N) والقنوات حتى تُفتح الجولة.
wave-edit-codes-made = رموز أُنشئت بالفعل: { $n }. إذا كان تاريخ الإغلاق القديم مكتوبًا في الرسائل، فأخبر الناس بأن التاريخ تغيّر.
wave-edit-submit = حفظ التغييرات
wave-edit-refused = لا يمكن تغيير جولة مفتوحة. لقد أجاب الناس بالفعل وتلقوا رسالة فيها تاريخ الإغلاق.
wave-edit-refused-since = هذه الجولة مفتوحة منذ { $date }.
wave-error-opens-past = تاريخ الفتح قد مضى. اختر اليوم أو يومًا لاحقًا.
notice-wave-changed = تم تغيير الجولة.
email-setting-title = عنوان بريدي الإلكتروني
email-setting-intro = نرسل التذكيرات بالمواعيد إلى هذا العنوان. اترك الحقل فارغًا إذا كنت لا تريد بريدًا إلكترونيًا.
email-setting-label = عنوان البريد الإلكتروني
email-setting-hint = مثلاً name@gemeente.nl
email-setting-submit = حفظ عنوان البريد الإلكتروني
email-setting-invalid = هذا ليس عنوان بريد إلكتروني. اكتبه هكذا name@gemeente.nl.
email-setting-admin-title = عنوان البريد الإلكتروني لـ { $username }
email-setting-admin-link = تغيير عنوان البريد الإلكتروني
case-search-title = البحث عن شكوى
case-search-label = ابحث عن شكوى
case-search-hint = اكتب رقم الملف (مثلاً 2026-0042) أو جزءًا من الاسم أو رمز المتابعة.
case-search-submit = بحث
case-search-too-short = اكتب حرفين على الأقل من الاسم أو رقم ملف أو رمز متابعة.
case-search-none = لم يتم العثور على شكوى يُسمح لك برؤيتها.
case-search-found = الشكاوى التي عُثر عليها: { $n }
case-search-col-number = رقم الملف
case-search-col-received = تاريخ الاستلام
case-search-col-stage = المرحلة
case-search-col-handler = المسؤول
case-search-limit = ترى أحدث { $n }. اجعل بحثك أدق للعثور على الباقي.
workspace-cases-running = الشكاوى الجارية: { $n }
workspace-cases-due-soon = شكاوى موعدها خلال أسبوع: { $n }
workspace-cases-overdue = شكاوى تجاوزت الموعد: { $n }
workspace-letters-waiting = رسائل جاهزة للطباعة: { $n }
workspace-waves-open = جولات مفتوحة: { $n }
workspace-waves-upcoming = جولات لم تُفتح بعد: { $n }
workspace-quotes-waiting = اقتباسات تنتظر قرارك: { $n }
workspace-sheets-aside = استمارات وُضعت جانبًا: { $n }
workspace-mail-failed = رسائل لم تُرسل: { $n }
# report: period chooser
report-period-running = (لا تزال جارية)
report-period-empty = لا توجد أرقام لـ { $period } (بعد). اختاروا فترة من القائمة.
# coding: suggestions are proposals (issue 19)
coding-language = لغة النص
coding-language-unknown = غير معروفة
coding-no-suggestions = لا توجد اقتراحات: ليس لدى البرنامج كلمات بهذه اللغة. رمّز النص بنفسك.
coding-suggestions-intro = اقتراحات البرنامج أدناه، مع الكلمات التي تستند إليها. هي غير محددة: أنت تقرر. حدد اقتراحًا بنفسك، أو اضغط + لتحديد كل الاقتراحات.
coding-accept-all = اعتماد الاقتراحات والحفظ
coding-reason-words = بسبب الكلمات
coding-reason-theme = يرتبط بالموضوع { $theme }:
coding-reason-model = تعلّمه البرنامج من رموزك (متأكد بنسبة { $percent }%)، بسبب
coding-held-back = (أقل احتمالاً)
coding-reason-held-back = أقل احتمالاً ({ $percent }%): اخترتَ هذا الرمز في { $kept } من { $suggested } نصوص اقترحته فيها الكلمات. الكلمات:
