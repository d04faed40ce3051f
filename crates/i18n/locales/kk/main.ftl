# Qorgau: қазақ тіліндегі хабарламалар каталогы. Адам оқитын әрбір сөйлем осында.

## Қолданба

app-name = Qorgau
app-tagline = Қорғаныс және ұлттық қауіпсіздік туралы заңнама — іс жүзінде
page-title = { $title } · Qorgau
signed-in-as = Жүйеге кірген пайдаланушы: { $name }

## Навигация

nav-label = Негізгі навигация
nav-later = (жақында)
nav-later-title = Бұл модуль осы нұсқада әлі қолжетімді емес.
nav-home = Басты бет
nav-home-about = Сіздің қолжетімділік аясыңыз бен модульдеріңіз.
nav-law = Заңнама
nav-law-about = Күшіндегі құқықтық актілер, олардың нормалары мен өзгерістері, толық мәтін бойынша іздеу.
nav-safety = Әскери қызмет қауіпсіздігі
nav-safety-about = Қауіпсіздікті қамтамасыз ету жоспарлары, даярлық, бақылау және актілер, оқиғалар, жеке құрамның 1000 адамына шаққандағы талдау.
nav-conscription = Әскери қызметке шақыру және әскери есепке алу
nav-conscription-about = Азаматтар тізілімі, шақыру қағаздарын жіберу науқандары және олардың нәтижесі.
nav-security = Ұлттық қауіпсіздік
nav-security-about = Құзыреттер, қатерлер тізілімі, стратегиялық көрсеткіштер және Қауіпсіздік Кеңесінің шешімдері.
nav-rules = Ережелер
nav-rules-about = Әрбір ереже өзі сілтеме жасайтын нормалармен; кез келгенін өз фактілеріңіз бойынша есептеңіз.
nav-org = Ұйым
nav-org-about = Әрбір рөл берілетін органдар мен бөлімшелердің құрылымы (ағашы).
nav-users = Пайдаланушылар
nav-users-about = Есептік жазбалар және олардың рөлдері.
nav-audit = Аудит
nav-audit-about = Хэш-тізбекпен байланыстырылған әрбір өзгеріс және тізбектің тексерілуі.
nav-account = Менің есептік жазбам
nav-account-about = Құпиясөзіңіз және API токендеріңіз.

## Әрекеттер

action-sign-in = Кіру
action-sign-out = Шығу
action-back-home = Басты бетке оралу
action-change-password = Құпиясөзді өзгерту
action-create-token = Токен жасау
action-revoke = Кері қайтарып алу
action-create-user = Пайдаланушы жасау
action-enable = Есептік жазбаны қосу
action-disable = Есептік жазбаны өшіру
action-reset-password = Жаңа бір реттік құпиясөз беру
action-remove = Жою
action-add-role = Рөл қосу
action-create-unit = Бөлімше қосу
action-evaluate = Есептеу

## Өрістер

field-username = Пайдаланушы аты
field-password = Құпиясөз
field-current-password = Ағымдағы құпиясөз
field-new-password = Жаңа құпиясөз
field-repeat-password = Жаңа құпиясөзді қайталаңыз
field-display-name = Толық аты-жөні
field-role = Рөл
field-roles = Рөлдер
field-unit = Бөлімше
field-parent-unit = Жоғары тұрған бөлімше
field-name = Атауы
field-kind = Түрі
field-status = Күйі
field-prefix = Басталуы
field-created = Жасалған күні
field-token-name = Токен не үшін қажет
field-rule = Ереже
field-title = Атауы
field-citations = Сілтемелер
field-facts = Фактілер (JSON)
field-as-of = Жағдай бойынша күн
field-outcome = Нәтиже
field-explanation = Түсіндірме
field-when = Уақыты (UTC)
field-who = Кім
field-action = Әрекет
field-record = Жазба
field-change = Өзгеріске дейін / кейін

## Рөлдер

role-administrator = Әкімші
role-commander = Командир
role-safety-officer = Әскери қызмет қауіпсіздігі жөніндегі офицер
role-inspector = Инспектор
role-registration-officer = Әскери есепке алу жөніндегі офицер
role-analyst = Талдаушы
role-council-secretariat = Қауіпсіздік Кеңесінің хатшылығы
role-auditor = Аудитор (тек қарау)

## Кіру

login-title = Qorgau жүйесіне кіру

## Басты бет

home-welcome = Қош келдіңіз, { $name }
home-scope-title = Сіздің қолжетімділік аясыңыз
home-scope-intro = Сіз әрбір рөл рұқсат ететін шекте тек осы бөлімшелерге және олардан төмен тұрған бөлімшелерге тиесілі деректерді ғана көре және өзгерте аласыз.
home-no-grants = Сізде әлі ешбір рөл жоқ. Рөл беруді әкімшіден сұраңыз.
home-modules-title = Модульдер

## Есептік жазба

account-title = Менің есептік жазбам
account-must-change = Сіз бір реттік құпиясөзбен кірдіңіз. Жұмысты жалғастырмас бұрын өз құпиясөзіңізді таңдаңыз.
account-password-title = Құпиясөз
tokens-title = API токендері
tokens-intro = Машиналық клиенттер API-ге «Authorization: Bearer …» HTTP тақырыбындағы токенмен жүгінеді. Токен сіздің рөлдеріңізбен әрекет етеді.
token-shown-once = Бұл токенді қазір көшіріп алыңыз: ол тек бір рет көрсетіледі.
token-created = Токен жасалды.
token-revoked = Токен кері қайтарып алынды.
token-active = Белсенді
token-revoked-at = Кері қайтарып алынды: { $at }

## Пайдаланушылар

users-title = Пайдаланушылар
users-create-title = Жаңа пайдаланушы
users-created = Пайдаланушы { $username } жасалды. Осы бір реттік құпиясөзді иесіне беріңіз; ол тек бір рет көрсетіледі:
users-reset-done = Жаңа бір реттік құпиясөз берілді. Оны иесіне беріңіз; ол тек бір рет көрсетіледі:
users-disabled = Есептік жазба өшірілді және оның сеанстары аяқталды.
users-enabled = Есептік жазба қосылды.
users-grants-changed = Рөлдер өзгертілді.
user-home-unit = Тиесілі бөлімшесі: { $unit }
user-status-active = Белсенді
user-status-disabled = Өшірілген
user-status-locked = Сәтсіз кіру әрекеттеріне байланысты бұғатталған; бұғаттау аяқталатын уақыт: { $until } (UTC)
user-status-pending = Алғашқы кіру күтілуде

## Ұйым

org-title = Ұйым
org-create-title = Бөлімше қосу

## Ережелер

rules-title = Ережелер
rules-intro = Әрбір ереже — фактілер мен күннің функциясы. Оның шешімі өзі негізделетін нормаларға сілтеме жасайды және өзін-өзі түсіндіреді.
rule-facts-schema = Қажетті фактілер (JSON Schema)
rule-evaluate-title = Есептеу
rule-decision-title = Шешім

rule-safety-plan-due-title = Әскери қызмет қауіпсіздігін қамтамасыз ету жоспарын бекітудің соңғы күні
rule-safety-plan-due-basis = Командирлер (бастықтар) келесі жылға арналған Жоспарды 25 желтоқсанға дейін бекітеді, сондықтан { $year } жылға арналған Жоспарды бекітудің соңғы күні — { $last_day }.
rule-safety-plan-due-remaining = { $as_of } күнгі жағдай бойынша { $days ->
        [0] соңғы күн — бүгін.
        [one] бір күн қалды.
       *[other] { $days } күн қалды.
    }
rule-safety-plan-due-passed = { $as_of } күнгі жағдай бойынша соңғы күн { $days ->
        [one] бір күн бұрын өтті.
       *[other] { $days } күн бұрын өтті.
    }
rule-safety-plan-revision-title = Әскери қызмет қауіпсіздігін қамтамасыз ету жоспарын қайта қарау қажет пе
rule-safety-plan-revision-conditions = Әскерлердің күнделікті қызметінің жағдайлары өзгерді, ал олар өзгерген кезде Жоспар қайта қаралады.
rule-safety-plan-revision-equipment = Қарудың, әскери немесе арнаулы техниканың жаңа түрлері келіп түсті, ал олар келіп түскен кезде Жоспар қайта қаралады.
rule-safety-plan-revision-other = Жоспар күнделікті қызмет жағдайлары өзгерген немесе жаңа қару не техника келіп түскен кезде қайта қаралуға тиіс; бұл өзгеріс олардың ешқайсысына жатпайды, сондықтан қайта қарау талап етілмейді (бірақ оны жүргізуге болады).
rule-safety-coverage-title = Басқармалар мен қызметтерді тоқсан сайын бақылаумен қамту
rule-safety-coverage-met = Бақылау жүргізілген басқармалар мен қызметтер: { $inspected }, барлығы { $total } ({ $percent } %); бұл тоқсан сайынғы ең төменгі 25 % шегіне ({ $required } бақылау) сәйкес келеді.
rule-safety-coverage-missed = Бақылау жүргізілген басқармалар мен қызметтер: { $inspected }, барлығы { $total } ({ $percent } %); бұл тоқсан сайынғы ең төменгі 25 % шегінен ({ $required } бақылау) төмен.
rule-safety-retention-title = Бақылау актісі қанша уақыт сақталады
rule-safety-retention-basis = Актілер бақылау аяқталғаннан кейін бес жыл бойы сақталады. Бақылау { $control_end } күні аяқталды, сондықтан Акт { $until } күніне дейін сақталады және сол күннен бастап жойылуы мүмкін.
rule-safety-retention-kept = { $as_of } күнгі жағдай бойынша Акт әлі сақталуға тиіс; оны { $until } күнінен бастап жоюға болады.
rule-safety-retention-deletable = { $as_of } күнгі жағдай бойынша бес жыл өтті, Актіні жоюға болады.
rule-safety-rates-title = Жеке құрамның 1000 адамына шаққандағы қаза болу және жарақаттану
rule-safety-rates-deaths = Жеке құрамның орташа саны { $personnel } адам болғанда әскери қызмет міндеттерін атқару кезінде қаза болудың { $deaths } жағдайы 1000 адамға шаққанда { $rate } құрайды.
rule-safety-rates-injuries = Жеке құрамның орташа саны { $personnel } адам болғанда әскери қызмет міндеттерін атқару кезінде жаралану, жарақаттану және контузия алудың { $injuries } жағдайы 1000 адамға шаққанда { $rate } құрайды.
rule-safety-comparison-period-title = Талдау салыстырылатын кезең
rule-safety-comparison-period-basis = Талдау өткен жылдың сол кезеңімен салыстырылады: { $start } – { $end } кезеңі { $previous_start } – { $previous_end } кезеңімен салыстырылады.
rule-safety-training-calendar = Бұйрық оқу кезеңдерін белгілемейді; Qorgau күнтізбесінде қысқы оқу кезеңі { $winter }, жазғы оқу кезеңі { $summer }, оқу жылы { $academic } (ай-күн) басталады, бұл күндер конфигурацияда белгіленеді.
rule-safety-schedule-title = Қандай талдаулар қай мерзімде жасалуға тиіс
rule-safety-schedule-due = { $period_end } күні аяқталатын кезең үшін { $count ->
        [one] бір талдау
       *[other] { $count } талдау
    } { $deadline } күнінен кешіктірілмей (келесі айдың 10-күні) жасалуға тиіс.
rule-safety-schedule-open = { $as_of } күнгі жағдай бойынша { $days ->
        [0] мерзімнің соңғы күні — бүгін.
        [one] бір күн қалды.
       *[other] { $days } күн қалды.
    }
rule-safety-schedule-late = { $as_of } күнгі жағдай бойынша талдаулар { $days ->
        [one] бір күнге кешіктірілді.
       *[other] { $days } күнге кешіктірілді.
    }
rule-safety-schedule-none = Бұл буын { $period_end } күні аяқталатын кезең үшін талдау жасауға міндетті емес.
rule-safety-exercise-title = Іс-шара алдында өткізілуге тиіс арнаулы сабақ
rule-safety-exercise-period = { $starts_on } күні басталатын оқу кезеңі алдында орган ауқымында кешенді тактикалық-жауынгерлік сабақ өткізіледі; соңғы мерзімі — { $due_by }.
rule-safety-exercise-unit = { $starts_on } күні басталатын іс-шара алдында тиісті бөлімшелер мен қызметтерде қауіпсіздік жөніндегі сабақ өткізіледі; соңғы мерзімі — { $due_by }.
rule-safety-exercise-remaining = { $as_of } күнгі жағдай бойынша { $days ->
        [0] соңғы күн — бүгін.
        [one] бір күн қалды.
       *[other] { $days } күн қалды.
    }
rule-safety-exercise-passed = { $as_of } күнгі жағдай бойынша соңғы күн { $days ->
        [one] бір күн бұрын өтті.
       *[other] { $days } күн бұрын өтті.
    }
unfavourable-death = Міндеттерді атқару кезінде 1000 адамға шаққандағы қаза болу көрсеткіші { $rate }, бұл органның көрсеткішінен ({ $body_rate }) жоғары.
unfavourable-rate = 1000 адамға шаққандағы қаза болу және жарақаттану көрсеткіші { $rate }, бұл органның көрсеткішінен ({ $body_rate }) жоғары және өткен жылдың сол кезеңімен салыстырғанда төмендеген жоқ.

period-month = ай
period-quarter = тоқсан
period-half-year = жарты жыл
period-year = жыл
period-winter-training = қысқы оқу кезеңі
period-summer-training = жазғы оқу кезеңі
period-academic-year = оқу жылы
plan-change-conditions = Күнделікті қызмет жағдайлары өзгерді
plan-change-equipment = Жаңа қару, әскери немесе арнаулы техника келіп түсті
plan-change-other = Басқа өзгеріс
exercise-complex-tactical = Органның кешенді тактикалық-жауынгерлік сабағы
exercise-unit-safety = Бөлімшелер мен қызметтердегі қауіпсіздік жөніндегі сабақ
rule-security-lead-body-title = Ұлттық қауіпсіздіктің бір саласында ведомствоаралық үйлестіруге басшылық ететін орган
rule-security-lead-body-interagency = 15-бап { $area } саласындағы қауіпсіздікті ведомствоаралық үйлестіруді мына органға жүктейді: { $body }.
rule-security-lead-body-sectoral = 15-бап { $area } саласын үйлестіруді мына органға жүктейді: { $body }; мәтін мұны ведомствоаралық емес, салааралық үйлестіру деп атайды.
rule-security-lead-body-commission = 15-бапқа сәйкес саланы үйлестіретін органдардың басшылары осы сала үшін құрылатын ведомствоаралық комиссияларға, кеңестерге және штабтарға басшылық етеді (18-баптың 4-тармағы).
rule-security-lead-body-none = 15-бап { $area } саласын үйлестіретін ешбір органды атамайды, сондықтан одан ведомствоаралық комиссия басшысы да туындамайды.
rule-security-ownership-title = Бұқаралық ақпарат құралдары мен телекоммуникациялар саласындағы шетелдік меншік пен бақылауға қойылатын шектеулер
rule-security-ownership-share = Ұйым: { $organisation }. Тікелей және жанама шетелдік үлес (үлестер әрбір тізбек бойымен көбейтіліп, тізбектер бойынша қосылады) { $share } % құрайды.
rule-security-ownership-cycles = { $count ->
        [one] Өзара (айқас) иеленудің бір циклі анықталды; ондағы үлестер тұрақталғанға дейін қайталап есептелді.
       *[other] Өзара (айқас) иеленудің { $count } циклі анықталды; олардағы үлестер тұрақталғанға дейін қайталап есептелді.
    }
