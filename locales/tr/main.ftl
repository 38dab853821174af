# Klankbord – Türkçe metinler (sade dil, B1 düzeyi).
# Her anahtar her dilde bulunmalıdır; bir test bunu kontrol eder.

## Layout
layout-skip-link = İçeriğe geç
layout-product-name = Klankbord: size nasıl davranıyoruz?
layout-language-nav = Dilinizi seçin
layout-staff-nav = Çalışanlar için menü
layout-logged-in-as = { $name } olarak giriş yapıldı
layout-workspace = Çalışma alanı
layout-change-password = Şifreyi değiştir
layout-logout = Çıkış yap
layout-privacy = Gizlilik
layout-accessibility = Erişilebilirlik
layout-staff-login = Çalışan girişi
layout-footer-note = Bu web sitesi { $municipality } tarafından yönetilir. Burada doldurduklarınızın ödeneğinize hiçbir etkisi yoktur.

## Home page
home-title = Belediye size nasıl davranıyor?
home-intro = Sosyal yardım ödeneği alıyor musunuz? O zaman çalışanlarımızın size nasıl davrandığını öğrenmek isteriz.
home-why = Sizi dinliyorlar mı? Nazikler mi? Mektuplar anlaşılır mı? { $municipality } daha iyisini yapmak için bunu bilmek istiyor. Belediye meclisi isim içermeyen bir rapor alır.
home-what-title = Burada neler yapabilirsiniz?
home-survey-link = Anketi doldurun
home-survey-text = Kodlu bir mektup aldınız mı? O zaman anketi doldurun. Yaklaşık 10 dakika sürer.
home-complaint-link = Şikâyette bulunun
home-complaint-text = Size iyi davranılmadı mı? Bize anlatın. Size nasıl ulaşabileceğimizi yazarsanız her zaman bir cevap alırsınız.
home-safe-title = Bunun ödeneğinize hiçbir etkisi yoktur
home-safe-text = Doldurduklarınızın veya anlattıklarınızın ödeneğinize hiçbir etkisi yoktur. Bu size hiçbir sorun çıkarmaz.
home-anonymous-text = Anket anonimdir. Belediyede hiç kimse ne doldurduğunuzu göremez.
home-help-title = Yardıma mı ihtiyacınız var?
home-help-text = Güvendiğiniz birinden yardım isteyebilirsiniz, örneğin bir aile üyesi, bağımsız bir danışan destek görevlisi veya bir dil koçu. Anketi kâğıt üzerinde veya telefonla da doldurabilirsiniz.
home-privacy-link = Bilgilerinizi nasıl kullandığımızı okuyun

## Log in
login-title = Giriş yap
login-intro = Bu sayfa belediye çalışanları ve şikâyet komisyonu içindir.
login-username = Kullanıcı adı
login-password = Şifre
login-submit = Giriş yap
login-wrong = Kullanıcı adı veya şifre doğru değil. Lütfen tekrar deneyin.
login-wait = Kullanıcı adı veya şifre çok fazla kez yanlıştı. Lütfen bekleyin: { $time } sonrasında tekrar deneyebilirsiniz.
login-residents-note = Anketi doldurmak veya şikâyette bulunmak mı istiyorsunuz? Bunun için giriş yapmanız gerekmez.

## Workspace
workspace-title = Çalışma alanı
workspace-roles = Rolleriniz şunlardır:
workspace-admin-title = Yönetim
workspace-account-title = Hesabınız
workspace-logout-everywhere = Her yerden çıkış yap (diğer cihazlarda da)

## Roles
role-beheerder = Yönetici
role-onderzoeker = Araştırmacı
role-invoerder = Veri giriş görevlisi
role-klachtcoordinator = Şikâyet koordinatörü
role-klachtbehandelaar = Şikâyet sorumlusu
role-commissielid = Şikâyet komisyonu üyesi
role-raadslid = Belediye meclis üyesi