rule-security-ownership-clear = 23-баптың 6-тармағында белгіленген шектеулердің ешқайсысы бұзылмаған.
rule-security-ownership-media = Шетелдік тұлғалар бұқаралық ақпарат құралы меншік иесінің { $share } % үлесін бақылайды, бұл рұқсат етілген 20 % шегінен асады.
rule-security-ownership-operator = Шетелдік тұлғалар қалааралық немесе халықаралық байланыс операторының дауыс беретін акцияларының жиынтығында { $share } % иеленеді, бұл рұқсат етілген 49 % шегінен асады.
rule-security-ownership-acquisition = { $acquirer } уәкілетті органның келісімінсіз қалааралық немесе халықаралық байланыс операторының дауыс беретін акцияларының { $share } % үлесін иеленді; 10 %-дан астам үлес үшін мұндай келісім қажет.
rule-security-ownership-trunk = Магистральдық байланыс желілерін шетелдіктер басқарады немесе пайдаланады, бұған тыйым салынған.
rule-security-ownership-control-centre = Байланыс желісін басқару орталығы Қазақстаннан тыс жерде орналасқан, бұған тыйым салынған.
rule-defense-function-holder-title = Мәтіндерде көзделген өкілеттік кімге тиесілі және ол Қорғаныс министрлігінің функциясы ма
rule-defense-function-holder-found = { $clause } нормасына сәйкес «{ $verb }: { $object }» өкілеттігі мыналарға тиесілі: { $holders }.
rule-defense-function-holder-lapsed = { $clause } нормасына сәйкес «{ $verb }: { $object }» өкілеттігі мыналарға тиесілі болған: { $holders }; бұл { $since } күнінен бастап қолданылмайды: { $by } бойынша алып тасталған немесе күшін жойған.
rule-defense-function-holder-not-yet-in-force = { $clause } нормасына сәйкес «{ $verb }: { $object }» өкілеттігі мыналарға тиесілі: { $holders }, бірақ бұл мәтін осы күні әлі күшіне енбеген.
rule-defense-function-holder-none = Бес мәтіндегі бірде-бір өкілеттік «{ $question }» сұрауына сәйкес келмейді.
rule-defense-function-holder-none-of-kind = Мәтіндер «{ $question }» сұрауы қатысты нәрсеге «{ $verb }» өкілеттігін ешкімге бермейді.
rule-defense-function-holder-ministry-holds = Бұл — Қорғаныс министрлігінің функциясы.
rule-defense-function-holder-ministry-no-longer = Бұл Қорғаныс министрлігінің функциясы болған, бірақ енді олай емес.
rule-defense-function-holder-ministry-not = Бұл Қорғаныс министрлігінің функциясы емес: мәтіндер оны мыналарға береді: { $holders }.
rule-defense-function-holder-ministry-unknown = Мәтіндер оны ешкімге бермейді, сондықтан оны Қорғаныс министрлігінің функциясы ретінде де белгілемейді.
rule-defense-function-holder-other-kind = Алайда { $clause } нормасына сәйкес «{ $verb }: { $object }» өкілеттігі мыналарға берілген: { $holders }.
rule-defense-function-holder-reading = Түсіндіру: сұрақтағы етістік өкілеттіктің түрін білдіреді және тек сол түрдегі өкілеттіктер ғана жауап бола алады («бекітеді» деген сұраққа «әзірлейді» деген норма ешқашан жауап болмайды). Сұрақтың қалған сөздері түбірі бойынша бес мәтіндегі әрбір өкілеттіктің объектісімен салыстырылады, сирек сөздердің салмағы көбірек; өкілеттік сұрақтың кемінде жартысын қамтыса, жауап болып табылады. Норма атаған әрбір бірлескен иесі көрсетіледі.
defense-ministry-role-holds = Қорғаныс министрлігінің функциясы
defense-ministry-role-no-longer-holds = Енді Қорғаныс министрлігінің функциясы емес
defense-ministry-role-not-its-function = Қорғаныс министрлігінің функциясы емес
defense-ministry-role-no-holder-in-texts = Мәтіндерде иесі көрсетілмеген
list-separator = {", "}
list-pair = { $first } және { $last }

## Аудит

audit-title = Аудит журналы
audit-intact = { $entries } жазбадан тұратын тізбек бүтін.
audit-broken = Тізбек { $seq } нөмірлі жазбада үзілген: { $reason }
audit-break-content-changed = жазба жазылғаннан кейін өзгертілген.
audit-break-link-broken = жазба алдыңғы жазбаның жалғасы емес (жазба жойылған, енгізілген немесе орны ауыстырылған).
audit-break-gap = бір жазба жетіспейді.
audit-break-head-mismatch = соңындағы жазбалар жойылған немесе тізбектің басы (head) жаңартылмай қосылған.

# Аудит әрекеттері (app::write::AuditAction), аудит журналы бетінде аталуынша.
audit-action-user-create = Есептік жазба жасалды
audit-action-user-update = Есептік жазба өзгертілді
audit-action-user-disable = Есептік жазба өшірілді
audit-action-user-enable = Есептік жазба қосылды
audit-action-user-grants = Рөлдер өзгертілді
audit-action-user-login = Жүйеге кірді
audit-action-user-login-failed = Кіру сәтсіз аяқталды
audit-action-user-logout = Жүйеден шықты
audit-action-user-password-change = Құпиясөз өзгертілді
audit-action-user-password-reset = Құпиясөз қайта орнатылды
audit-action-user-language = Интерфейс тілі таңдалды
audit-action-sessions-purge = Мерзімі өткен сеанстар жойылды
audit-action-token-create = API токені жасалды
audit-action-token-revoke = API токені кері қайтарып алынды
audit-action-org-unit-create = Бөлімше жасалды
audit-action-org-unit-import = Бөлімшелер импортталды
audit-action-law-import = Құқықтық акт импортталды
audit-action-citizens-import = Азаматтар импортталды
audit-action-campaign-create = Науқан жасалды
audit-action-campaign-plan = Шақыру қағаздары жоспарланды
audit-action-campaign-send = Науқан іске қосылды
audit-action-campaign-close = Науқан жабылды
audit-action-summons-record = Келу немесе келмеу себебі тіркелді
audit-action-summons-send = Шақыру қағазы арнаға берілді
audit-action-summons-hand-at-authority = Шақыру қағазы органда тапсырылды
audit-action-channel-events = Жеткізу туралы есептер алынды
audit-action-safety-demo-load = Демонстрациялық деректер жүктелді
audit-action-safety-strength-import = Жеке құрам саны импортталды
audit-action-safety-plan-create = Жоспардың жобасы жасалды
audit-action-safety-plan-edit = Жоспар өңделді
audit-action-safety-plan-approve = Жоспар бекітілді
audit-action-safety-plan-revise = Жоспарды қайта қарау басталды
audit-action-safety-plan-activity-complete = Жоспардың іс-шарасы орындалды
audit-action-safety-training-record = Даярлық сабағы тіркелді
audit-action-safety-act-record = Акт тіркелді
audit-action-safety-act-acknowledge = Актімен танысу расталды
audit-action-safety-act-delete = Акт жойылды
audit-action-safety-act-purge = Сақтау мерзімі өткен актілер жойылды
audit-action-safety-violation-eliminate = Бұзушылық жойылды
audit-action-safety-incident-record = Оқиға тіркелді
audit-action-safety-incident-import = Оқиғалар импортталды
audit-action-safety-analysis-complete = Талдау аяқталды
audit-action-safety-rollups-rebuild = Жиынтық деректер қайта құрылды
audit-action-security-list-add = Анықтамалық тізімге жазба қосылды
audit-action-security-organisations-import = Ұйымдар импортталды
audit-action-security-holdings-import = Қатысу үлестері импортталды
audit-action-security-commission-create = Комиссия құрылды
audit-action-security-commission-add-member = Комиссияға мүше қосылды
audit-action-security-threat-assess = Қатер бағаланды
audit-action-security-measure-create = Шара белгіленді
audit-action-security-measure-report = Шараның орындалуы туралы есеп берілді
audit-action-security-document-create = Стратегиялық құжат жасалды
audit-action-security-indicator-create = Көрсеткіш жасалды
audit-action-security-indicator-measure = Көрсеткіш өлшенді
audit-action-council-meeting-create = Кеңес отырысы тіркелді
audit-action-council-agenda-add = Күн тәртібіне мәселе қосылды
audit-action-council-decision-create = Кеңестің шешімі тіркелді
audit-action-council-decision-report = Орындалуы туралы есеп берілді
audit-action-council-report-review = Орындалуы туралы есеп қаралды

## Қателер

error-forbidden = Рұқсат етілмеген
error-not-found = Табылмады
error-invalid = Енгізілген деректерді тексеріңіз
error-internal = Қате орын алды
error-unauthenticated = Жүйеге кіріңіз.
error-bad-credentials = Пайдаланушы аты немесе құпиясөз қате.
error-locked = Кіру әрекеттері тым көп рет сәтсіз болды: бұл есептік жазба бұғатталды, бұғаттау аяқталатын уақыт: { $until } (UTC).
error-disabled = Бұл есептік жазба өшірілген.
error-forbidden-detail = Сіздің рөлдеріңіз мұнда бұл әрекетке рұқсат бермейді.
error-not-found-detail = Сұралған нысан жоқ.
error-conflict-detail = Бұл атау бұрыннан қолданылуда.
error-internal-detail = Сервер сұрауды орындай алмады. Қате журналға жазылды.
error-busy-detail = Дерекқор ауқымды өзгеріспен бос емес; ештеңе өзгертілген жоқ. Біраздан кейін қайталап көріңіз.
error-form-expired = Форманың мерзімі өтті. Қайталап көріңіз.
error-passwords-differ = Екі жаңа құпиясөз бір-біріне сәйкес келмейді.

## Енгізілген деректерді тексеру

invalid-username = Пайдаланушы аты 3–64 таңбадан тұрады: кіші латын әріптері, цифрлар, '.', '_' немесе '-'.
invalid-display-name = Аты-жөні 1–200 таңбадан тұрады.
invalid-current-password = Бұл сіздің ағымдағы құпиясөзіңіз емес.
invalid-password-short = Жаңа құпиясөз кемінде { $min } таңбадан тұруға тиіс.
invalid-password-same = Жаңа құпиясөз ағымдағы құпиясөзден өзгеше болуға тиіс.
invalid-password-username = Жаңа құпиясөзде пайдаланушы аты болмауға тиіс.
invalid-unit-missing = Бөлімше { $id } жоқ.
invalid-unit-name = Бөлімше атауы 1–300 таңбадан тұрады.
invalid-unit-kind = «{ $value }» — бөлімше түрі емес.
invalid-self-disable = Өз есептік жазбаңызды өшіре алмайсыз.
invalid-self-grants = Өз рөлдеріңізді өзгерте алмайсыз.
invalid-token-name = Токен не үшін қажет екенін 1–100 таңбамен жазыңыз.
invalid-number = «{ $value }» — сан емес.
invalid-role = «{ $value }» — рөл емес.
invalid-json = Фактілер жарамды JSON емес: { $detail }
invalid-date = «{ $value }» — күн емес (YYYY-MM-DD).

## Командалық жол

cli-error = Қате: { $detail }
cli-serving = Qorgau { $url } мекенжайында жұмыс істеп тұр (дерекқор { $database }). Тоқтату үшін Ctrl-C басыңыз.
cli-admin-created = Әкімші «{ $username }» бір реттік құпиясөзбен кіре алады: { $password }; кейін одан жаңа құпиясөз таңдау сұралады.
cli-demo-loaded = Ұйымның демо құрылымы жүктелді ({ $units } бөлімше).
cli-stopped = Тоқтатылды.
cli-migrated = { $count ->
        [0] Дерекқор өзекті күйде.
        [one] Бір миграция қолданылды.
       *[other] { $count } миграция қолданылды.
    }
cli-cannot-create-folder = Қалтаны жасау мүмкін емес: { $path }
cli-cannot-open-database = Дерекқорды ашу мүмкін емес: { $url }
cli-migration-failed = Дерекқор миграциялары сәтсіз аяқталды
cli-cannot-listen = Тыңдау мүмкін емес: { $address }
cli-cannot-read = Оқу мүмкін емес: { $path }
cli-facts-not-json = Файлдағы фактілер жарамды JSON емес: { $path }
cli-rule-error = Ереже шешім шығара алмады: { $detail }
cli-user-created = Пайдаланушы «{ $username }» жасалды. Бір реттік құпиясөз: { $password }
cli-user-disabled = Пайдаланушы «{ $username }» өшірілді.
cli-user-enabled = Пайдаланушы «{ $username }» қосылды.
cli-user-role = Пайдаланушы «{ $username }» енді { $role } рөлін иеленеді (бөлімше: { $unit }).
cli-user-password = Пайдаланушы «{ $username }» үшін жаңа бір реттік құпиясөз: { $password }
cli-unit-created = Бөлімше «{ $name }» қосылды (id { $id }).
error-form-unreadable = Форманы оқу мүмкін болмады: { $detail }

## Заңнама

law-title = Заңнама
law-in-force-basis = Күшіне енуі: { $basis }
law-interpretations = Мәтін қалай түсіндірілді
law-not-in-force = күшінде емес
law-cited-by = Осы нормаға сілтеме жасайтын ережелер
law-cited-by-none = Бұл нормаға әзірге бірде-бір ереже сілтеме жасамайды.
law-status-in-force = Осы күні күшінде.
law-status-not-yet-in-force = Осы күні әлі күшіне енбеген.
law-status-not-yet = Осы күні әлі күшіне енбеген: { $since } күнінен бастап қолданылады.
law-status-excluded = { $by } бойынша { $since } күнінен бастап алып тасталған.
law-label-with-heading = { $label }. { $heading }
law-kind-act = Құқықтық акт
law-kind-order = № { $number } бұйрық
law-kind-chapter = { $number }-тарау
law-kind-article = { $number }-бап
law-kind-paragraph = { $number }-тармақ
law-kind-point = { $number }) тармақша
law-kind-appendix = { $number }-қосымша
law-kind-section = { $number }-бөлім
law-kind-item = { $number }-абзац
field-act = Құқықтық акт
field-adopted = Қабылданған күні
field-in-force-from = Күшіне енген күні
action-show = Көрсету
cli-law-in-force = { $as_of } күні күшінде.
cli-law-excluded = { $as_of } күні күшінде емес: { $by } бойынша { $since } күнінен бастап алып тасталған.
cli-law-cited-by = Сілтеме жасайтын ережелер: { $rules }
invalid-search-empty = Іздеу үшін сөз немесе сөз тіркесін енгізіңіз.
invalid-act = «{ $value }» — корпустағы құқықтық акт емес.
law-search-title = Заңнамадан іздеу
law-search-results = { $count ->
        [0] Ештеңе табылмады.
        [one] Бір норма табылды.
       *[other] { $count } норма табылды.
    }
field-query = Сөздер немесе "тырнақшадағы сөз тіркесі"
field-any-act = Барлық актілер
action-search = Іздеу
cli-cannot-write = Жазу мүмкін емес: { $path }
cli-law-exported = Құқықтық акт { $act } Akoma Ntoso XML ретінде жазылды: { $path }
cli-law-imported = Құқықтық акт { $act } импортталды. Танылғандары:
cli-law-preamble =   Бірінші құрылымдық бірлікке дейінгі мәтін — преамбула.
cli-law-gap =   Нөмірлеудегі олқылық қабылданды: { $note }
cli-law-unplaced =   Орналастыру мүмкін болмады (жалғасқан мәтін ретінде сақталды): { $line }
cli-law-dropped =   Сайттың қызметтік мәтінінен тұратын { $count } жол алынып тасталды.
cli-law-count =   { $kind ->
        [chapter] Тараулар
        [article] Баптар
        [paragraph] Тармақтар
        [point] Тармақшалар
        [appendix] Қосымшалар
        [order] Бұйрықтар
        [section] Бөлімдер
        [item] Тізім тармақтары
       *[other] Басқа бірліктер
    }: { $count }
law-language-eng = ағылшын тілі
law-language-kaz = қазақ тілі
law-language-rus = орыс тілі
law-language-und = көрсетілмеген
law-text-language = { $language ->
        [shipped] Мәтін ағылшын тілінде: корпусқа енгізілген ресми ағылшын тіліндегі аударма.
        [eng] Мәтін ағылшын тілінде, импортталған күйінде.
        [kaz] Мәтін қазақ тілінде, импортталған күйінде.
        [rus] Мәтін орыс тілінде, импортталған күйінде.
       *[und] Мәтіннің тілі импорт кезінде көрсетілмеген; оның тақырыптары ағылшын тіліндегідей оқылды.
    }

## Әскерге шақыру ережелері

rule-training-eligible-title = Міндетті әскери даярлық: кім өтеді
rule-training-men-within = Ерлер міндетті әскери даярлықтан он алты жастан алпыс жасқа дейін (қоса алғанда) өтеді; бұл ер адам { $age } жаста, яғни осы шекте.
rule-training-men-outside = Ерлер міндетті әскери даярлықтан он алты жастан алпыс жасқа дейін (қоса алғанда) өтеді; бұл ер адам { $age } жаста, яғни осы шектен тыс.
rule-training-women-within = Әйелдер міндетті әскери даярлықтан он сегіз жастан қырық бес жасқа дейін (қоса алғанда) өтеді; бұл әйел { $age } жаста, яғни осы шекте.
rule-training-women-outside = Әйелдер міндетті әскери даярлықтан он сегіз жастан қырық бес жасқа дейін (қоса алғанда) өтеді; бұл әйел { $age } жаста, яғни осы шектен тыс.
rule-training-no-children = Оның балалары жоқ, сондықтан балаларға қатысты шарт орындалады.
rule-training-children-not-needed = Оның балалары туралы деректер берілмеген; 18–45 жас шегінен тыс бұл ештеңені өзгертпейді.
rule-training-children-over-ten = Оның барлық балалары он жастан асқан, сондықтан балаларға қатысты шарт орындалады.
rule-training-child-ten-or-under = { $count ->
        [one] Оның он жастан аспаған бір баласы бар, сондықтан ол міндетті әскери даярлықтан өтпейді.
       *[other] Оның он жастан аспаған { $count } баласы бар, сондықтан ол міндетті әскери даярлықтан өтпейді.
    }
rule-training-child-reading = Қолданылған түсіндіру: бала он жасқа толған күннің келесі күнінен бастап он жастан асқан болып саналады; жас шешім күнгі толық жылдармен есептеледі.
rule-registration-title = Әскери есепке алу: кім жатады
rule-registration-required = Бес ерекшеліктің ешқайсысы қолданылмайды, сондықтан бұл адам әскери есепке алуға жатады.
rule-registration-below-age = Адам { $age } жаста, яғни әлі әскерге шақырылушы емес: әскери есепке алу { $min } жасқа толатын жылы басталады, сондықтан есепке алу талап етілмейді және шақыру қағазын жіберуге болмайды.
rule-registration-age-source = Мәтінді түсіндіру: 003 «әскерге шақырылушылар мен әскери қызметшілерді» есепке алуды көздейді, бірақ жасты көрсетпейді; жас Qorgau корпусына кірмейтін «Әскери қызмет және әскери қызметшілердің мәртебесі туралы» Заңнан (2012 жылғы 16 ақпандағы № 561-IV) алынады.
rule-registration-exempt-woman = Әскери-есептік мамандығы жоқ әйел әскери есепке алуға жатпайды.
rule-registration-exempt-removed = Әскери қызметтен босатылған, отставкаға шығарылған немесе запаста болудың шекті жасына толуына не жарамсыздығына байланысты есептен шығарылған адам әскери есепке алуға жатпайды.
rule-registration-exempt-sentence = Жаза өтеп жүрген адам әскери есепке алуға жатпайды.
rule-registration-exempt-abroad = Қазақстан Республикасының шегінен тыс жерде тұрақты тұратын адам әскери есепке алуға жатпайды.
rule-registration-exempt-service = Құқық қорғау және арнаулы мемлекеттік органдардың, азаматтық қорғау органдарының қызметкерлері, курсанттары мен білім алушылары әскери есепке алуға жатпайды.
rule-absence-title = Келмеу: себеп дәлелді ме
rule-absence-illness = Келуге кедергі келтіретін ауру — дәлелді себеп.
rule-absence-death = Жақын туысының немесе жұбайының (зайыбының) қайтыс болуы — дәлелді себеп.
rule-absence-disaster = Табиғи апат немесе келуге кедергі келтіретін өзге де мән-жай — дәлелді себеп.
rule-absence-marriage = Өз некесін мемлекеттік тіркеу — дәлелді себеп.
rule-absence-abroad = Қазақстан Республикасының шегінен тыс жерде болу — дәлелді себеп.
rule-absence-other-awaiting = Себеп беттегі тізімде көрсетілген бес себептің бірі емес; оның келуге кедергі келтірген-келтірмегені туралы лауазымды адамның қорытындысы күтілуде. Оған дейін ол келмеуді ақтамайды және ішкі істер органына жолдауға да әкелмейді.
rule-absence-other-prevented = Лауазымды адам көрсетілген себеп белгіленген уақытта келуге кедергі келтірген мән-жай деп анықтады, сондықтан келмеу дәлелді деп танылады.
rule-absence-other-not-prevented = Лауазымды адам көрсетілген себеп келуге кедергі келтірмеген деп анықтады, сондықтан келмеу дәлелді деп танылмайды.
rule-absence-other-reading = 003 мәтінінің 9-тармағын түсіндіру: тізімнен тыс себеп тек 3) тармақшада көрсетілген «жеке тұлғаның келуіне кедергі келтіретін өзге де мән-жайлардың» бірі бола алады; оның солай екенін лауазымды адам факт ретінде анықтайды, ол ешқашан азаматтың сөздерінен болжанбайды.
rule-serviceman-conscript = Әскерге шақырылушы жергілікті әскери басқару органынан әскери қызмет орнына жөнелту туралы бұйрық шыққан күннен бастап әскери қызметші болады: { $date }.
rule-serviceman-contract = Келісімшарт бойынша әскери қызметші командирдің оны бөлімнің тізімдеріне енгізу туралы бұйрығы жарияланған күннен бастап әскери қызметші болады: { $date }.
rule-serviceman-cadet = Бұрын әскери қызметші болмаған курсант оны білім алушылардың тізімдік құрамына енгізу туралы бұйрық шыққан күннен бастап әскери қызметші болады: { $date }.
rule-serviceman-cadet-foreign = Шетелдік әскери оқу орнына қабылданған курсант оны оқуға жіберу туралы бұйрық шыққан күннен бастап әскери қызметші болады: { $date }.
rule-serviceman-ulan = Ұлан үшінші курсқа ауыстыру және лауазымға тағайындау туралы бұйрық жарияланған күннен бастап әскери қызметші болады: { $date }.
rule-serviceman-cadet-already = Бұл курсант оқуға түскенге дейін әскери қызметші болған, сондықтан оқуға түсу мәртебені бастамайды: мәртебе жалғасады.
rule-serviceman-future = Бұйрықтың күні — { $date }, бұл осы шешімнің күнінен кейін, сондықтан мәртебе әлі басталған жоқ.
rule-timing-title = Шақыру қағазы: оның мерзімдері заң талап ететін хабарлау мерзімін сақтай ма
rule-timing-not-after = Келу күні ({ $appearance }) шақыру қағазы жіберілген немесе тапсырылған күннен ({ $sent }) кейін емес, сондықтан мерзімдер жарамсыз.
rule-timing-electronic-ok = Электрондық хабарлама келу күніне дейін кемінде үш күнтізбелік күн бұрын жіберілуге тиіс; келу күні { $appearance }, жіберілген күні { $sent }, арада { $days } күн бар, бұл жеткілікті.
rule-timing-electronic-short = Электрондық хабарлама келу күніне дейін кемінде үш күнтізбелік күн бұрын жіберілуге тиіс; келу күні { $appearance }, жіберілген күні { $sent }, арада небәрі { $days } күн бар.
rule-timing-authority-ok = Жергілікті әскери басқару органында тапсырылған қағаз түріндегі шақыру қағазы келуді келесі күннен кешіктірмей белгілей алады; тапсырылған күні { $sent }, келу күні { $appearance }, бұл талапқа сәйкес келеді.
rule-timing-authority-late = Жергілікті әскери басқару органында тапсырылған қағаз түріндегі шақыру қағазы келуді келесі күннен кешіктірмей белгілеуге тиіс; тапсырылған күні { $sent }, келу күні { $appearance }, яғни { $days } күн кейін.
rule-timing-paper-ok = Бет мәтіні жеке өзіне немесе пошта арқылы жеткізілетін қағаз түріндегі шақыру қағазы үшін хабарлау мерзімін белгілемейді; келу ({ $appearance }) жеткізуден ({ $sent }) кейін, тек осы ғана тексеріледі.
rule-timing-calendar-days = Күнтізбелік күндер тәулік уақытына қарамастан Asia/Almaty (UTC+5) уақыт белдеуіндегі күндер бойынша есептеледі.
rule-channel-title = Шақыру қағазы: қай арна қолданылады
rule-channel-sms = Ұялы телефон нөмірі белгілі, сондықтан шақыру қағазы осы нөмірге SMS-хабарлама ретінде жіберіледі.
rule-channel-egov = Азаматтың «Электрондық үкімет» порталындағы есептік жазбасында тіркелген ұялы телефон нөмірі бар, сондықтан шақыру қағазы осы есептік жазбаға жіберіледі.
rule-channel-both = Ұялы телефон нөмірі де, ұялы телефон нөмірі тіркелген «Электрондық үкімет» порталындағы есептік жазба да белгілі; шақыру қағазы олардың біріне немесе екеуіне де жіберілуі мүмкін, алдымен SMS-хабарлама пайдаланылады.
rule-channel-paper = Ұялы телефон нөмірі, тіпті «Электрондық үкімет» порталында тіркелгені де белгісіз, сондықтан шақыру қағазы қағаз түрінде жеке өзіне немесе пошта арқылы жеткізіледі.
rule-notified-title = Шақыру қағазы: азамат тиісінше хабардар етілді ме
rule-notified-read = Хабарлама келу уақытына дейін жеткізілді және оқылды, сондықтан азамат тиісінше хабардар етілді.
rule-notified-read-late = Хабарлама тек келу уақытынан кейін оқылды, сондықтан азамат тиісінше хабардар етілмеді.
rule-notified-number-changed = Ұялы телефон нөмірі өзгерген, сондықтан азамат тиісінше хабардар етілмеді.
rule-notified-awaiting-delivery = Жеткізу туралы есеп әлі келген жоқ; келу күні аяқталғанға дейін мәртебе «күтілуде» болып қалады.
rule-notified-not-delivered = Келу уақытына дейін жеткізу туралы есеп келмеді, сондықтан азамат тиісінше хабардар етілмеді.
rule-notified-delivered-unread = Хабарлама жеткізілді, бірақ оқылған жоқ; келу күні аяқталғанға дейін мәртебе «күтілуде» болып қалады.
rule-notified-unread = Хабарлама жеткізілді, бірақ келу уақытына дейін оқылмады, сондықтан азамат тиісінше хабардар етілмеді.
rule-notified-reading = Қолданылған түсіндіру: электрондық шақыру қағазы келу уақытына дейін әрі жеткізілген, әрі оқылған жағдайда ғана хабардар етеді.
rule-notified-refused = Азамат қағаз түріндегі шақыру қағазын қабылдаудан бас тартты және бас тарту белгіленді, сондықтан азамат тиісінше хабардар етілді.
rule-notified-signed = Азамат қағаз түріндегі шақыру қағазын алғаны туралы қол қойды, сондықтан азамат тиісінше хабардар етілді.
rule-notified-handed = Шақыру қағазы азаматқа жергілікті әскери басқару органында тапсырылды, сондықтан азамат тиісінше хабардар етілді.
rule-notified-paper-late = Қағаз түріндегі шақыру қағазы азаматқа тек келу уақытынан кейін жетті, сондықтан азамат тиісінше хабардар етілмеді.
rule-notified-paper-pending = Қағаз түріндегі шақыру қағазының алынғаны әлі тіркелген жоқ; келу күні аяқталғанға дейін мәртебе «күтілуде» болып қалады.
rule-notified-paper-missed = Қағаз түріндегі шақыру қағазы келу уақытына дейін алынбады, сондықтан азамат тиісінше хабардар етілмеді.
rule-action-title = Келу күнінен кейін: одан әрі не істеледі
rule-action-appeared = Азамат келді, сондықтан одан әрі ештеңе талап етілмейді.
rule-action-pending = Азаматтың тиісінше хабардар етілген-етілмегені әлі анықталған жоқ, сондықтан әзірге ештеңе талап етілмейді.
rule-action-not-notified = Азамат тиісінше хабардар етілмеді, сондықтан ішкі істер органына жолдаудың орнына жаңа шақыру қағазы жіберілуге тиіс.
rule-action-excused = Азамат тиісінше хабардар етілді, бірақ оның дәлелді себебі болды, сондықтан келу басқа уақытқа ауыстырылуға тиіс.
rule-action-awaiting-excuse-decision = Азамат тиісінше хабардар етілді және тізімде аталмаған себепті хабарлады; одан әрі бірдеңе істелмес бұрын лауазымды адам бұл себептің келуге кедергі келтірген-келтірмегенін анықтауға тиіс.
rule-action-too-early = Келу күні ({ $appearance }) әлі өткен жоқ, сондықтан әзірге ештеңе талап етілмейді.
rule-action-too-early-reading = Мәтінді түсіндіру: азамат Asia/Almaty уақыты бойынша келу күні аяқталғаннан кейін ғана «шақыру қағазы бойынша келмеген» болып саналады; оған дейін жаңа шақыру қағазы да, ішкі істер органына жолдау да қолданылмайды.
rule-action-refer = Азамат тиісінше хабардар етілді және дәлелді себепсіз келмеді, сондықтан оның келуін қамтамасыз ету ішкі істер органына жүктеледі.