## User management
users-title = Kullanıcılar
users-caption = Tüm çalışan hesapları
users-col-username = Kullanıcı adı
users-col-name = Ad
users-col-roles = Roller
users-col-status = Durum
users-status-active = Etkin
users-status-disabled = Devre dışı
users-new-title = Yeni hesap
users-username-hint = Küçük harf, rakam, nokta veya tire. Örneğin: j.jansen
users-new-submit = Hesap oluştur
users-back = Tüm kullanıcılara geri dön
user-title = Hesap { $username }
user-created = Oluşturulma tarihi
user-password-changed = Şifre değiştirilme tarihi
user-save-roles = Rolleri kaydet
user-enable = Hesabı yeniden etkinleştir
user-disable = Hesabı devre dışı bırak
user-disable-note = Devre dışı bırakıldıktan sonra bu kişi artık giriş yapamaz. Tüm oturumlar hemen sona erer.
user-new-password-title = Yeni şifre belirle
user-set-password = Şifreyi belirle
user-sessions-title = Oturumlar
user-end-sessions = Bu hesabın tüm oturumlarını sonlandır

## Passwords
password-hint = En az 12 karakter. Dört ayrı kelimeden oluşan bir cümle güçlüdür ve kolay hatırlanır.
password-current = Mevcut şifre
password-new = Yeni şifre
password-repeat = Yeni şifreyi tekrar girin
password-submit = Şifreyi değiştir
password-mismatch = İki yeni şifre aynı değil. Lütfen tekrar yazın.
password-current-wrong = Mevcut şifre doğru değil.
password-too-short = Şifre çok kısa. En az 12 karakter kullanın.
password-too-long = Şifre çok uzun. En fazla 256 karakter kullanın.
password-too-common = Bu şifre çok kolay tahmin edilir. Çok sık kullanılıyor veya adınıza benziyor. Dört ayrı kelimeden oluşan bir cümle seçin.

## Account errors
account-error-username = 3 ile 64 karakter arasında bir kullanıcı adı girin: küçük harf, rakam, nokta, tire veya alt çizgi.
account-error-display-name = En fazla 100 karakterlik bir ad girin.
account-error-username-taken = Bu kullanıcı adı zaten var. Başka bir ad seçin.
account-error-no-role = En az bir rol seçin.
account-error-not-found = Bu hesap mevcut değil.
account-error-self-lockout = Kendi hesabınızı devre dışı bırakamaz ve kendi yönetici rolünüzü kaldıramazsınız. Başka bir yöneticiye sorun.

## Notices
notice-saved = Değişiklik kaydedildi.
notice-user-created = Hesap oluşturuldu.
notice-password-changed = Şifreniz değiştirildi. Diğer cihazlarda oturumunuz kapatıldı.
notice-sessions-ended = Tüm oturumlar sonlandırıldı. Lütfen tekrar giriş yapın.
notice-logged-out = Çıkış yaptınız.

## Audit log
audit-title = Denetim kaydı
audit-intro = Burada hangi çalışanın verilerle ne yaptığı görünür. Sakinlerin adları veya şikâyetlerin içeriği burada yer almaz.
audit-download = CSV olarak indir
audit-caption = İşlemler, en yenisi önce (sayfa { $page } / { $pages })
audit-col-when = Ne zaman
audit-col-who = Kim
audit-col-action = İşlem
audit-col-record = Kayıt
audit-col-detail = Açıklama
audit-pages = Denetim kaydının sayfaları
audit-newer = Daha yeni işlemler
audit-older = Daha eski işlemler

## Forms
form-errors-title = Bir şey doğru doldurulmadı
form-error-fields = Form doğru şekilde ulaşmadı. Geri dönün ve tekrar deneyin.
form-error-csrf = Formun süresi doldu veya form bu web sitesinden gelmiyor. Geri dönün, sayfayı yeniden yükleyin ve bir kez daha deneyin.