## Азаматтар тізілімі және науқандар

invalid-iin-shape = ЖСН дәл 12 цифрдан тұрады; «{ $iin }» бұл талапқа сәйкес келмейді.
invalid-iin-century = ЖСН-нің 7-цифры ғасыр мен жынысты білдіреді және 1-ден 6-ға дейінгі мән болады; мұнда ол — { $digit }.
invalid-iin-date = ЖСН { $iin }: алғашқы алты цифры күнді (YYMMDD) білдірмейді.
invalid-iin-check = ЖСН { $iin }: бақылау цифры — { $found }, бірақ нөмір { $expected } цифрын талап етеді.
invalid-iin-no-check = ЖСН { $iin }: алғашқы он бір цифр үшін бірде-бір бақылау цифры жарамды емес, сондықтан бұл ЖСН бола алмайды.
invalid-iin-mismatch = ЖСН { $iin } мына деректерді білдіреді: { $from_iin }, бірақ жазбада көрсетілгені: { $stated }.
invalid-csv-bool = «{ $value }» — yes немесе no емес.
invalid-csv-date = «{ $value }» — күн емес (YYYY-MM-DD).
invalid-csv-empty = Бұл баған бос болмауға тиіс.
invalid-csv-sex = «{ $value }» жынысты білдірмейді (male немесе female).
invalid-csv-child-before-parent = Баланың туған күні ({ $value }) азаматтың өз туған күнінен бұрын.
invalid-csv-mobile = «{ $value }» — халықаралық форматтағы ұялы телефон нөмірі емес (+7...).
invalid-csv-removal = «{ $value }» — есептен шығару себебі емес (none, discharged, retired, max_reserve_age, unfit).
invalid-csv-file = Файл оқылатын CSV емес: { $detail }
invalid-csv-header = Бірінші жолда бағандардың атаулары мына ретпен көрсетілуге тиіс: { $expected }
invalid-csv-record = Бұл жол оқылатын CSV емес: { $detail }
invalid-csv-columns = Бұл жолда { $found } баған бар; { $expected } баған күтіледі.
invalid-csv-duplicate-in-file = ЖСН { $iin } осы файлда бұрынырақ кездеседі.
invalid-csv-already-registered = ЖСН { $iin } тізілімде бұрыннан бар.
invalid-required = Бұл өрісті толтыру міндетті.
invalid-campaign-purpose = Мақсат мыналардың бірі болуға тиіс: { $allowed }.
invalid-campaign-past = Келу уақыты болашақта болуға тиіс.
invalid-campaign-status = Науқанның күйі «{ $status }» болғанда мүмкін емес.
invalid-campaign-citizen-outside = Азамат { $id } осы науқан бөлімшесінің аясынан тыс тіркелген.
invalid-campaign-citizen-unknown = Тізімде көрсетілген азаматтардың кейбірі жүйеде жоқ.
invalid-fact-channel = Мұны «{ $channel }» арнасы арқылы жіберілген шақыру қағазы үшін тіркеуге болмайды.
invalid-fact-future = Бұл уақыт әлі келген жоқ.
invalid-fact-before-appearance = Келу { $appearance } күніне белгіленген: азаматтың келгенін сол күннен бастап тіркеуге болады.
invalid-excuse-other-text = Басқа себеп көрсетілгенде лауазымды адам ол бойынша шешім қабылдай алуы үшін азаматтың өз сөздері қажет.
invalid-excuse-finding-not-other = Қорытынды тек басқа себеп бойынша шығарылады: тізімдегі бес себеп мәтіннің өзі бойынша дәлелді.
invalid-authority-timing = Органда тапсырылған шақыру қағазы келуді бүгін кешірек немесе ертең белгілеуге тиіс.
invalid-webhook-body = Вебхук хабарламалары күтілген нысанда емес: { $detail }
invalid-webhook-kind = «{ $kind }» — вебхук хабарламасының түрі емес (delivered, read, failed, number_changed).
summons-text = Шақыру қағазы: Сіз { $date } күні сағат { $time } мына мекенжайға келуіңіз қажет: { $place }. Жеке басыңызды куәландыратын құжатты алып келіңіз.
invalid-format = «{ $value }» — формат емес (json немесе csv).
cli-citizens-imported = { $imported } азамат импортталды; { $rejected } жол қабылданбады.
cli-citizens-rejected =   { $line }-жол, «{ $column }» бағаны: { $reason }
cli-cites = Сілтемелер: { $clauses }
cli-campaign-created = Науқан { $id } жасалды (жоба).
cli-campaign-planned = { $planned } шақыру қағазы жоспарланды; үш күнтізбелік күн қалдыру үшін { $moved } келу күні кейінге ауыстырылды.
campaign-skip-below-conscription-age = { $count ->
    [one] Таңдалған бір азаматқа шақыру қағазы жіберілмеді: ол келу күні әскерге шақыру жасына (18–29 жас) толмаған.
   *[other] Таңдалған { $count } азаматқа шақыру қағазы жіберілмеді: олар келу күні әскерге шақыру жасына (18–29 жас) толмаған.
}
campaign-skip-above-conscription-age = { $count ->
    [one] Таңдалған бір азаматқа шақыру қағазы жіберілмеді: ол келу күні әскерге шақыру жасынан (18–29 жас) асқан.
   *[other] Таңдалған { $count } азаматқа шақыру қағазы жіберілмеді: олар келу күні әскерге шақыру жасынан (18–29 жас) асқан.
}
campaign-skip-not-subject-to-registration = { $count ->
    [one] Таңдалған бір азаматқа шақыру қағазы жіберілмеді: ол келу күні әскери есепке алуға жатпайды.
   *[other] Таңдалған { $count } азаматқа шақыру қағазы жіберілмеді: олар келу күні әскери есепке алуға жатпайды.
}
campaign-skip-training-undecided = { $count ->
    [one] Бір азамат қамтылмады: сүзгі міндетті әскери даярлықты талап етеді, ал тізілімде мұны анықтайтын оның балаларының туған күндері жоқ.
   *[other] { $count } азамат қамтылмады: сүзгі міндетті әскери даярлықты талап етеді, ал тізілімде мұны анықтайтын балаларының туған күндері жоқ.
}
cli-campaign-released = Науқан { $id } іске қосылды: оның электрондық шақыру қағаздары жіберілуде.
cli-send-progress = Әзірге { $sent } шақыру қағазы жіберілді…
cli-send-done = Жіберілді: { $sent }; сәтсіз аяқталып, қайталанатын әрекеттер: { $failed }; тым кеш болғандықтан жіберілмей қалдырылғандары: { $late }.
cli-record-reason = Келмеу себебін тіркеу үшін --reason қажет.
cli-replay-same = Түбіртек { $id } ({ $rule }): шешім өзгеріссіз.
cli-replay-differs = Түбіртек { $id } ({ $rule }, { $entity }): шешім қазір басқаша. Сақталғаны: { $stored }. Қазіргі: { $now }.
cli-replay-corpus-changed = Мәтіндер корпусы шешім қабылданған кездегі корпустан өзгеше.
cli-replay-version-changed = Ереженің нұсқасы { $stored } болған, қазір { $now } (0: ереже енді жоқ).
cli-replay-summary = Қайта орындалған шешімдер: { $count }; өзгешелері: { $changed }.
cli-record-delivered-by = Қол қойылған немесе қабылдаудан бас тартылған қағаз түріндегі шақыру қағазы үшін --delivered-by (кім жеткізгені) қажет.
cli-record-finding = Басқа себеп бойынша шешім үшін --finding (prevented_appearance немесе did_not_prevent_appearance) қажет.
cli-record-fact = «{ $fact }» — тіркелетін факт емес (signed, refusal_noted, appeared, excuse).
cli-recorded = Тіркелді.
cli-simulator-serving = SMS-шлюз { $sms } мекенжайында, «Электрондық үкімет» порталы { $egov } мекенжайында симуляцияланады; хабарламалар { $webhook } мекенжайына жіберіледі.
cli-simulator-inside = Арналар симуляторы осы процесте { $address } мекенжайында жұмыс істеп тұр: іске қосылған науқандар ол арқылы жіберіледі.

## Әскерге шақыру беттері

citizens-title = Әскерге шақыру: азаматтар және науқандар
citizens-search-label = ЖСН немесе аты-жөні (басы жеткілікті)
citizens-none = Сәйкес азамат жоқ.
citizens-import-title = Азаматтарды CSV файлынан импорттау
citizens-import-help = Бірінші жолда бағандар аталады: iin, surname, given_name, patronymic, sex, birth_date, children_birth_dates, residence_address, temporary_address, work_address, mobile, mobile_in_own_name, egov_account_with_mobile, has_military_specialty, removed_reason, serving_sentence, permanent_residence_abroad, law_enforcement_or_civil_protection. Қатесі бар жолдар тізіммен көрсетіліп, шығарып тасталады; қалғандары бірге импортталады.
citizens-import-result = { $imported } азамат импортталды; { $rejected } жол қабылданбады.
citizens-rejected-row = { $line }-жол, «{ $column }» бағаны:
citizen-registration = Әскери есепке алу
citizen-training = Міндетті әскери даярлық
citizen-cites = Сілтемелер:
citizen-summonses = Шақыру қағаздары
campaigns-title = Шақыру қағаздарын жіберу науқандары
campaign-create-title = Жаңа науқан
campaign-funnel = Барысы
campaign-refreshing = Жіберілуде: жоғарыдағы барысы бірнеше секунд сайын өздігінен жаңарады.
campaign-any-sex = Барлығы
campaign-men = Ерлер
campaign-women = Әйелдер
campaign-only-registered = Тек әскери есепке алуға жататын азаматтар
campaign-send-confirm = Осы науқанның шақыру қағаздарын қазір жіберу керек пе? Хабарламаларды кері қайтарып алу мүмкін емес.
campaign-referrals = Ішкі істер органына жолданатындар тізімі
campaign-summonses = Шақыру қағаздары
campaign-status-draft = жоба
campaign-status-planned = жоспарланған, әлі жіберілмеген
campaign-status-sending = жіберілуде
campaign-status-closed = жабылған
purpose-medical-examination = Медициналық куәландыру
purpose-evaluation = Бағалау
purpose-conscription-commission = Шақыру комиссиясы
purpose-dispatch-to-unit = Әскери бөлімге жөнелту
purpose-assignment = Тағайындау
funnel-planned = Жоспарланды
funnel-sent = Жіберілді
funnel-delivered = Жеткізілді
funnel-read = Оқылды
funnel-notified = Тиісінше хабардар етілді
funnel-appeared = Келді
funnel-excused = Дәлелді себеппен келмеді
funnel-awaiting-excuse-decision = Себеп бойынша шешім күтілуде
funnel-referred = Ішкі істер органына жолданды
channel-sms = SMS-хабарлама
channel-egov = «Электрондық үкімет» порталындағы есептік жазба
channel-paper-personal = Қағаз түрінде, жеке өзіне
channel-paper-mail = Қағаз түрінде, пошта арқылы
channel-paper-at-authority = Қағаз түрінде, органда
summons-notified-notified = Тиісінше хабардар етілді
summons-notified-not-notified = Тиісінше хабардар етілмеді
summons-notified-pending = Күтілуде
summons-action-none = Ештеңе
summons-action-awaiting-appearance = Келу күні күтілуде
summons-action-reschedule = Жаңа шақыру қағазы
summons-action-awaiting-excuse-decision = Себеп бойынша шешім күтілуде
summons-action-refer-to-internal-affairs = Ішкі істер органына жолдау
summons-fact-appeared = Келді
summons-fact-signed = Қағаз түріндегі шақыру қағазын алғаны туралы қол қойды
summons-fact-refusal = Қабылдаудан бас тартты (белгіленді)
summons-fact-excuse = Келмеу себебін хабарлады
summons-fact-excuse-decision = Басқа себеп бойынша шешім қабылдау
referral-title = Жолданатындар тізімі: { $campaign }
referral-intro = { $date } күнгі жағдай бойынша тиісінше хабардар етілген, бірақ дәлелді себепсіз келмеген азаматтар. Олардың келуін қамтамасыз ету ішкі істер органына жүктеледі.
referral-csv = CSV ретінде жүктеп алу
referral-none = Ешкім жолданбайды.
field-iin = ЖСН
field-birth-date = Туған күні
field-purpose = Мақсаты
field-place = Келу орны
field-appearance-date = Келу күні
field-appearance-time = Келу уақыты
field-appearance = Келу
field-csv = CSV
field-sex = Жынысы
field-residence = Тұрғылықты мекенжайы
field-mobile = Ұялы телефон нөмірі
field-channel = Арна
field-notified = Хабардар етілуі
field-reason = Себеп
field-excuse-text = Азаматтың сөздері
field-delivered-by = Жеткізген адам
field-excuse-finding = Қорытынды
summons-excuse = { $reason } ({ $status })
summons-excuse-with-words = { $reason }: «{ $words }» ({ $status })
action-create-campaign = Науқан жасау
action-import = Импорттау
action-plan = Азаматтарды таңдау және шақыру қағаздарын жоспарлау
action-send = Шақыру қағаздарын жіберу
action-record = Тіркеу
invalid-fact-kind = «{ $value }» — тіркелетін нәрсе емес.

## Басып шығарылатын құжаттар