## Error pages
error-back-home = Ana sayfaya git
error-400-title = Bu istek doğru değil
error-400-text = Gönderdiğiniz şeyde bir sorun oluştu. Hiçbir şey kaydedilmedi.
error-401-title = Önce giriş yapın
error-401-text = Bu sayfa için çalışan olarak giriş yapmış olmanız gerekir.
error-403-title = Erişim yok
error-403-text = Bu sayfayı görme veya bu işlemi yapma izniniz yok. Bunun bir hata olduğunu mu düşünüyorsunuz? Yöneticiye sorun.
error-404-title = Sayfa bulunamadı
error-404-text = Bu sayfa mevcut değil (artık yok). Adres belki yanlış yazıldı.
error-405-title = Bu burada yapılamaz
error-405-text = Bu sayfa bu isteği işleyemez.
error-413-title = Çok büyük
error-413-text = Gönderdiğiniz şey çok büyük. Küçültün ve tekrar deneyin.
error-429-title = Lütfen biraz bekleyin
error-429-text = Çok fazla deneme yapıldı. 10 dakika bekleyin ve sonra tekrar deneyin.
error-500-title = Bir sorun oluştu
error-500-text = Bizim tarafımızda bir sorun oluştu. Bu sizin hatanız değil. Lütfen daha sonra tekrar deneyin.

## E-mail
mail-title = E-posta
mail-intro = Mesajlar gönderilene kadar burada bekler. Gönderildikten sonra sadece ne zaman gönderildiğini ve ne tür bir mesaj olduğunu saklarız, adresi veya metni saklamayız.
mail-counts-caption = Duruma göre mesajlar
mail-col-count = Sayı
mail-status-pending = Gönderilmeyi bekliyor
mail-status-sending = Gönderiliyor
mail-status-sent = Gönderildi
mail-status-failed = Başarısız
mail-problems-caption = Sorunlu mesajlar (en yenisi önce)
mail-col-kind = Tür
mail-col-created = Oluşturulma tarihi
mail-col-attempts = Denemeler
mail-col-error = Son hata
mail-test-title = Test mesajı gönder
mail-test-to = E-posta adresi
mail-test-submit = Test mesajı gönder
mail-test-invalid = Geçerli bir e-posta adresi girin, örneğin isim@example.com.
notice-mail-queued = Test mesajı hazır ve bir dakika içinde gönderilecek.

# The council report
report-title = Rapor
report-title-period = { $period } raporu
report-period = Dönem
report-period-hint = Üç aylık bir dönem, örneğin 2026-Q3, veya bir yıl, örneğin 2026.
report-show = Göster
report-open-csv = Tüm sayılar CSV olarak (açık veri)
report-open-json = Tüm sayılar JSON olarak (açık veri)
report-open-codebook = Açık verinin açıklaması (kod kitabı, CSV)
report-pdf = Rapor PDF olarak

# Quotes
quotes-title = Alıntılar: { $wave }
quotes-intro = Alıntılar açık uçlu sorulara verilen cevaplardan alınır, ama sadece anketi en az { $k } kişi doldurduysa. İsimler, telefon numaraları, e-posta ve ev adresleri, BSN numaraları (Hollanda vatandaşlık hizmet numarası) ve banka hesap numaraları zaten çıkarıldı. Her alıntıyı okuyun, gerekirse kısaltın, sonra onaylayın veya reddedin. Rapora sadece onaylanan alıntılar girer.
quotes-make = Cevaplarda alıntı ara
quotes-none = Henüz alıntı yok.
quotes-text = Alıntının metni
quotes-approve = Onayla
quotes-reject = Reddet
quotes-status-kandidaat = Değerlendirilmeyi bekliyor
quotes-status-goedgekeurd = Onaylandı
quotes-status-afgewezen = Reddedildi
quotes-link = Rapor için alıntılar

## Coding open texts
coding-title = Metinleri kodlama
coding-source = Hangi metinler
coding-source-wave = Açık uçlu cevaplar: { $wave }
coding-source-complaints = { $year } şikâyetleri
coding-show = Göster
coding-progress = { $total } metinden { $done } tanesi kodlandı.
coding-agreement = Programın önerileri, kodlanmış { $texts } metin üzerinden: önerilerin %{ $precision } kadarı doğruydu (kesinlik) ve kodlarınızın %{ $recall } kadarı önerilmişti (duyarlılık).
coding-no-texts = Burada kodlanacak metin yok.
coding-all-done = Tüm metinler kodlandı. Kodlarını değiştirmek için aşağıdan bir metin seçin.
coding-text = Metin
coding-question = Soru
coding-complaint = Bir şikâyetin açıklaması
coding-times = { $n } kez verildi
coding-themes = Temalar
coding-norms = Uygun davranış standartları (behoorlijkheidsnormen)
coding-suggested = (öneri)
coding-shortcuts = Kısayol tuşlarını kullanın: bir kodun yanındaki harf veya rakam o kodu işaretler, Enter kaydeder.
coding-save = Kaydet ve sonrakine geç
coding-skip = Atla
coding-recent = Son kodlananlar
coding-recent-caption = Son kodlanan on metin
coding-codes = Kodlar
coding-change = Değiştir
codebook-title = Kod kitabı
codebook-intro = Kod kitabında temalar ve uygun davranış standartları yer alır. Her temada kelimeler ve kelime grupları vardır. Böyle bir kelime bir metinde geçiyorsa, program o temayı önerir. Bir kelime, daha uzun bir kelimenin başı olarak da sayılır (wacht: wachten, wachttijd).
codebook-add = Tema ekle
codebook-name = Ad
codebook-cues = Temayı öneren kelimeler
codebook-cues-hint = Virgülle ayırın, örneğin: bus, reiskosten, ov-kaart
codebook-add-button = Tema ekle
codebook-active = Kodlarken kullan
codebook-save = Kaydet

# security: access
audit-filter-title = Denetim kaydında ara
audit-filter-user = Çalışan (kullanıcı adı)
audit-filter-user-hint = Örneğin k.jansen. Herkes için boş bırakın.
audit-filter-action = İşlem
audit-filter-action-hint = complaint.viewed gibi bir işlem kodu veya complaint gibi başlangıcı.
audit-filter-type = Kayıt türü
audit-filter-type-hint = Örneğin complaint (şikâyet), wave (tur) veya user (hesap).
audit-filter-record = Kayıt numarası
audit-filter-from = Başlangıç tarihi
audit-filter-to = Bitiş tarihi (dahil)
audit-filter-submit = Ara
audit-filter-clear = Hepsini göster
audit-filter-count = Bulunan işlem sayısı: { $n }
audit-filter-error-user = Bu kullanıcı adıyla bir hesap yok. Adı nasıl yazdığınızı kontrol edin.
audit-filter-error-code = Yalnızca küçük harf, rakam, nokta ve alt çizgi kullanın; örneğin complaint.viewed.
audit-filter-error-record = Numara için yalnızca harf, rakam ve - _ . / işaretlerini kullanın.
audit-filter-error-date = Tarihi gg-aa-yyyy olarak yazın, örneğin 01-03-2026.
audit-filter-error-period = Bitiş tarihi başlangıç tarihinden önce. Başlangıç tarihinde veya sonrasında bir bitiş tarihi seçin.
audit-filter-error-export = Arama alanları doğru değil. Denetim kaydına dönün ve düzeltin.