pdf-summons-none = Бұл науқанда қағаз түріндегі шақыру қағаздары жоқ.
pdf-summons-title = ШАҚЫРУ ҚАҒАЗЫ
pdf-summons-number = № { $id } ({ $channel })
pdf-summons-to = Кімге:
pdf-summons-iin = ЖСН { $iin }
pdf-summons-body = Сіз { $date } күні сағат { $time } мына мекенжайға келуіңіз қажет: { $place }. Мақсаты: { $purpose }.
pdf-summons-bring = Жеке басыңызды куәландыратын құжатты алып келіңіз. Егер дәлелді себеппен келе алмасаңыз, белгіленген уақытқа дейін осы шақыру қағазын берген жергілікті әскери басқару органына хабарлаңыз.
pdf-summons-basis = Азаматтарды әскери қызметке шақыру қағидаларына сәйкес берілді (Қазақстан Республикасының «Электрондық үкімет» порталы, «Міндетті әскери қызмет»). Осы шақыру қағазын қабылдаудан бас тартқан азамат тиісінше хабардар етілген болып саналады.
pdf-summons-received = Алдым: қолы ____________________  күні мен уақыты ____________________
pdf-summons-refused = Қабылдаудан бас тартты (жеткізген адамның белгісі): ________________________________________  қолы ____________
pdf-referral-basis = Әскерге шақырылушы жергілікті әскери басқару органының шақыру қағазы бойынша келмеген жағдайда, оның келуін қамтамасыз ету тиісті ішкі істер органына жүктеледі.
campaign-paper-pdf = Басып шығаруға арналған қағаз түріндегі шақыру қағаздары (PDF)
referral-pdf = Басып шығару (PDF)
cli-handed-over = Шақыру қағазы { $id } органда тапсырылды және алынды деп тіркелді.
cli-pdf-written = Файлға жазылды: { $path }.
cli-demo-citizens = Демо тізілімде { $count } генерацияланған азамат бар (Алматы қаласының Қорғаныс істері жөніндегі департаменті).
invalid-text-length = Мәтін 1–{ $max } таңбадан тұруға тиіс.

## Әскери қызмет қауіпсіздігі

invalid-act-retained = Акт бақылау аяқталғаннан кейін бес жыл бойы сақталуға тиіс; оны { $until } бастап жоюға болады.
invalid-act-unit-outside = Тексерілетін бөлімше тексеруші органға тиесілі болуға тиіс.
invalid-choice = Мыналардың бірін таңдаңыз: { $allowed }.
invalid-count = «{ $value }» нөлге тең немесе одан үлкен бүтін сан емес.
invalid-date-future = { $value } — болашақтағы күн.
invalid-month = «{ $value }» ай емес (YYYY-MM).
invalid-period-order = Аяқталу күні басталу күнінен бұрын болмауға тиіс.
clause-id-error-shape = Норма идентификаторының түрі АКТ/БӨЛІК болуы тиіс, мысалы kz-2020-mod-738/para_5; "{ $id }" бұл түрге сәйкес келмейді.
clause-id-error-act = "{ $id }" норма идентификаторының "{ $act }" акт бөлігінде тек a-z, 0-9, '-' таңбалары мен рим цифрлары болуы мүмкін.
clause-id-error-component = "{ $id }" норма идентификаторының "{ $component }" бөлігі ТҮР_НӨМІР түрінде емес; ТҮР мыналардың бірі болуы тиіс: { $kinds }.
import-error-act-id = "{ $act }" акт идентификаторында тек a-z, 0-9, '-' таңбалары мен рим цифрлары болуы мүмкін.
import-error-no-title = Актінің атауы жоқ.
import-error-no-structure = Мәтінде бірде-бір тарау, бап, тармақ немесе тармақша танылмады.
invalid-period-number = { $kind ->
        [month] Ай 1-ден { $max } дейін болуы тиіс; берілгені: { $number }.
        [quarter] Тоқсан 1-ден { $max } дейін болуы тиіс; берілгені: { $number }.
        [half_year] Жартыжылдық 1-ден { $max } дейін болуы тиіс; берілгені: { $number }.
       *[other] Кезеңнің нөмірі 1-ден { $max } дейін болуы тиіс; берілгені: { $number }.
    }
invalid-period-year = Жыл 1900 бен 9998 аралығында болуы тиіс; берілгені: { $year }.
invalid-period-empty = Оқу күнтізбесі бойынша бұл кезең бос.
invalid-plan-activity-line = Іс-шаралардың { $line }-жолы былай жазылуға тиіс: тармақ;атауы;жауапты адам;бақылаушы адам;мерзімі (YYYY-MM-DD);орындау нысаны.
invalid-plan-activity-superseded = Бұл іс-шара енді күшінде емес нұсқаға тиесілі.
invalid-plan-approved-unchangeable = Бекітілген нұсқаны өзгертуге болмайды; оның орнына себебін көрсетіп, қайта қарауды ашыңыз.
invalid-plan-item-no = { $item } тармақ нөмірі бір рет қана қолданылған оң сан емес.
invalid-plan-no-activities = Жоспар бекітілгенге дейін онда кемінде бір іс-шара болуға тиіс.
invalid-plan-not-body = Жоспарларды әскери басқару органдары жасайды; бұл бөлімше ондай орган емес.
invalid-plan-revise-unapproved = Тек бекітілген Жоспарды қайта қарауға болады; әзірленіп жатқан нұсқаны аяқтап, бекітіңіз.
invalid-plan-year = { $year } — Жоспар жасауға болатын жыл емес (2021 жылдан бастап).
invalid-report-by-before-end = Баяндау мерзімі бақылаудың аяқталу күнінен бұрын болмауға тиіс.
invalid-structure-key = «{ $key }» кілті бос немесе екі рет қолданылған.
invalid-structure-parent = «{ $parent }» файлда бұрын көрсетілген кілт те, бар бөлімшенің id:N-і де емес.
invalid-structure-parent-forbidden = Бұл бөлімшенің құрамына бөлімшелер қосуға рұқсат жоқ.
invalid-unit-forbidden = Бұл бөлімше бойынша деректер енгізуге рұқсат жоқ.

safety-title = Әскери қызмет қауіпсіздігі
safety-intro = № 738 бұйрық бойынша Жоспарлар, даярлық, тексерулер мен Актілер, оқиғалар және 1000 адамға шаққандағы талдау.
safety-body = Орган
safety-choose-body = Көрсету
safety-structure = Құрылымы және саны
safety-structure-intro = 2-тармақтағы бес деңгейдің әскери басқару органдары, олардың бөлімшелері, бөлімдері және қызметтері, сондай-ақ соңғы ұсынылған жеке құрам саны.
safety-echelon = Талдау деңгейі
safety-personnel = Жеке құрам саны
safety-descendants = Төмендегі бөлімшелер
safety-import-structure = Бөлімшелерді импорттау (CSV: key,parent,name,kind)
safety-import-strength = Жеке құрам санын импорттау (CSV: unit_id,month,personnel)
safety-import-incidents = Оқиғаларды импорттау (CSV: unit_id,occurred_on,kind,in_duty,cause,activity,description)
safety-imported = { $count } жол импортталды.
safety-rejected = { $line }-жол, { $column }: { $reason }
safety-plans = Жоспарлар
safety-plans-intro = Әрбір орган алдағы жылға арналған Жоспарын 24 желтоқсанға дейін бекітеді; осы күннен кейін бекітілген Жоспары жоқ органдар белгіленеді.
safety-plan-due = Мерзімі: { $date }
safety-plan-late = { $date } дейін бекітілген Жоспар жоқ
safety-plan-none = Жоспар әлі жоқ
safety-plan-new = Жоспардың жобасын жасау
safety-year = Жыл
safety-goals = Мақсаттар
safety-tasks = Міндеттер
safety-requirements = Талаптар
safety-activities = Іс-шаралар
safety-activities-help = Әр жолға біреуден: тармақ;атауы;жауапты адам;бақылаушы адам;мерзімі (YYYY-MM-DD);орындау нысаны
safety-version = { $version }-нұсқа
safety-versions = Нұсқалар
safety-version-approved = { $date } күні бекітті: { $by }
safety-version-draft = әзірленуде
safety-revision-reason = Қайта қаралды, себебі: { $change } ({ $reason })
safety-approve = Бекіту (командир)
safety-approver-title = Командирдің әскери атағы, тегі және аты-жөнінің бас әріптері
safety-revise = Қайта қарауды ашу
safety-revise-change = Не өзгерді
safety-revise-reason = Себебі
safety-save-draft = Жобаны сақтау
safety-compare = Алдыңғы нұсқамен салыстыру
safety-diff-texts = Өзгерген мәтіндер: { $names }
safety-diff-items = Қосылған тармақтар: { $added }; алып тасталғандары: { $removed }; өзгергендері: { $changed }
safety-diff-none = Айырмашылық жоқ.
safety-overdue = мерзімі өтіп кеткен
safety-overdue-count = { $count ->
        [one] Бір іс-шараның мерзімі орындалу белгісінсіз өтіп кетті.
       *[other] { $count } іс-шараның мерзімі орындалу белгісінсіз өтіп кетті.
    }
safety-complete = Орындалды деп белгілеу
safety-completion-mark = Орындалу белгісі (кіріс, шығыс немесе тіркеу нөмірі)
safety-completed-on = Орындалған күні
safety-pdf = Басып шығаруға арналған PDF
safety-trainings = Даярлық
safety-trainings-intro = Арнайы сабақтар және айлықтар немесе онкүндіктер (11-тармақ).
safety-training-record = Даярлық іс-шарасын тіркеу
safety-training-kind = Түрі
safety-training-activity = Неге дайындайды
safety-starts-on = Басталу күні
safety-ends-on = Аяқталу күні
safety-held = Өткізілді
safety-reminders = Келесі оқу кезеңіне дейін
safety-reminder = { $unit }: { $start } күні басталатын { $period } алдында кешенді тактикалық-жауынгерлік оқу-жаттығу, мерзімі — { $due }.
safety-reminder-recorded = тіркелді
safety-reminder-missing = әлі тіркелмеген
safety-acts = Бақылау актілері
safety-acts-intro = Акт түрінде ресімделген тексерулер (2-қосымша). Актілер бақылау аяқталғаннан кейін бес жыл бойы сақталады.
safety-act-record = Актіні тіркеу
safety-act = № { $id } акт
safety-act-inspected = Тексерілген бөлімше
safety-act-grounds = Бақылау жүргізу негіздері
safety-act-chair = Комиссия төрағасы
safety-act-members = Комиссия мүшелері (әр жолға біреуден)
safety-act-from = Бақылаудың басталуы
safety-act-to = Бақылаудың аяқталуы
safety-act-violations = Бұзушылықтар (әр жолға біреуден: санаты;сипаттамасы)
safety-act-proposals = Бұзушылықтарды жою жөніндегі ұсыныстар
safety-act-report-by = Жойылғаны туралы баяндау мерзімі
safety-act-acknowledge = Бөлімше командирі ретінде танысу
safety-act-acknowledged = Танысқан: { $by }.
safety-act-not-acknowledged = Бөлімше командирі әлі танысқан жоқ.
safety-act-kept-until = { $date } дейін сақталады.
safety-act-delete = Актіні жою
safety-act-delete-confirm = Бұл Актіні біржола жою керек пе? Бұл әрекетті болдырмау мүмкін емес.
safety-eliminate = Жойылған күні
safety-eliminated = { $date } күні жойылды
safety-open = ашық
safety-overdue-violations = Баяндау мерзімі өтіп кеткен бұзушылықтар
safety-coverage = Осы тоқсандағы қамту
safety-coverage-row = { $total } бөлім мен қызметтің { $inspected } тексерілді; { $required } қажет.
safety-incidents = Оқиғалар
safety-incidents-intro = Қаза болу және жарақаттану жағдайлары (жаралану, жарақаттану, контузия), олардың себебімен, қызмет түрімен және маусымымен.
safety-incident-record = Оқиғаны тіркеу
safety-incident-date = Күні
safety-incident-kind = Түрі
safety-incident-in-duty = Әскери қызмет міндеттерін атқару кезінде
safety-incident-cause = Себебі
safety-incident-activity = Қызмет түрі
safety-incident-season = Маусым
safety-incident-description = Сипаттамасы
safety-analysis = Талдау
safety-analysis-schedule = Жүргізілуге тиіс талдаулар
safety-analysis-open = Талдауды ашу
safety-period-kind = Кезең
safety-period-number = Ай, тоқсан немесе жартыжылдық
safety-schedule-status-completed = орындалды
safety-schedule-status-open = ашық
safety-schedule-status-late = кешіктірілген
safety-deadline = Мерзімі
safety-yes = иә
safety-no = жоқ

analysis-title = Әскери қызмет қауіпсіздігін қамтамасыз ету жөніндегі жұмыстың жай-күйін талдау
analysis-period = { $start } бастап { $end } дейін, { $previous_start } бастап { $previous_end } дейінгі кезеңмен салыстырғанда.
analysis-this-period = Осы кезең
analysis-last-year = Өткен жылдың осындай кезеңі
analysis-strength = Орташа саны
analysis-deaths = Міндеттерін атқару кезінде қаза болу
analysis-injuries = Міндеттерін атқару кезінде жаралану, жарақаттану және контузия
analysis-deaths-rate = 1000 адамға шаққанда қаза болу
analysis-injuries-rate = 1000 адамға шаққанда жарақаттану
analysis-other = Міндеттерін атқарумен байланысты емес: { $deaths } қаза болу, { $injuries } жарақаттану (тіркелген, коэффициенттерге енгізілмеген).
analysis-ranking = 1000 адамға шаққандағы қаза болу және жарақаттану бойынша сараланған бағынысты бөлімшелер
analysis-rate = 1000 адамға
analysis-change = Өзгеріс
analysis-state = Жай-күйі
analysis-favourable = қолайсыз емес
analysis-unfavourable = қолайсыз
analysis-unfavourable-criterion = Бағынысты бөлімшенің жай-күйі, егер оның міндеттерін атқару кезіндегі 1000 адамға шаққандағы қаза болу көрсеткіші тұтастай органның көрсеткішінен жоғары болса немесе оның міндеттерін атқару кезіндегі 1000 адамға шаққандағы қаза болу және жарақаттану көрсеткіші органның көрсеткішінен жоғары болып, өткен жылдың осындай кезеңімен салыстырғанда төмендемесе, қолайсыз болып табылады. 16-тармақтың 3) тармақшасы өлшемшартын көрсетпей айқындауды талап етеді; бұл өлшемшарт — Qorgau-дың өзінікі.
analysis-trend = Айлар бойынша қаза болу және жарақаттану
analysis-deficiencies = Тән кемшіліктер (Актілерде анықталған бұзушылықтар)
analysis-causes = Міндеттерін атқару кезіндегі қаза болу және жарақаттану себептері
analysis-none = Ештеңе тіркелмеген.
analysis-conclusions = Қорытындылар
analysis-measures = Ұсынылатын шаралар
analysis-conclusions-missing = Талдаушы қорытындыларды әлі жазған жоқ.
analysis-save = Қорытындыларды сақтау

plan-status-draft = жоба
plan-status-approved = бекітілген
plan-status-revising = қайта қаралуда

coverage-met = орындалды
coverage-on-pace = қалыпты қарқында
coverage-heading-below = 25 %-дан төмен болу қаупі бар
coverage-missed = орындалмады

echelon-armed-forces = Қарулы Күштер (жыл сайын)
echelon-command-body-with-subordinate-units = бағынысты әскери бөлімдері бар басқару органы (жарты жылда бір рет және жыл сайын)
echelon-branch-or-regional-command = Қарулы Күштер түрі немесе өңірлік қолбасшылық (тоқсан сайын, жарты жылда бір рет, жыл сайын)
echelon-military-unit = әскери бөлім (ай сайын, тоқсан сайын, жарты жылда бір рет, жыл сайын)

training-special-exercise = Арнайы сабақ
training-month-campaign = Айлық
training-decade-campaign = Онкүндік

activity-training-period = оқу кезеңі
activity-combat-training = жауынгерлік даярлық
activity-field-exercise = далалық сабақтар мен оқу-жаттығулар
activity-troop-movement = әскерлердің орын ауыстыруы
activity-weapons-and-equipment-work = қару-жарақ пен техникамен жұмыс
activity-daily-duty = тәуліктік наряд
activity-household-work = шаруашылық жұмыстары
activity-off-duty = қызметтен тыс уақыт

incident-death = қаза болу
incident-wound = жаралану
incident-injury = жарақаттану
incident-contusion = контузия

violation-weapons-handling = қару мен оқ-дәрілерді қолдану тәртібі
violation-vehicle-operation = көлік құралдарын пайдалану
violation-equipment-operation = әскери және арнайы техниканы пайдалану
violation-training-ground-safety = оқу алаңдарындағы қауіпсіздік
violation-fire-safety = өрт қауіпсіздігі
violation-electrical-safety = электр қауіпсіздігі
violation-daily-duty = тәуліктік нарядты ұйымдастыру
violation-relations-between-servicemen = әскери қызметшілер арасындағы өзара қарым-қатынас
violation-health-and-sanitation = денсаулық сақтау және санитария
violation-planning-and-documentation = жоспарлау және құжаттама
violation-other = басқа

cause-traffic-accident = жол-көлік оқиғасы
cause-weapons-handling = қаруды қолдану
cause-equipment-operation = техниканы пайдалану
cause-training-accident = оқу-жаттығу кезіндегі жазатайым оқиға
cause-fall = құлау
cause-drowning = суға бату
cause-electric-shock = электр тогының соғуы
cause-fire = өрт
cause-violence = зорлық-зомбылық
cause-suicide = өз-өзіне қол жұмсау
cause-illness = ауру
cause-other = басқа

pdf-safety-approved = БЕКІТЕМІН
pdf-safety-commander = Басқару органының командирі (бастығы)
pdf-safety-rank-name = (әскери атағы, тегі және аты-жөнінің бас әріптері)
pdf-plan-title = { $year } жылға арналған әскери қызмет қауіпсіздігін қамтамасыз ету жоспары
pdf-plan-version = { $version }-нұсқа.
pdf-plan-goals = Әскери қызмет қауіпсіздігін қамтамасыз ету жоспарының мақсаттары:
pdf-plan-tasks = Әскери қызмет қауіпсіздігін қамтамасыз ету жоспарының міндеттері:
pdf-plan-requirements = Органның, оның бөлімшелері мен қызметтерінің күнделікті қызметіндегі әскери қызмет қауіпсіздігіне қойылатын талаптар:
pdf-plan-col-item = Р/с №
pdf-plan-col-name = Іс-шараның атауы
pdf-plan-col-responsible = Жауапты адам (орындаушы)
pdf-plan-col-monitoring = Бақылаушы адам
pdf-plan-col-term = Орындау мерзімдері
pdf-plan-col-form = Орындау нысаны
pdf-plan-col-mark = Орындалу белгісі (кіріс, шығыс, тіркеу нөмірі)
pdf-plan-deputy = Әскери басқару органы командирінің (бастығының) орынбасары (көмекшісі)
pdf-act-title = Әскери қызмет қауіпсіздігін қамтамасыз ету жөніндегі жұмыстың жай-күйін бақылау актісі
pdf-act-body = { $grounds } негізінде Комиссия төрағасы { $chair } және Комиссия мүшелері { $members } { $from } бастап { $to } дейінгі кезеңде { $unit } бойынша әскери қызмет қауіпсіздігін қамтамасыз ету жөніндегі жұмыстың жай-күйіне бақылау жүргізді.
pdf-act-violations = Бақылау барысында мынадай бұзушылықтар анықталды:
pdf-act-no-violations = Бұзушылықтар анықталған жоқ.
pdf-act-proposals = Бұзушылықтарды жою жөніндегі ұсыныстар:
pdf-act-report-by = Бұзушылықтардың жойылғаны туралы { $date } дейін баяндалсын.
pdf-act-chair = Комиссия төрағасы:
pdf-act-members = Комиссия мүшелері:
pdf-act-read = Әскери қызмет қауіпсіздігін қамтамасыз ету жөніндегі жұмыстың жай-күйін бақылау актісімен таныстым.
pdf-act-unit-commander = Әскери басқару органы бөлімшесінің командирі (бастығы)
pdf-act-acknowledged = { $by }, { $date }

cli-written = { $path } файлына жазылды.
cli-not-json = { $path } күтілген құрылымдағы жарамды JSON емес
cli-safety-imported = { $imported } жол импортталды; { $rejected } жол қабылданбады.
cli-plan-created = { $id } Жоспарының жобасы жасалды (1-нұсқа).
cli-plan-approved = { $id } Жоспары бекітілді ({ $version }-нұсқа).
cli-plan-revising = { $id } Жоспары: { $version }-нұсқа қайта қарау үшін ашылды.
cli-act-recorded = № { $id } акт тіркелді.
cli-act-deleted = № { $id } акт жойылды.
cli-acts-purged = { $count ->
        [0] Сақтау мерзімі аяқталған бірде-бір Акт жоқ.
        [one] Сақтау мерзімі өтіп кеткен бір Акт жойылды.
       *[other] Сақтау мерзімі өтіп кеткен { $count } Акт жойылды.
    }
cli-demo-safety = Қызмет қауіпсіздігінің демо-деректері жүктелді: екі жылғы жеке құрам саны бар { $units } басқару бөлімшесі, { $incidents } оқиға және { $acts } Акт.

unit-kind-state = мемлекет
unit-kind-ministry = министрлік
unit-kind-operational-strategic = жедел-стратегиялық орган
unit-kind-operational-territorial = жедел-аумақтық орган
unit-kind-operational-tactical = жедел-тактикалық орган
unit-kind-tactical = тактикалық орган
unit-kind-local = жергілікті орган
unit-kind-military-unit = әскери бөлім
unit-kind-department = бөлім
unit-kind-service = қызмет
unit-kind-military-administration = жергілікті әскери басқару органы
unit-kind-council = Қауіпсіздік Кеңесі
unit-kind-other = басқа
plan-change-daily-activity-conditions-changed = Күнделікті қызмет жағдайлары өзгерді
plan-change-new-equipment-received = Жаңа қару-жарақ, әскери немесе арнайы техника алынды
period-winter-training-short = қысқы
cli-rollups-checked = Деректерден { $rows } жиынтық жол қайта есептелді; { $differences ->
        [0] барлық сақталған жолдар сәйкес келеді.
        [one] бір сақталған жол сәйкес келмейді:
       *[other] { $differences } сақталған жол сәйкес келмейді:
    }
cli-rollups-rebuilt = Жиынтықтар деректерден қайта құрылды ({ $rows } жол).
cli-reference-list = { $list }: { $source } көзінен { $count } жазба

## Кім жауапты

who-title = Кім жауапты?
who-intro = Сұрақты өзіңізге қажет өкілеттіктің етістігімен сөзбен қойыңыз («кім бекітеді…», «кім әзірлейді…», «кім бақылайды…»). Бес мәтін беретін әрбір өкілеттік оның иесімен, түрімен және объектісімен индекстелген; сұралған түрдегі өкілеттіктер жауап ретінде беріледі, әрқайсысы өз нормасымен және сол күнгі мәртебесімен.
who-question = Сұрақ
who-example = дене шынықтыру даярлығы қағидаларын кім бекітеді
who-ask = Сұрау
who-none = Мәтіндерде сұраққа сәйкес келетін осы түрдегі өкілеттік жоқ.
who-other-kinds = Сол объектіге қатысты басқа түрдегі өкілеттіктер
who-holders = { $holders }
reference-title = Ұлттық қауіпсіздіктің анықтамалық тізімдері
reference-intro = Әрбір тізім талданған мәтіндерден алынады, сондықтан әрбір жазба — заңның нормасы.
reference-security-types = Ұлттық қауіпсіздік түрлері ({ $count })
reference-national-interests = Ұлттық мүдделер ({ $count })
reference-main-threats = Ұлттық қауіпсіздікке төнетін негізгі қатерлер ({ $count })
reference-principles = Ұлттық қауіпсіздік қағидаттары ({ $count })
reference-system-functions = Ұлттық қауіпсіздік жүйесінің функциялары ({ $count })
reference-forces = Ұлттық қауіпсіздік күштері ({ $count })
reference-public-bodies = Мемлекеттік органдар және олардың құзыреті ({ $count })
reference-defense-functions = Қорғаныс министрлігінің функциялары ({ $count }, енгізілген және алып тасталған тармақшаларымен)
reference-council-functions = Қауіпсіздік Кеңесінің функциялары ({ $count })
invalid-organisation-code = «{ $code }» коды бос, тым ұзын немесе бұрыннан қолданылған.
invalid-organisation-unknown = «{ $code }» коды бар ұйым жоқ.
invalid-share = «{ $value }» пайыздық үлес емес (0-ден көп, 100-ден аспайтын).
invalid-holding-twice = Бұл иеленуші осы ұйымның акцияларын бұрыннан иеленеді (немесе өз акцияларын иеленер еді).
invalid-holding-over = Осы жолмен ұйымдағы иеленетін үлестердің жиыны { $total } % болар еді, бұл 100 %-дан көп.

## Ұлттық қауіпсіздік

security-title = Ұлттық қауіпсіздік
security-ownership = Меншікті тексеру (23-баптың 6-тармағы)
security-ownership-intro = Шетелдік тұлғалар бұқаралық ақпарат құралы меншік иесінің 20 %-дан астамын, қалааралық немесе халықаралық байланыс операторының 49 %-дан астамын бақылай алмайды; үлестер тікелей де, меншіктің әрбір тізбегі арқылы да есептеледі.
security-organisation-search = Ұйымның коды немесе атауы
security-foreign-share = Нақты шетелдік үлес: { $share } %
security-paths = Шетелдік меншік тізбектері
security-cycles = Өзара меншік циклдері
cli-reference-addition = қосылды: { $text } (енгізген: { $act }, { $from } бастап)
reference-added = Енгізген: { $act }, { $from } бастап

## security.indicator_status және security.decision_control
rule-security-indicator-status-title = Стратегиялық құжаттың нысаналы көрсеткіші жоспар бойынша орындалып жатыр ма
rule-security-indicator-rule = Мәтін мониторингті атағанымен, тексеру тәсілін көрсетпейтіндіктен, бұл — Qorgau ережесі: көрсеткіш базалық мәннен нысаналы мәнге мерзімге дейін түзу сызық бойынша жылжиды деп күтіледі; өткен күндер талап ететін жол үлесін толық жүріп өтсе — жоспар бойынша, сол үлестің кемінде { $share } %-ын жүріп өтсе немесе әлі ештеңе өлшенбесе — тәуекел бар, әйтпесе немесе мерзім нысаналы мәнге жетпей өтіп кетсе — жоспардан қалып отыр.
rule-security-indicator-unmeasured = Әлі бірде-бір мән өлшенбеген, сондықтан көрсеткішті жоспар бойынша деп көрсету мүмкін емес.
rule-security-indicator-reached = Соңғы мән ({ $value }) нысаналы мәнге жетті.
rule-security-indicator-missed = Мерзім ({ $deadline }) өтіп кетті, ал соңғы мән ({ $value }) нысаналы мәнге жеткен жоқ.
rule-security-indicator-on-track = { $on } күні көрсеткіш нысаналы мәнге дейінгі жолдың { $progress } %-ын жүріп өтті, ал өткен күндер { $expected } % талап етеді.
rule-security-indicator-at-risk = { $on } күні көрсеткіш нысаналы мәнге дейінгі жолдың { $progress } %-ын жүріп өтті, бұл өткен күндер талап ететін { $expected } %-дан кем.
rule-security-indicator-off-track = { $on } күні көрсеткіш нысаналы мәнге дейінгі жолдың тек { $progress } %-ын жүріп өтті, бұл өткен күндер талап ететін { $expected } %-дан едәуір кем.
rule-security-decision-control-title = Қауіпсіздік Кеңесі шешімінің орындалуын бақылау
rule-security-control-open = Әлі баяндалмаған; мерзімі — { $deadline }.
rule-security-control-overdue = { $days ->
        [one] Мерзімі өтіп кетті: { $deadline } мерзімі бір күн бұрын өтті, орындалуы туралы қабылданған есеп жоқ.
       *[other] Мерзімі өтіп кетті: { $deadline } мерзімі { $days } күн бұрын өтті, орындалуы туралы қабылданған есеп жоқ.
    }
rule-security-control-awaiting = Орындалуы туралы баяндалды, хатшылықтың қарауын күтуде.
rule-security-control-returned = Орындалуы туралы есеп қайтарылды; орган { $deadline } дейін қайта баяндауға тиіс.
rule-security-control-done = Орындалуы туралы баяндалды және қабылданды: орындалды.
rule-security-control-late = Орындалуы туралы мерзімі өткеннен кейін баяндалды.