# security: requests
error-408-title = Bu çok uzun sürdü
error-408-text = Gönderdiğiniz şey çok yavaş geldi. Hiçbir şey kaydedilmedi. İnternet bağlantınızı kontrol edin ve tekrar deneyin.
form-error-too-large = Form kabul ettiğimizden daha büyük. Hiçbir şey kaydedilmedi. Geri dönün, metninizi kısaltın ve tekrar deneyin.
upload-error-too-large = Hiçbir şey kaydedilmedi. Forma geri dönün ve daha az veya daha küçük dosya gönderin.
upload-error-file-content = { $file } dosyası adının söylediği şey değil. Yalnızca gerçek PDF, JPG, PNG, metin, Word ve OpenOffice dosyalarını kabul ediyoruz. Başka bir dosya seçin.
upload-error-too-many-files = En fazla { $n } dosya gönderebilirsiniz. Daha az seçin.
# security: bounded
paging-label = Sayfalar
paging-previous = Önceki sayfa
paging-next = Sonraki sayfa
paging-status = Sayfa { $page } / { $pages }
text-shortened = kısaltıldı, toplam { $n } karakter
# security: disclosure
report-live-link = Devam eden bir anketin ara sonuçları (yalnızca araştırmacılar için)
report-live-title = Devam eden anketin ara sonuçları
report-live-notice = Ara sonuçlar, herkese açık değil. Bu rakamlar anket sürdükçe değişir. Raporda, PDF'te veya açık veride yer almazlar: bunlar bir anketi ancak kapandıktan sonra gösterir. Başkalarına iletmeyin.
report-live-wave = { $wave } anketi, { $date } tarihine kadar açık. Küçük gruplar burada da gizlidir.
report-live-through = { $date } tarihi dahil o güne kadarki yanıtlarla. Yeni yanıtlar tam gün olarak eklenir, ve ancak toplam en az { $k } olduğunda. Böylece iki kez bakmak hiçbir zaman tek bir kişinin yanıtlarını ele vermez.
report-live-nothing-yet = Henüz gösterilecek yanıt yok. Yanıtlar tam gün olarak eklenir, ve ancak toplam en az { $k } olduğunda. Böylece iki kez bakmak hiçbir zaman tek bir kişinin yanıtlarını ele vermez.
report-live-waves = Devam eden anketler
report-live-none = Şu anda devam eden bir anket yok.