## Ұлттық қауіпсіздік мониторингі және Қауіпсіздік Кеңесі: енгізу қателері
invalid-body = «{ $value }» — 15-баптағы орган емес (1-ден 30-ға дейінгі тармақша).
invalid-threat = «{ $value }» — сол күні күшінде болған негізгі қатер емес (6-баптың тармақшасы немесе толықтыру).
invalid-interest = «{ $value }» — сол күні күшінде болған ұлттық мүдде емес (5-баптың тармақшасы немесе толықтыру).
invalid-scale = { $value } 1-ден 5-ке дейінгі шкаладан тыс.
invalid-future-date = Күн бүгінгі күннен кейін болмауға тиіс.
invalid-measure-kind = «{ $value }» — 18-баптың 3-тармағындағы шара түрі емес (1-ден 6-ға дейінгі тармақша).
invalid-no-body = Кемінде бір жауапты органды көрсетіңіз.
invalid-target-equals-baseline = Нысаналы мән базалық мәннен өзгеше болуға тиіс.
invalid-deadline-before-baseline = Мерзім базалық күннен кейін болуға тиіс.
invalid-hearing-body = Тыңдауда басшысы тыңдалатын орган көрсетіледі.
invalid-deadline-before-meeting = Мерзім { $held_on } күні өткен отырыстан бұрын болмауға тиіс.
invalid-agenda-item = { $value } мәселе осы отырыстың күн тәртібінде жоқ.
invalid-return-needs-note = Есептің неліктен қайтарылатынын көрсетіңіз.
cli-created = { $id } идентификаторымен тіркелді.
cli-commission = «{ $name }» комиссиясы ({ $area }): басшысы — { $head } орган, { $members } мүше.
cli-heat-map = Жылу картасы (жолдар: әсері 5-тен 1-ге дейін; бағандар: ықтималдығы 1-ден 5-ке дейін):
cli-overdue-days = { $days ->
        [one] мерзімі бір күнге өтіп кетті
       *[other] мерзімі { $days } күнге өтіп кетті
    }

## Ұлттық қауіпсіздік мониторингінің парақтары
security-bodies-title = Органдар және олардың байланыстары
security-bodies-intro = «Ұлттық қауіпсіздік туралы» Заңның 15-бабындағы мемлекеттік органдар, әрқайсысы мәтінде қалай сипатталса, солай: Президентке тікелей бағынатыны және есеп беретіні, ведомствоаралық үйлестіруді басқаратын саласы және өзі басқаратын немесе құрамына кіретін ведомствоаралық комиссиялар (18-баптың 4-тармағы).
security-bodies-legend = Тұтас сызық: Президентке тікелей бағынады және есеп береді. Үзік сызық: Президентке есеп береді. Нүктелі сызық: Президент құратын Қауіпсіздік Кеңесі. Көлеңкеленген блоктар — салада үйлестіруді басқаратын органдар; жуан сызықтар комиссия басшысынан, жіңішке сызықтар оның мүшелерінен жүргізіледі.
security-bodies-list = 15-баптағы органдар
security-body = Орган
security-to-president = Президентке қатысы
security-to-president-subordinate-and-accountable = тікелей бағынады және есеп береді
security-to-president-accountable = есеп береді
security-to-president-none = —
security-leads = Үйлестіруді басқаратын саласы
security-president = Қазақстан Республикасының Президенті
security-council-body = Қауіпсіздік Кеңесі
security-commissions = Ведомствоаралық комиссиялар
security-commissions-intro = Комиссияны өз саласында ведомствоаралық үйлестіруді басқаратын орган басқарады; оның мүшелері — осы саясатқа қатысатын органдар.
security-commission = Комиссия
security-commission-head = Басшысы
security-commission-members = Мүшелері
security-commission-create = Комиссия құру
security-area = Сала
security-area-military = әскери қауіпсіздік
security-area-public = қоғамдық қауіпсіздік
security-area-political = саяси қауіпсіздік
security-area-economic = экономикалық қауіпсіздік
security-area-financial = қаржылық қауіпсіздік
security-area-energy = энергетикалық қауіпсіздік
security-area-information = ақпараттық қауіпсіздік
security-area-information-space = ақпараттық кеңістіктің қауіпсіздігі
security-area-ecological = экологиялық қауіпсіздік
security-area-international = халықаралық қауіпсіздік
security-area-counter-terrorism = терроризм мен экстремизмге қарсы іс-қимыл
security-area-emergencies = төтенше жағдайлар және азаматтық қорғаныс
security-area-protected-persons = күзетілетін адамдардың қауіпсіздігі
security-any = кез келген
security-as-of = Күні
security-threats-title = Қатерлер тізілімі
security-threats-intro = 6-баптағы негізгі қатерлердің уақыт бойынша бағалаулары: 1-ден 5-ке дейінгі шкала бойынша ықтималдығы мен әсері, үрдісі, сипаттамасы және оның дәлелдері, саласы және қатер төнген ұлттық мүдделер. Әрбір қатер көрсетілген күнгі соңғы бағалауымен көрсетіледі.
security-heat-map = Жылу картасы
security-heat-map-intro = Әрбір қатер өзінің соңғы бағалауының ұяшығында орналасады. Бояу — ықтималдық × әсер көбейтіндісін Qorgau-дың өзі топтастыруы: 15 және одан жоғары — жоғары, 8-ден 14-ке дейін — орташа, 8-ден төмен — төмен.
security-likelihood = Ықтималдық
security-impact = Әсер
security-score = Балл
security-trend = Үрдіс
security-trend-rising = өсуде
security-trend-stable = тұрақты
security-trend-falling = төмендеуде
security-threats-list = Негізгі қатерлер
security-threat = Қатер
security-threat-title = Қатер
security-threat-trend = Уақыт бойынша балл (ықтималдық × әсер)
security-threat-history = Бағалаулар
security-assessed-on = Бағаланған күні
security-assessed-by = Бағалаған
security-not-assessed = әлі бағаланбаған
security-assess = Бағалауды тіркеу
security-narrative = Сипаттама
security-evidence = Дәлелдер (әр жолға бір сілтеме немесе дереккөз)
security-interest = Қатер төнген ұлттық мүдде
security-interests-endangered = Қатер төнген ұлттық мүдделер
security-endangers = Қатер төндіреді: { $interests }
security-measures-title = Шаралар
security-measures-intro = «Ұлттық қауіпсіздік туралы» Заңның 18-бабының 3-тармағындағы шаралар: әрқайсысы бапта аталған түрлердің біріне жатады, негізгі қатерлерге жауап береді, жауапты органдары, мерзімі, мәртебесі және есептері көрсетіледі. Мерзімі өтіп кеткен, орындалмаған және тоқтатылмаған шара мерзімі өткен болып есептеледі.
security-measures-overdue = { $count ->
        [one] Бір шараның мерзімі өтіп кетті.
       *[other] { $count } шараның мерзімі өтіп кетті.
    }
security-measure = Шара
security-measure-title = Шара
security-measure-kind = Түрі (18-баптың 3-тармағы)
security-measure-create = Шараны тіркеу
security-measure-status-planned = жоспарланған
security-measure-status-in-progress = орындалуда
security-measure-status-done = орындалды
security-measure-status-cancelled = тоқтатылды
security-threats-answered = Жауап берілетін қатерлер
security-responsible = Жауапты органдар
security-deadline = Мерзімі
security-status = Мәртебесі
security-description = Сипаттамасы
security-overdue-days = { $days ->
        [one] мерзімі бір күнге өтіп кетті
       *[other] мерзімі { $days } күнге өтіп кетті
    }
security-reports = Есептер
security-report = Есеп
security-report-text = Есеп
security-reported-on = Есеп берілген күні
security-strategy-title = Стратегиялық көрсеткіштер
security-strategy-intro = Қауіпсіздік Кеңесі стратегиялық құжаттардың іске асырылуына мониторинг жүргізеді және оны бағалайды (3-функция). Әрбір нысаналы көрсеткіш security.indicator_status ережесі бойынша бағаланады, ереже көрсеткіштің жанында көрсетілген.
security-indicator-status-on-track = жоспар бойынша
security-indicator-status-at-risk = тәуекел бар
security-indicator-status-off-track = жоспардан қалып отыр
security-document = Құжат
security-document-create = Стратегиялық құжатты тіркеу
security-adopted-on = Қабылданған күні
security-approved-by = Бекіткен (акт)
security-indicator = Көрсеткіш
security-indicator-create = Нысаналы көрсеткіш қосу
security-unit = Өлшем бірлігі
security-baseline = Базалық мән
security-baseline-on = Базалық күн
security-target = Нысаналы мән
security-values = Өлшенген мәндер
security-measured-on = Өлшенген күні
security-value = Мән
security-note = Ескертпе
security-record-value = Тіркеу

## Қауіпсіздік Кеңесінің парақтары
council-title = Қауіпсіздік Кеңесі
council-intro = Қауіпсіздік Кеңесінің отырыстары, органдарға мерзімімен тапсырылған шешімдер мен ұсынымдар, органдардың орындалуы туралы есептері және хатшылықтың бақылауы. Әрбір өзгеріс аудит журналына жазылады.
council-control = Орындалуын бақылау
council-status-open = ашық
council-status-overdue = мерзімі өтіп кеткен
council-status-awaiting-review = есеп берілді, қарауды күтуде
council-status-returned = пысықтауға қайтарылды
council-status-done = орындалды
council-meetings = Отырыстар
council-meeting = Отырыс
council-meeting-title = Қауіпсіздік Кеңесінің отырысы
council-meeting-create = Отырысты тіркеу
council-held-on = Өткізілген күні
council-held = { $date } күні өткізілді.
council-agenda = Күн тәртібі
council-agenda-add = Күн тәртібіне мәселе қосу
council-agenda-item = Күн тәртібінің мәселесі
council-agenda-kind = Мәселенің түрі
council-agenda-kind-government-annual-report = Үкіметтің жылдық есебін тыңдау
council-agenda-kind-head-hearing = органның басшысын тыңдау
council-agenda-kind-draft-law-review = заң жобасын қарау
council-agenda-kind-programme-review = мемлекеттік бағдарламаны қарау
council-agenda-kind-other = басқа
council-heard-body = Тыңдалған орган
council-decisions = Шешімдер мен ұсынымдар
council-decision = Шешім
council-decision-title = Қауіпсіздік Кеңесінің шешімі
council-decision-heading = № { $id } шешім
council-decision-kind = Түрі
council-decision-kind-decision = шешім
council-decision-kind-recommendation = ұсыным
council-decision-create = Шешімді тіркеу
council-assigned-to = Кімге тапсырылды
council-reports = Орындалуы туралы есептер
council-report-execution = Орындалуы туралы есеп беру
council-reported-late = мерзімі өткеннен кейін есеп берілді
council-review = Қарау
council-review-pending = қарауды күтуде
council-review-accepted = қабылданды
council-review-returned = қайтарылды
council-review-note = Ескертпе (қайтару үшін міндетті)
council-accept = Қабылдау
council-return = Қайтару
cli-demo-security = Ұлттық қауіпсіздік демо-деректері жүктелді: { $assessments } қатер бағалауы, { $measures } шара, { $indicators } стратегиялық көрсеткіш және Қауіпсіздік Кеңесінің { $decisions } шешімі.
security-threat-measures = Осы қатерге жауап беретін шаралар
security-threat-no-measures = Бұл қатерге әлі бірде-бір шара жауап бермейді.
council-annual-heard = Үкіметтің { $year } жылғы жылдық есебі { $date } күні тыңдалды.
council-annual-not-heard-since = Үкіметтің жылдық есебі { $year } жылы тыңдалған жоқ; соңғы тыңдау { $date } күні болды.
council-annual-never = Үкіметтің жылдық есебі { $year } жылы тыңдалған жоқ.
security-member-of = Құрамына кіреді
security-body-measures = Ол жауапты шаралар
security-body-decisions = Оған тапсырылған Қауіпсіздік Кеңесінің шешімдері
invalid-report-before-meeting = Орындалуы туралы есепті оны шешкен, { $held_on } күні өткен отырысқа дейін беруге болмайды.
security-commission-no-head = басшысы көрсетілмеген: 15-бап бұл салада бірде-бір органға ведомствоаралық үйлестіруді жүктемейді
invalid-measured-before-baseline = Мәнді көрсеткіштің базалық күнінен ({ $baseline_on }) бұрын өлшеуге болмайды.

## Платформа сөздіктері: `message_id()` астын сызу белгісі бар сөздерге беретін id-лер (жоғарыдағы
## сызықшасы бар ескі id-лер дәл осыны білдіреді).
cli-unknown-role = белгісіз рөл «{ $value }»; рөлдер: { $known }
cli-unknown-unit-kind = белгісіз бөлімше түрі «{ $value }»; түрлері: { $known }

## Кім не істейді: өкілеттік иелері мен түрлері
defense-holder-president = Қазақстан Республикасының Президенті
defense-holder-first-president = Қазақстан Республикасының Тұңғыш Президенті – Елбасы
defense-holder-parliament = Қазақстан Республикасының Парламенті
defense-holder-government = Қазақстан Республикасының Үкіметі
defense-holder-security-council = Қазақстан Республикасының Қауіпсіздік Кеңесі
defense-holder-courts = соттар
defense-holder-prosecutors-office = Қазақстан Республикасының прокуратурасы
defense-holder-ministry-of-defense = Қорғаныс министрлігі
defense-holder-minister-of-defense = Қорғаныс министрі
defense-holder-first-deputy-minister-of-defense = Қорғаныс министрінің бірінші орынбасары – Қарулы Күштер Бас штабының бастығы
defense-holder-main-directorate-of-military-police = Қарулы Күштердің Әскери полиция бас басқармасы
defense-holder-military-command-bodies = әскери басқару органдары
defense-holder-commanders-of-command-bodies = әскери басқару органдарының командирлері (бастықтары)
defense-holder-deputy-commander = әскери басқару органы командирінің (бастығының) орынбасары (көмекшісі)
defense-holder-officials-of-command-bodies = әскери басқару органдарының лауазымды адамдары
defense-holder-monitoring-commission = бақылау комиссиясы (оның төрағасы мен мүшелері)
defense-holder-unit-commander = әскери басқару органының бақыланатын бөлімшесінің командирі (бастығы)
defense-holder-responsible-persons = Жоспар іс-шараларының жауапты адамдары (орындаушылары)
defense-holder-monitoring-persons = Жоспар іс-шараларын бақылаушы адамдар
defense-holder-military-unit-commander = әскери бөлімнің (мекеменің) командирі (бастығы)
defense-holder-head-of-military-educational-institution = әскери немесе мамандандырылған оқу орнының бастығы
defense-holder-head-of-authorised-body = уәкілетті органның басшысы
defense-holder-head-of-authorised-state-body = уәкілетті мемлекеттік органның басшысы
defense-holder-local-military-administration-bodies = жергілікті әскери басқару органдары
defense-holder-head-of-organisation = ұйымның басшысы
defense-holder-postal-courier = пошта курьері
defense-holder-internal-affairs-bodies = ішкі істер органдары
defense-holder-citizens = Қазақстан Республикасының азаматтары
defense-holder-citizens-subject-to-conscription = шақыруға жататын азаматтар
defense-holder-educational-organisations = білім беру ұйымдары
defense-holder-state-bodies = мемлекеттік органдар
defense-holder-organisations = ұйымдар
defense-holder-officials = лауазымды адамдар
defense-holder-heads-of-state-bodies = мемлекеттік органдардың басшылары
defense-holder-state = мемлекет
defense-holder-national-security-forces = ұлттық қауіпсіздік күштері
defense-holder-national-security-system = ұлттық қауіпсіздікті қамтамасыз ету жүйесі
defense-holder-armed-forces = Қарулы Күштер, басқа да әскерлер мен әскери құралымдар
defense-holder-heads-of-coordinating-bodies = ведомствоаралық үйлестіруді жүзеге асыратын уәкілетті органдардың басшылары
defense-holder-local-representative-bodies = жергілікті өкілді органдар
defense-holder-local-executive-bodies = жергілікті атқарушы органдар
defense-holder-commission-on-strategic-objects = Үкімет жанындағы стратегиялық объектілер жөніндегі комиссия
defense-holder-authorised-state-bodies = уәкілетті мемлекеттік органдар
defense-holder-head-of-operational-staff = жедел штабтың басшысы
defense-holder-national-security-bodies = ұлттық қауіпсіздік органдары
defense-holder-foreign-intelligence-body = сыртқы барлау саласындағы уәкілетті орган
defense-holder-executive-protective-service = Президенттің Күзет қызметі
defense-holder-financial-police = қаржы полициясы органдары
defense-holder-foreign-policy-body = сыртқы саясат саласындағы уәкілетті орган
defense-holder-communications-and-information-body = байланыс және ақпарат саласындағы уәкілетті орган
defense-holder-information-security-body = ақпараттық қауіпсіздік саласындағы уәкілетті орган
defense-holder-environmental-protection-body = қоршаған ортаны қорғау саласындағы уәкілетті орган
defense-holder-public-planning-body = мемлекеттік жоспарлау саласындағы уәкілетті орган
defense-holder-agro-industrial-body = агроөнеркәсіптік кешен саласындағы уәкілетті орган
defense-holder-transport-and-communications-body = көлік және коммуникация саласындағы уәкілетті орган
defense-holder-finance-body = қаржы саласындағы уәкілетті орган
defense-holder-industry-body = өнеркәсіп және индустриялық-инновациялық даму саласындағы уәкілетті орган
defense-holder-energy-body = энергетика саласындағы уәкілетті орган
defense-holder-emergency-body = төтенше жағдайлар саласындағы уәкілетті орган
defense-holder-judicial-bodies = сот органдары
defense-holder-social-protection-body = әлеуметтік қорғау саласындағы уәкілетті орган
defense-holder-culture-body = мәдениет саласындағы уәкілетті орган
defense-holder-education-and-science-body = білім және ғылым саласындағы уәкілетті орган
defense-holder-health-care-body = денсаулық сақтау саласындағы уәкілетті орган
defense-holder-tourism-and-sports-body = туризм, дене шынықтыру және спорт саласындағы уәкілетті орган
defense-holder-land-management-body = жер ресурстарын басқару жөніндегі уәкілетті орган
defense-holder-statistics-body = статистика саласындағы уәкілетті орган
defense-holder-competition-body = бәсекелестік саласындағы уәкілетті орган
defense-holder-mineral-resources-body = жер қойнауын зерттеу және пайдалану жөніндегі уәкілетті орган
defense-holder-religious-affairs-body = дін істері жөніндегі уәкілетті орган
defense-holder-national-bank = Қазақстан Республикасының Ұлттық Банкі
defense-holder-accounts-committee = Республикалық бюджеттің атқарылуын бақылау жөніндегі есеп комитеті
defense-holder-budget-execution-body = бюджеттің атқарылуы жөніндегі орталық уәкілетті орган
defense-holder-budget-planning-body = бюджетті жоспарлау жөніндегі орталық уәкілетті орган
defense-holder-transport-body = көлік саласындағы мемлекеттік саясат жөніндегі орталық атқарушы орган
defense-holder-education-body = білім беру саласындағы уәкілетті орган
defense-verb-approves = бекіту
defense-verb-develops = әзірлеу
defense-verb-submits = енгізу немесе ұсыну
defense-verb-coordinates = үйлестіру
defense-verb-organises = ұйымдастыру
defense-verb-controls = бақылау немесе мониторинг жүргізу
defense-verb-carries-out = жүзеге асыру
defense-verb-determines = айқындау
defense-verb-ensures = қамтамасыз ету
defense-verb-participates = қатысу
defense-verb-considers = қарау, талдау немесе тыңдау
defense-verb-adopts = қабылдау немесе шешім шығару
defense-verb-appoints = тағайындау немесе бекітіп беру
defense-verb-forms = қалыптастыру, құру немесе белгілеу
defense-verb-manages = басқару немесе басшылық ету
defense-verb-informs = хабардар ету немесе баяндау
defense-verb-agrees = келісу (келісім беру немесе келісім алу)
defense-verb-is-authorised-body = уәкілетті орган ретінде әрекет ету

## Енгізілетін деректердің тазалығы (issue 15, 5-тармақ)
invalid-text-too-long = Ең көбі { $max } таңба жазыңыз.
invalid-text-line-break = Мұны бір жолға жазыңыз.
invalid-text-control = Бұл мәтінде көрінбейтін басқару таңбасы бар (U+{ $code }); оны алып тастап, мәтінді қайта жазыңыз.
invalid-text-direction = Бұл мәтінде оның көрсетілу бағытын өзгертетін көрінбейтін белгі бар (U+{ $code }), сондықтан ол сақталғаннан басқаша оқылар еді; оны алып тастаңыз.
invalid-date-range = { $value } жазбада көрсетуге болатын { $from } – { $to } жылдар аралығынан тыс.

## Аудит кілттері және бақылау нүктелері (issue 15, 2-тармақ)
audit-break-key-unknown = жазба кілттер жиынында жоқ кілтпен мөрленген.
audit-break-unsealed = жазбада кілт жоқ және ол кілттер жиынтығы атаған кілтсіз бөліктен (legacy:N) тыс: оны кілті жоқ біреу қайта хэштеген немесе кілттерден бұрын басталған журналдың жиынтығында legacy элементі жоқ.
audit-break-truncated = осы жерден бастап жазбалар жойылған: бақылау нүктесі кейінгі жазбаны тіркеген.
audit-break-checkpoint-mismatch = жазбаның хэші бақылау нүктесі тіркеген хэштен өзгеше: тізбек осы жерге дейін қайта жазылған.
audit-break-checkpoint-forged = осы жазбаны атайтын бақылау нүктесі расталмайды: ол өзгертілген немесе кілттер жиынында жоқ кілтпен қол қойылған.
audit-intact-checkpoints = { $entries } жазбадан тұратын тізбек бүтін және { $checkpoints } бақылау нүктесімен сәйкес келеді.
audit-checkpoint-written = № { $seq } жазбадағы бақылау нүктесі { $path } файлына қосылды. Оның көшірмесін дерекқор иесі қол жеткізе алмайтын жерде сақтаңыз.
audit-checkpoint-refused = Тізбектің басы (№ { $seq } жазба) кілттер жиынындағы кілтпен мөрленген жазба емес, сондықтан оған ешбір бақылау нүктесі кепілдік бермейді: qorgau audit verify командасын орындаңыз.
audit-checkpoint-bad-line = { $line }-жол бақылау нүктесі емес.
audit-checkpoints-unreadable = { $path } ішіндегі бақылау нүктелерін оқу мүмкін емес
audit-keys-bad-item = Аудит кілттері жиынының { $position }-элементі ID:KEY (1-ден басталатын кілт id-і және 64 оналтылық цифр) те, legacy:N те емес.
audit-keys-duplicate = Аудит кілттері жиынында { $id } кілті екі рет аталған.
audit-keys-empty = Аудит кілттері жиынында бірде-бір кілт жоқ.
audit-keys-unreadable = { $source } ішіндегі аудит кілттері жиынын пайдалану мүмкін емес
audit-keys-file-header = Qorgau аудит кілттерінің жиыны. Оны дерекқордан және оның сақтық көшірмелерінен бөлек сақтаңыз және әрбір кілтті сақтаңыз: тексеру үшін әрбір жазба мөрленген кілт қажет.
audit-keys-in-environment = Аудит кілттері QORGAU_AUDIT_KEY айнымалысынан алынады: жаңа кілтті оған келесі ID:KEY элементі ретінде қосыңыз және ескі кілттерді сақтаңыз.
audit-key-rotated = { $id } аудит кілті { $path } файлына қосылды және бұдан былай жаңа жазбаларды мөрлейді; жұмыс істеп тұрған сервер де осы кілтпен мөрлеп, тексеруі үшін оны қайта іске қосыңыз. Барлық ескі кілттерді сақтаңыз.

## Құрылымы бойынша шектелген
error-body-too-large = Бұл маршрутта сұраудың денесі ең көбі { $limit } байт бола алады.
error-too-many-requests = Бұл мекенжайдан сұраулар тым көп; { $seconds } с кейін қайталап көріңіз.
error-metrics-token = Метрикалар үшін метрикалар токені қажет: Authorization: Bearer тақырыбын және одан кейін сервер іске қосылған кездегі токенді жіберіңіз.

## Пайдаланушыларға қарсы қолдануға болмайтын кіру (issue 15, 4-тармақ)
error-sign-in-wait = Сәтсіз кіру әрекеттері тым көп. { $seconds ->
        [one] Бір секундтан
       *[other] { $seconds } секундтан
    } кейін қайталап көріңіз.
invalid-password-weak = Жаңа құпиясөзді табу тым оңай. Бірнеше сирек сөзді пайдаланыңыз немесе оны ұзартыңыз.
invalid-password-common = Жаңа құпиясөз жиі қолданылатын құпиясөзбен бірдей немесе оған жақын.
invalid-password-keyboard = Жаңа құпиясөз пернетақтадағы ретпен жазылған («qwerty» сияқты), оны табу оңай.
invalid-password-repeats = Жаңа құпиясөзде таңбалар немесе олардың топтары қайталанады («aaa» немесе «abcabc» сияқты), оны табу оңай.
invalid-password-sequence = Жаңа құпиясөз — реттілік («abcd» немесе «6543» сияқты), оны табу оңай.
invalid-password-dates = Жаңа құпиясөз күнге немесе соңғы жылдардың біріне негізделген, оны табу оңай.
invalid-password-words = Жаңа құпиясөз — бір ғана сөз немесе атау, оны табу оңай. Тағы бір-екі сөз қосыңыз; сирек сөздер жақсырақ.
invalid-token-days = Токен 1 күннен { $max } күнге дейін жарамды.
token-active-until = { $at } дейін белсенді
token-expired-at = Мерзімі өтті: { $at }
token-never-used = Ешқашан
field-last-used = Соңғы рет пайдаланылған
field-last-seen = Соңғы белсенділік
field-address = Мекенжай
account-sessions-title = Белсенді сеанстар
account-sessions-intro = Сеанс 30 минут бойы сұрау болмаса, ал кіргеннен кейін ең кешінде 12 сағаттан соң аяқталады. Танымайтын кез келген сеансты аяқтап, содан кейін құпиясөзді өзгертіңіз.
account-session-current = Осы сеанс
account-session-address-unknown = Тіркелмеген
account-session-ended = Сеанс аяқталды.
action-end-session = Аяқтау
user-status-waiting = Сәтсіз кіру әрекеттерінен кейін келесі әрекет { $until } (UTC) дейін күтеді
audit-keys-missing = Аудит журналы кілттермен мөрленген, бірақ { $path } жолында кілттер жиынтығы жоқ. Оны сол жерге қалпына келтіріңіз немесе QORGAU_AUDIT_KEY_FILE не QORGAU_AUDIT_KEY айнымалысында көрсетіңіз. Жаңа жиынтықты біле тұра бастау үшін (бұрын мөрленген жазбаларды содан кейін ешқашан тексеруге болмайды) мынаны орындаңыз: qorgau audit new-ring
audit-new-ring = Аудит кілттерінің жаңа жиынтығы { $path } файлына жазылды. Жоғалған жиынтықпен мөрленген жазбаларды енді тексеру мүмкін емес; жиынтықтың қашан және неге ауыстырылғанын тіркеңіз.
audit-ring-exists = { $path } жолында кілттер жиынтығы бар: жаңасы тек жиынтық жоқ жерде жасалады.
language-kk = Қазақша
language-ru = Русский
language-en = English
languages-label = Интерфейс тілі
account-language-title = Тіл
field-language = Интерфейс тілі, тіркелгіңізде сақталады
action-save-language = Тілді сақтау
error-not-ready = дерекқор жауап бермейді; себебі сервер журналында

# Problem documents of the API: the title of each kind, and the details of those no error gives.
problem-unauthenticated = Жүйеге кіру қажет
problem-bad-credentials = Кіру сәтсіз аяқталды
problem-locked = Кіруді күту қажет
problem-disabled = Тіркелгі өшірілген
problem-password-change-required = Құпиясөзді өзгерту қажет
problem-forbidden = Рұқсат етілмеген
problem-not-found = Табылмады
problem-conflict = Бұрыннан бар
problem-invalid = Енгізілген деректер жарамсыз
problem-unknown-rule = Белгісіз ереже
problem-facts-invalid = Фактілер жарамсыз
problem-not-yet-in-force = Ереже әлі күшіне енбеген
problem-busy = Бос емес
problem-internal = Ішкі қате
problem-csrf = CSRF токені жоқ
problem-body-mismatch = Сұрау денесі сәйкес келмейді
problem-malformed-json = JSON қате жазылған
problem-content-type = JSON күтіледі
problem-body-too-large = Сұрау денесі тым үлкен
problem-unreadable-body = Сұрау денесін оқу мүмкін емес
problem-body-invalid = Сұрау денесі жарамсыз
problem-path-invalid = Жол параметрі жарамсыз
problem-query-invalid = Сұрау параметрі жарамсыз
problem-too-many-requests = Сұраулар тым көп
problem-not-ready = Дайын емес
problem-metrics-token = Метрика токені қажет
problem-no-route = Мұндай ресурс жоқ
problem-detail-no-route = { $path } мекенжайында ештеңе қызмет көрсетілмейді
problem-detail-path-invalid = жол параметрін оқу мүмкін болмады: { $detail }
problem-detail-query-invalid = сұрау параметрін оқу мүмкін болмады: { $detail }
problem-detail-body-mismatch = сұрау денесі бұл операция қабылдайтын құрылымға сәйкес келмейді: { $detail }
problem-detail-malformed-json = сұрау денесі жарамды JSON емес: { $detail }
problem-detail-content-type = сұрау денесін Content-Type: application/json тақырыбымен жіберіңіз
problem-detail-unreadable-body = сұрау денесін оқу мүмкін болмады: { $detail }
problem-detail-body-invalid = сұрау денесі қабылданбады: { $detail }
problem-detail-csrf = сессия cookie файлымен жасалған өзгеріске сессияның X-CSRF-Token тақырыбы қажет
error-not-found-id = { $id } идентификаторы бар жазба жоқ.
field-choose = — таңдаңыз —
user-no-role-yet = Әзірге рөлсіз
user-remove-role-confirm = Бұл рөлді алып тастау керек пе? Адам оның мүмкіндіктерінен бірден айырылады.