# sso: single sign-on and two-factor codes
sso-login-button = Kurum hesabınızla giriş yapın
login-password-title = Veya kullanıcı adı ve şifre ile giriş yapın
break-glass-link = Yöneticiler için acil erişim
break-glass-intro = Yalnızca yöneticinin acil durum hesabı için, kurum hesabıyla giriş çalışmadığında. Buradaki her giriş kaydedilir.
sso-refused-title = Giriş yapılamadı
sso-refused-state = Bu giriş denemesinin süresi doldu veya zaten kullanıldı ya da başka bir pencerede başladınız. Girişe yeniden başlayın.
sso-refused-unreachable = Kurumunuzun giriş hizmeti yanıt vermiyor. Birkaç dakika sonra tekrar deneyin. Yine olmazsa yardım masasına başvurun.
sso-refused-provider = Kurumunuzun giriş hizmeti girişe izin vermedi veya giriş iptal edildi. Girişe yeniden başlayın.
sso-refused-token = Giriş hizmetinden gelen bilgiler doğru değil, bu yüzden sizi içeri alamıyoruz. Girişe yeniden başlayın. Olmazsa aşağıdaki kodu yöneticiye iletin.
sso-refused-no-role = Kurumunuzda giriş yaptınız, ancak klankbord'da bir rolünüz yok. Yöneticiden size bir rol vermesini isteyin.
sso-refused-disabled = klankbord hesabınız devre dışı. Bunun yanlış olduğunu düşünüyorsanız yöneticiye başvurun.
sso-refused-code = Yönetici için kod: { $code }
sso-refused-again = Yeniden giriş yapın
totp-code-title = Kodu girin
totp-code-intro = Şifreniz doğru. Şimdi telefonunuzdaki uygulamadan 6 haneli kodu girin. Telefonunuz yanınızda değil mi? Kurtarma kodlarınızdan birini girin.
totp-code-label = Kod
totp-code-hint = Uygulamadan 6 rakam veya abcd-efgh-jkmn gibi bir kurtarma kodu.
totp-code-submit = Kontrol et
totp-enrol-title = İki adımlı girişi ayarlayın
totp-enrol-required = Rolünüz kişisel verileri görüyor. Bu yüzden şifrenizle ve bir uygulamadan gelen kodla giriş yaparsınız. Önce bunu ayarlayın.
totp-enrol-step-app = Telefonunuza giriş kodları için bir uygulama yükleyin, örneğin bir authenticator uygulaması.
totp-enrol-step-scan = Bu QR kodunu uygulamayla tarayın.
totp-enrol-qr-alt = Uygulamanızla taranacak QR kodu
totp-enrol-manual = Tarayamıyor musunuz? Bu anahtarı uygulamaya yazın:
totp-enrol-step-code = Uygulamanın şimdi gösterdiği 6 haneli kodu girin.
totp-enrol-submit = Kodu onayla
totp-recovery-title = Kurtarma kodlarınız
totp-enrolled = İki adımlı giriş açık.
totp-recovery-intro = Telefonunuz yanınızda olmadığında bu kodlarla giriş yapabilirsiniz. Her kod bir kez çalışır.
totp-recovery-once = Bu kodları yalnızca bir kez görürsünüz. Yazın veya yazdırın ve güvenli bir yerde saklayın.
totp-recovery-continue = Kodları sakladım, devam et
totp-own-title = İki adımlı giriş
totp-own-sso = Kurum hesabınızla giriş yapıyorsunuz. İkinci adımı kurumunuz düzenler.
totp-own-on = İki adımlı giriş açık.
totp-own-left = { $count } kullanılmamış kurtarma kodunuz kaldı.
totp-own-lost = Telefonunuzu mu kaybettiniz veya yeni bir telefonunuz mu var? Yöneticiden kodları sıfırlamasını isteyin. Ardından girişte yeniden ayarlarsınız.
totp-own-off = İki adımlı giriş kapalı. Bir uygulamadan gelen kod hesabınızı daha iyi korur.
totp-own-start = Şimdi ayarla
totp-admin-title = İki adımlı giriş
totp-admin-sso = Bu hesap kurum hesabıyla giriş yapar; ikinci adımı kurum düzenler.
totp-admin-on = Açık. Telefon mu kayboldu? Kodları sıfırlayın. Çalışan bir sonraki girişte yeniden ayarlar. Bu kaydedilir.
totp-admin-reset = Kodları sıfırla
totp-admin-off = Kapalı.
totp-accepted = Kod doğru.
totp-wrong = Kod doğru değil. Uygulamanın şimdi gösterdiği kodu veya bir kurtarma kodunu girin.
totp-reused = Bu kod zaten kullanıldı. Uygulama yeni bir kod gösterene kadar bekleyin ve onu girin.
totp-recovery-used = Bu kurtarma kodu zaten kullanıldı. Her kurtarma kodu bir kez çalışır. Başka bir kod kullanın.
totp-wait = Kod çok sık yanlış girildi. Lütfen bekleyin: { $time } sonra tekrar deneyebilirsiniz.
notice-totp-reset = Kodlar sıfırlandı. Çalışan bir sonraki girişte onları yeniden ayarlar.
notice-login-again = Giriş çok uzun sürdü. Lütfen yeniden giriş yapın.
workspace-no-role = Henüz bir rolünüz yok. Yöneticiden size bir rol vermesini isteyin.
# journeys: staff everyday tools (Werkplek counts, search, e-mail, wave changes) and CSV for Excel
csv-choice-legend = Dosya türü
csv-choice-puntkomma = Hollandaca Excel için (noktalı virgül)
csv-choice-komma = Diğer programlar için (virgül)
export-open-answers = Açık yanıtlar, isimler ve adresler olmadan
export-open-answers-hint = Açık yanıtlarda isimler, telefon numaraları, e-posta adresleri, adresler, BSN'ler ve hesap numaraları [naam], [telefoonnummer] gibi işaretlerle değiştirilmiştir. Dosyada yanıt başına numara, tarih veya dil yoktur. Dosyayı belediye meclisi veya bir araştırma bürosu ile paylaşabilirsiniz. Önce okuyun.
export-open-answers-too-few = Bu dosya ancak en az { $k } kişi yanıt verdiğinde hazırlanır. Daha az kişiyle bir yanıt bir kişiye kolayca bağlanabilir.
wave-edit-link = Tarihleri, N'yi veya kanalları değiştir
wave-edit-title = Turu değiştir: { $wave }
wave-edit-intro = Tur açılana kadar tarihleri, hedef gruptaki kişi sayısını (N) ve kanalları değiştirebilirsiniz.
wave-edit-codes-made = Şimdiye kadar yapılan kodlar: { $n }. Eski kapanış tarihi mektuplarda yazıyorsa, tarihin değiştiğini insanlara bildirin.
wave-edit-submit = Değişiklikleri kaydet
wave-edit-refused = Açık olan bir tur artık değiştirilemez. İnsanlar zaten yanıt verdi ve kapanış tarihli bir mektup aldı.
wave-edit-refused-since = Bu tur { $date } tarihinden beri açık.
wave-error-opens-past = Açılış tarihi geçti. Bugünü veya daha sonraki bir günü seçin.
notice-wave-changed = Tur değiştirildi.
email-setting-title = E-posta adresim
email-setting-intro = Süreler hakkındaki hatırlatmaları bu adrese göndeririz. E-posta istemiyorsanız alanı boş bırakın.
email-setting-label = E-posta adresi
email-setting-hint = Örneğin isim@belediye.nl
email-setting-submit = E-posta adresini kaydet
email-setting-invalid = Bu bir e-posta adresi değil. isim@belediye.nl şeklinde yazın.
email-setting-admin-title = { $username } kullanıcısının e-posta adresi
email-setting-admin-link = E-posta adresini değiştir
case-search-title = Şikâyet ara
case-search-label = Şikâyet ara
case-search-hint = Dosya numarasını (örneğin 2026-0042), ismin bir kısmını veya takip kodunu yazın.
case-search-submit = Ara
case-search-too-short = İsmin en az 2 harfini, bir dosya numarasını veya bir takip kodunu yazın.
case-search-none = Görmeye yetkili olduğunuz bir şikâyet bulunamadı.
case-search-found = Bulunan şikâyetler: { $n }
case-search-col-number = Dosya numarası
case-search-col-received = Alındı
case-search-col-stage = Aşama
case-search-col-handler = Sorumlu
case-search-limit = En yeni { $n } şikâyeti görüyorsunuz. Diğerlerini bulmak için aramanızı daraltın.
workspace-cases-running = Devam eden şikâyetler: { $n }
workspace-cases-due-soon = Bir hafta içinde bitmesi gereken şikâyetler: { $n }
workspace-cases-overdue = Süresi geçen şikâyetler: { $n }
workspace-letters-waiting = Yazdırılmaya hazır mektuplar: { $n }
workspace-waves-open = Açık turlar: { $n }
workspace-waves-upcoming = Henüz açılmamış turlar: { $n }
workspace-quotes-waiting = Kararınızı bekleyen alıntılar: { $n }
workspace-sheets-aside = Kenara ayrılan formlar: { $n }
workspace-mail-failed = Gönderilemeyen mesajlar: { $n }
# report: period chooser
report-period-running = (devam ediyor)
report-period-empty = { $period } için (henüz) rakam yok. Listeden bir dönem seçin.
# coding: suggestions are proposals (issue 19)
coding-language = Metnin dili
coding-language-unknown = tanınmadı
coding-no-suggestions = Öneri yok: programın bu dilde kelimeleri yok. Metni kendiniz kodlayın.
coding-suggestions-intro = Programın önerileri, dayandıkları kelimelerle birlikte aşağıdadır. İşaretli değiller: siz karar verirsiniz. Bir öneriyi kendiniz işaretleyin veya tüm önerileri işaretlemek için + tuşuna basın.
coding-accept-all = Önerileri al ve kaydet
coding-reason-words = şu kelimeler nedeniyle
coding-reason-theme = { $theme } temasıyla birlikte gelir:
coding-reason-model = kodlarınızdan öğrenildi (%{ $percent } emin), şu kelimeler nedeniyle
coding-held-back = (daha az olası)
coding-reason-held-back = daha az olası (%{ $percent }): kelimelerin bu kodu önerdiği { $suggested } metnin { $kept } tanesinde bu kodu seçtiniz. Kelimeler:
